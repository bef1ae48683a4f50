package dev.claude500.incidents;

import java.time.Instant;
import java.util.Optional;

/**
 * A few named values the incident watcher keeps across restarts (its first-start baseline, the
 * maintenances it last saw in progress). Thread-safe.
 */
public interface WatcherState {
  /** Returns the value stored under {@code key}. */
  Optional<String> get(String key);

  /** Stores {@code value} under {@code key}, replacing any value. */
  void put(String key, String value, Instant now);

  /**
   * Stores {@code value} under {@code key} unless a value is there already.
   *
   * @return the value now stored: {@code value} when it was absent, else the one already there
   */
  String putIfAbsent(String key, String value, Instant now);
}
