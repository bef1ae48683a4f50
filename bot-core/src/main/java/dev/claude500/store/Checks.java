package dev.claude500.store;

import dev.claude500.triage.StoredConversation;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Argument checks shared by every store, so both implementations refuse the same calls. */
final class Checks {
  private Checks() {}

  static String requireNonBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  static Optional<String> requireNonBlankIfPresent(Optional<String> value, String name) {
    Objects.requireNonNull(value, name);
    value.ifPresent(v -> requireNonBlank(v, name));
    return value;
  }

  static Duration requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }

  static void requireNewVersion(StoredConversation conversation) {
    Objects.requireNonNull(conversation, "conversation");
    if (conversation.version() != 0) {
      throw new IllegalArgumentException(
          "conversation.version must be 0 to create it, was " + conversation.version());
    }
  }

  static void requireNextVersion(StoredConversation next) {
    Objects.requireNonNull(next, "next");
    if (next.version() < 1) {
      throw new IllegalArgumentException("next.version must be >= 1 to update, was 0");
    }
  }

  static void requireLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, was " + limit);
    }
  }
}
