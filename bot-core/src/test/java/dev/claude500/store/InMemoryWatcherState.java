package dev.claude500.store;

import dev.claude500.incidents.WatcherState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Watcher values in a concurrent map. */
final class InMemoryWatcherState implements WatcherState {
  private final ConcurrentMap<String, String> values = new ConcurrentHashMap<>();

  @Override
  public Optional<String> get(String key) {
    Objects.requireNonNull(key, "key");
    return Optional.ofNullable(values.get(key));
  }

  @Override
  public void put(String key, String value, Instant now) {
    Checks.requireNonBlank(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(now, "now");
    values.put(key, value);
  }

  @Override
  public String putIfAbsent(String key, String value, Instant now) {
    Checks.requireNonBlank(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(now, "now");
    String before = values.putIfAbsent(key, value);
    return before == null ? value : before;
  }
}
