package dev.claude500.store;

import dev.claude500.incidents.WatcherState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Watcher values in table {@code watcher_state}; writes are an update, else an insert. */
final class JdbcWatcherState implements WatcherState {
  private final Jdbc jdbc;

  JdbcWatcherState(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<String> get(String key) {
    Objects.requireNonNull(key, "key");
    return jdbc.queryOne(
        "reading watcher state " + key,
        "SELECT state_value FROM watcher_state WHERE state_key = ?",
        rs -> rs.getString(1),
        key);
  }

  @Override
  public void put(String key, String value, Instant now) {
    Checks.requireNonBlank(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(now, "now");
    jdbc.inTransaction(
        "writing watcher state " + key,
        c -> {
          int updated =
              Jdbc.update(
                  c,
                  "UPDATE watcher_state SET state_value = ?, updated_at = ? WHERE state_key = ?",
                  value,
                  now,
                  key);
          if (updated == 0) {
            // a concurrent first write makes this fail on the key; the transaction is then retried
            Jdbc.update(
                c,
                "INSERT INTO watcher_state (state_key, state_value, updated_at) VALUES (?, ?, ?)",
                key,
                value,
                now);
          }
          return null;
        });
  }

  @Override
  public String putIfAbsent(String key, String value, Instant now) {
    Checks.requireNonBlank(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(now, "now");
    boolean inserted =
        jdbc.insertIfAbsent(
            "writing watcher state " + key,
            "INSERT INTO watcher_state (state_key, state_value, updated_at) VALUES (?, ?, ?)",
            key,
            value,
            now);
    return inserted ? value : get(key).orElse(value);
  }
}
