package dev.claude500.chat;

import java.util.Objects;

/**
 * The person behind an action, as the platform names them.
 *
 * @param id the platform's user id (used for mentions)
 * @param displayName a human-readable name for reports
 */
public record Actor(String id, String displayName) {
  /** Validates both parts; a blank display name falls back to the id. */
  public Actor {
    Objects.requireNonNull(id, "id");
    displayName = displayName == null || displayName.isBlank() ? id : displayName;
  }

  /** Returns an actor whose display name is its id. */
  public static Actor of(String id) {
    return new Actor(id, id);
  }
}
