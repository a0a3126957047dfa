-- A settled per capsulam decision gets its own register number (PC 3/2026), per förbund, body and year settled.
ALTER TABLE per_capsulam_results ADD COLUMN register_key TEXT; -- '<forbund>|<body>|<year>'
ALTER TABLE per_capsulam_results ADD COLUMN register_number INTEGER CHECK (register_number >= 1);
CREATE UNIQUE INDEX per_capsulam_register ON per_capsulam_results (register_key, register_number);
