package dev.claude500.outbox;

import java.time.Duration;
import java.util.Optional;

/**
 * Who owns some of the outbox's messages (the incident watcher owns its incident posts): they are
 * tried only while the owner may deliver (its replica holds the lease), and it hears how each try
 * went. Implementations are thread-safe and quick: the outbox asks under its lock.
 */
public interface Owner {
  /** Returns true for the item keys of the messages it owns. */
  boolean owns(String itemKey);

  /**
   * Returns true while its messages may be sent from this process; when false, one that comes up
   * to be tried is left in the store, untried, for whoever may send it (this process again after
   * {@link Outbox#resumeOwned()} or a new {@link Outbox#queue}), and its lane goes on.
   */
  boolean mayDeliver();

  /**
   * Hears one try at one of its messages: {@code posted}, {@code edited}, {@code found}, {@code
   * deferred} (with the platform's {@code Retry-After}, if it gave one) or {@code refused}.
   */
  void tried(Outgoing message, String result, Optional<Duration> retryAfter);
}
