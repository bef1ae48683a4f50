-- claude500 store, version 6: incident posts go through the outbox too. Portable between H2 2.x and
-- PostgreSQL 15, like version 1.

-- subject: what the message's ledger entry is filed under (an incident's or maintenance's id; null
-- for the bot's other messages, filed under "outbox"). settles: the item keys, one per line, that
-- a new top-level post shows too and that are recorded under its message id once it is posted.
-- A thread reply or an edit of a top-level post that may still be queued names that post by its
-- item key (kinds "under-root" and "edit-root", the key in thread_id and message_id).
ALTER TABLE outbox ADD COLUMN subject VARCHAR;
ALTER TABLE outbox ADD COLUMN settles VARCHAR;
