-- Whether a conversation reference was learned from a request with a validated Bot Framework token. References from
-- before this migration are not known to be, so they start at 0: with authentication on, the bot's token only goes to
-- a service URL some authenticated reference (or request) has shown.
ALTER TABLE conversation_refs ADD COLUMN authenticated INTEGER NOT NULL DEFAULT 0 CHECK (authenticated IN (0, 1));
