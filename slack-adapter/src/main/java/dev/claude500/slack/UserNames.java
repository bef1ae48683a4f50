package dev.claude500.slack;

import dev.claude500.chat.Actor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The names reports show for people: learnt from payloads that carry one (slash commands, button
 * clicks), else asked of Slack once ({@code users.info}), else the user id. Bounded; thread-safe.
 */
final class UserNames {
  private static final int MAX = 5_000;

  private final Function<String, Optional<String>> lookup;
  private final Map<String, String> names = new LinkedHashMap<>(64, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > MAX;
    }
  };

  UserNames(Function<String, Optional<String>> lookup) {
    this.lookup = lookup;
  }

  /** Returns the actor for a user, with the payload's name when it has one. */
  Actor actor(String userId, String nameInPayload) {
    if (nameInPayload != null && !nameInPayload.isBlank()) {
      synchronized (names) {
        names.put(userId, nameInPayload);
      }
      return new Actor(userId, nameInPayload);
    }
    synchronized (names) {
      String known = names.get(userId);
      if (known != null) {
        return new Actor(userId, known);
      }
    }
    String found = lookup.apply(userId).orElse(userId);
    synchronized (names) {
      names.putIfAbsent(userId, found);
    }
    return new Actor(userId, found);
  }
}
