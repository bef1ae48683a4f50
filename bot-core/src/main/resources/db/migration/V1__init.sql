-- claude500 store, version 1. Portable between H2 2.x and PostgreSQL 15:
-- VARCHAR without length, TIMESTAMP WITH TIME ZONE (written as UTC, microseconds), BIGINT, BOOLEAN.
-- Every primary key is what makes an insert-if-absent race-safe across replicas.

-- One triage conversation per thread; version drives optimistic concurrency.
CREATE TABLE conversation (
    platform   VARCHAR                  NOT NULL,
    channel_id VARCHAR                  NOT NULL,
    thread_id  VARCHAR                  NOT NULL,
    state      VARCHAR                  NOT NULL,
    version    BIGINT                   NOT NULL,
    is_open    BOOLEAN                  NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_conversation PRIMARY KEY (platform, channel_id, thread_id)
);
-- findOpenIdleSince and purgeClosedBefore.
CREATE INDEX ix_conversation_open_updated ON conversation (is_open, updated_at);

-- One subscription per channel; its component ids (none = every incident) in a child table.
CREATE TABLE subscription (
    platform      VARCHAR                  NOT NULL,
    channel_id    VARCHAR                  NOT NULL,
    subscribed_by VARCHAR                  NOT NULL,
    since         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_subscription PRIMARY KEY (platform, channel_id)
);

CREATE TABLE subscription_component (
    platform     VARCHAR NOT NULL,
    channel_id   VARCHAR NOT NULL,
    component_id VARCHAR NOT NULL,
    CONSTRAINT pk_subscription_component PRIMARY KEY (platform, channel_id, component_id),
    CONSTRAINT fk_subscription_component FOREIGN KEY (platform, channel_id)
        REFERENCES subscription (platform, channel_id) ON DELETE CASCADE
);

-- What was posted where: claimed before posting, confirmed with the platform's message id.
CREATE TABLE post_ledger (
    platform    VARCHAR                  NOT NULL,
    channel_id  VARCHAR                  NOT NULL,
    item_key    VARCHAR                  NOT NULL,
    incident_id VARCHAR                  NOT NULL,
    message_id  VARCHAR,
    claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    posted_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_post_ledger PRIMARY KEY (platform, channel_id, item_key)
);
-- unconfirmed(): posted_at IS NULL, oldest claim first.
CREATE INDEX ix_post_ledger_unconfirmed ON post_ledger (posted_at, claimed_at);
-- forIncident().
CREATE INDEX ix_post_ledger_incident ON post_ledger (incident_id);

-- Deliveries already handled (platform event ids, interaction ids).
CREATE TABLE seen_delivery (
    delivery_id VARCHAR                  NOT NULL,
    seen_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_seen_delivery PRIMARY KEY (delivery_id)
);
-- purgeBefore().
CREATE INDEX ix_seen_delivery_seen_at ON seen_delivery (seen_at);
