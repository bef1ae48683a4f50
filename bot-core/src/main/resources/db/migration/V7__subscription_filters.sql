-- claude500 store, version 7: a subscription's filters (issue 14). Portable between H2 2.x and
-- PostgreSQL 15, like version 1. Existing subscriptions get the defaults: every impact, maintenance
-- on, nobody called out, no quiet hours, UTC. (Version 6 is left to another change.)

-- The lowest impact posted: none (every incident), minor, major or critical.
ALTER TABLE subscription ADD COLUMN min_impact VARCHAR(16) DEFAULT 'none' NOT NULL;
-- Whether scheduled maintenances are posted.
ALTER TABLE subscription ADD COLUMN maintenance BOOLEAN DEFAULT TRUE NOT NULL;
-- Who the first post of an incident at major or above calls out: none, here, channel, everyone, or
-- role:<id>.
ALTER TABLE subscription ADD COLUMN mention VARCHAR(48) DEFAULT 'none' NOT NULL;
-- Quiet hours: off, all, or HH:MM-HH:MM in the zone below.
ALTER TABLE subscription ADD COLUMN quiet VARCHAR(16) DEFAULT 'off' NOT NULL;
-- The IANA time zone the quiet hours are read in.
ALTER TABLE subscription ADD COLUMN time_zone VARCHAR(64) DEFAULT 'UTC' NOT NULL;
