-- claude500 store, version 3: the row the store's write check updates. Portable between H2 2.x
-- and PostgreSQL 15, like version 1.

-- When nothing else wrote for a few seconds, the store updates this one row to learn whether it
-- can still write (a full or read-only disk, a read-only server); readiness reports what it found.
-- Replicas sharing the database update the same row.
CREATE TABLE write_check (
    check_id   INTEGER                  NOT NULL,
    checked_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_write_check PRIMARY KEY (check_id)
);

INSERT INTO write_check (check_id, checked_at) VALUES (1, CURRENT_TIMESTAMP);
