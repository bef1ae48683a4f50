package dev.claude500.status;

import java.util.Locale;

/** Statuspage's wire words for the status enums: lower case with underscores. */
final class WireWords {
  private WireWords() {}

  /** Returns the constant for a wire word, or {@code unknown} for null and words this version lacks. */
  static <E extends Enum<E>> E read(Class<E> type, String word, E unknown) {
    if (word == null) {
      return unknown;
    }
    try {
      return Enum.valueOf(type, word.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return unknown;
    }
  }

  /** Returns a constant's wire word. */
  static String of(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /** Returns the words shown to people, e.g. "partial outage". */
  static String forPeople(Enum<?> value) {
    return of(value).replace('_', ' ');
  }
}
