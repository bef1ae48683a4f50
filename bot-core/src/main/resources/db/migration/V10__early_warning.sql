-- claude500 store, version 10: the early warning. Portable between H2 2.x and PostgreSQL 15, like
-- version 1. (Versions 6 to 9 are left to other changes.)

-- A triage failing on a green status page: one row a triage, merged as it goes further.
CREATE TABLE early_signal (
    platform        VARCHAR                  NOT NULL,
    channel_id      VARCHAR                  NOT NULL,
    thread_id       VARCHAR                  NOT NULL,
    workspace       VARCHAR                  NOT NULL,
    error_kind      VARCHAR,
    branch          VARCHAR,
    same_path_fails BOOLEAN                  NOT NULL,
    first_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_early_signal PRIMARY KEY (platform, channel_id, thread_id)
);

CREATE INDEX ix_early_signal_workspace ON early_signal (workspace, last_at);

-- One warning a cluster. open_workspace is the workspace while the warning is open and NULL once it
-- is closed: its unique constraint lets one replica open a workspace's warning, never two (both
-- databases let many rows hold NULL in a unique column).
CREATE TABLE early_warning (
    id             VARCHAR                  NOT NULL,
    workspace      VARCHAR                  NOT NULL,
    open_workspace VARCHAR,
    first_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_with    INTEGER                  NOT NULL,
    closed_at      TIMESTAMP WITH TIME ZONE,
    incident_id    VARCHAR,
    incident_name  VARCHAR,
    incident_link  VARCHAR,
    CONSTRAINT pk_early_warning PRIMARY KEY (id),
    CONSTRAINT uq_early_warning_open UNIQUE (open_workspace)
);

CREATE INDEX ix_early_warning_closed ON early_warning (closed_at);

-- Each message of a warning (its first post in a channel, an edit, the closing note) as one replica
-- queued it: the primary key lets one replica queue it, so two never both send it.
CREATE TABLE early_warning_item (
    platform   VARCHAR                  NOT NULL,
    channel_id VARCHAR                  NOT NULL,
    item_key   VARCHAR                  NOT NULL,
    warning_id VARCHAR                  NOT NULL,
    queued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_early_warning_item PRIMARY KEY (platform, channel_id, item_key)
);

CREATE INDEX ix_early_warning_item_warning ON early_warning_item (warning_id);
