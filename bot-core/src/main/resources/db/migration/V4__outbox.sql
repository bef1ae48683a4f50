-- claude500 store, version 4: the outbox. Portable between H2 2.x and PostgreSQL 15, like version 1.

-- Messages the bot has queued and not yet delivered (triage replies, idle-triage summaries): each
-- row is written before its message is sent and deleted once it is delivered or dropped, so a
-- restart sends what was still due. Whether it went out is the post ledger's to say (same channel
-- and item key). seq orders the messages of one thread or channel; reply is the message as JSON.
CREATE TABLE outbox (
    platform        VARCHAR                  NOT NULL,
    channel_id      VARCHAR                  NOT NULL,
    item_key        VARCHAR                  NOT NULL,
    seq             BIGINT                   NOT NULL,
    kind            VARCHAR                  NOT NULL,
    thread_id       VARCHAR,
    message_id      VARCHAR,
    also_to_channel BOOLEAN                  NOT NULL,
    reply           VARCHAR                  NOT NULL,
    queued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_outbox PRIMARY KEY (platform, channel_id, item_key)
);
-- pending(), in the order messages were queued.
CREATE INDEX ix_outbox_seq ON outbox (seq);
