-- claude500 store, version 9: who is hit by an incident, per workspace (Slack) or server (Discord).
-- Portable between H2 2.x and PostgreSQL 15, like version 1. (Versions 6 to 8 are left to other changes.)

-- One row per reason a person is counted as hit by an incident in a workspace: their own
-- "I'm hit too" click (via = 'click'), or a triage of theirs that waits on the incident
-- (via = 'triage <channel> <thread>'). A person is counted once however many rows they have.
-- The primary key makes a click's insert race-safe between replicas.
CREATE TABLE incident_hit (
    incident_id VARCHAR                  NOT NULL,
    platform    VARCHAR                  NOT NULL,
    workspace   VARCHAR                  NOT NULL,
    person_id   VARCHAR                  NOT NULL,
    via         VARCHAR                  NOT NULL,
    since       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_incident_hit PRIMARY KEY (incident_id, platform, workspace, person_id, via)
);
-- forgetTriage(): a triage's rows, whatever incident they name.
CREATE INDEX ix_incident_hit_via ON incident_hit (platform, via);
-- purgeBefore().
CREATE INDEX ix_incident_hit_since ON incident_hit (since);
