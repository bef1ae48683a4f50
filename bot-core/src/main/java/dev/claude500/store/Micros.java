package dev.claude500.store;

import dev.claude500.commands.Subscription;
import dev.claude500.triage.StoredConversation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Keeps instants to the microsecond, the precision SQL timestamps hold, so every store returns the
 * same instants whatever it is backed by.
 */
final class Micros {
  private Micros() {}

  static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  static StoredConversation truncate(StoredConversation c) {
    return new StoredConversation(
        c.key(), c.state(), c.version(), c.open(), truncate(c.updatedAt()));
  }

  static Subscription truncate(Subscription s) {
    return new Subscription(s.channel(), s.componentIds(), s.subscribedBy(), truncate(s.since()), s.filters());
  }
}
