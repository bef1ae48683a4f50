-- claude500 store, version 5: offers of a triage under a pasted error (autodetect). Portable between
-- H2 2.x and PostgreSQL 15, like version 1. (Version 4 is left to another change.)

-- A channel where the bot offers a triage under a pasted error: a row while it is on.
CREATE TABLE autodetect_channel (
    platform     VARCHAR                  NOT NULL,
    channel_id   VARCHAR                  NOT NULL,
    turned_on_by VARCHAR                  NOT NULL,
    since        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_autodetect_channel PRIMARY KEY (platform, channel_id)
);

-- When each person was last offered a triage: one row a person, moved forward by a conditional
-- update (or made by an insert that the primary key lets only one replica win), so offers stay at
-- most one per person per gap however many replicas see the message.
CREATE TABLE autodetect_offer (
    platform   VARCHAR                  NOT NULL,
    user_id    VARCHAR                  NOT NULL,
    offered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_autodetect_offer PRIMARY KEY (platform, user_id)
);
