-- claude500 store, version 8: a record of every triage, for the team's views (stats, the Slack App
-- Home). Portable between H2 2.x and PostgreSQL 15, like version 1. (Versions 6 and 7 are left to
-- other changes.)

-- One row per triage thread, replaced as the triage goes on; conv_version is the conversation's
-- stored version it was made from, so that a replica writing late never puts an older one back.
-- Kept apart from the conversation, and longer: retention purges records 90 days after their start.
CREATE TABLE triage_record (
    platform      VARCHAR                  NOT NULL,
    channel_id    VARCHAR                  NOT NULL,
    thread_id     VARCHAR                  NOT NULL,
    workspace     VARCHAR                  NOT NULL,
    started_by    VARCHAR                  NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    conv_version  BIGINT                   NOT NULL,
    branch        VARCHAR,
    verdict       VARCHAR,
    outcome       VARCHAR,
    first_move_at TIMESTAMP WITH TIME ZONE,
    ended_at      TIMESTAMP WITH TIME ZONE,
    escalated     BOOLEAN                  NOT NULL,
    incident_id   VARCHAR,
    CONSTRAINT pk_triage_record PRIMARY KEY (platform, channel_id, thread_id)
);
-- startedBetween() and openBy(): a workspace's triages by start.
CREATE INDEX ix_triage_record_workspace_started ON triage_record (workspace, started_at);
-- purgeStartedBefore().
CREATE INDEX ix_triage_record_started ON triage_record (started_at);
