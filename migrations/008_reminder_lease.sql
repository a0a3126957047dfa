-- A claim is a lease: claimed_by names the process (host:pid:random) that set claimed_at. Another process may take
-- the row only once the lease (REMINDER_LEASE_MS in src/storage/reminders.ts, 10 minutes) has run out, and a result
-- is recorded only by the claim's holder.
ALTER TABLE reminders ADD COLUMN claimed_by TEXT;
