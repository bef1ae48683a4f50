-- claude500 store, version 2: what the incident watcher needs. Portable between H2 2.x and
-- PostgreSQL 15, like version 1.

-- A post the platform refused for good (no permission, unknown channel): recorded so it is
-- logged once and never retried. A failed entry is settled, like a confirmed one.
ALTER TABLE post_ledger ADD COLUMN failed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE post_ledger ADD COLUMN failure VARCHAR;

-- Named leases: one row per lease, held by one replica until it expires. Taking a lease is an
-- update that only matches an expired row (or the holder's own), or the insert of a new row.
CREATE TABLE lease (
    lease_name VARCHAR                  NOT NULL,
    holder     VARCHAR                  NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_lease PRIMARY KEY (lease_name)
);

-- Small named values the watcher keeps across restarts (its first-start baseline, the
-- maintenances it saw in progress).
CREATE TABLE watcher_state (
    state_key   VARCHAR                  NOT NULL,
    state_value VARCHAR                  NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_watcher_state PRIMARY KEY (state_key)
);

-- Triages that ended waiting for an incident to clear; the watcher tells each thread once.
-- incident_id is null when the triage knew of no incident (a person said the page was red).
CREATE TABLE waiting_triage (
    platform    VARCHAR                  NOT NULL,
    channel_id  VARCHAR                  NOT NULL,
    thread_id   VARCHAR                  NOT NULL,
    incident_id VARCHAR,
    since       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_waiting_triage PRIMARY KEY (platform, channel_id, thread_id)
);
