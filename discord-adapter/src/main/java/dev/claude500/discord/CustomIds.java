package dev.claude500.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The custom ids on the bot's buttons and modals. Each says what was clicked and carries the
 * question's token (so a late or repeated click is recognised as stale by the engine) and, for an
 * answer, the choice's value: {@code c5:a:<token>:<value>}, {@code c5:p:<token>} (open the paste
 * modal), {@code c5:m:<token>} (the modal). {@code %} and {@code :} inside parts are escaped.
 *
 * <p>Discord allows 100 characters. An id that would be longer (a playbook with very long step ids
 * or values) is kept in this process's memory under a short random key ({@code c5:k:<key>}) for a
 * day; a click on such a button after a restart reads as stale. Thread-safe.
 */
final class CustomIds {
  /** Discord's limit on a custom id. */
  static final int MAX = 100;
  private static final String PREFIX = "c5:";

  private final Cache<String, Id> longIds;

  CustomIds() {
    this.longIds = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofDays(1)).build();
  }

  /** What a custom id says. */
  enum Kind {
    /** A choice button: answers a question or a text request's alternative. */
    ANSWER('a'),
    /** The "Paste…" button of a text request: opens the modal. */
    PASTE('p'),
    /** The modal's submission. */
    MODAL('m');

    final char code;

    Kind(char code) {
      this.code = code;
    }
  }

  /**
   * A decoded custom id.
   *
   * @param kind what it is
   * @param token the question's token
   * @param value the choice's value (empty for paste and modal ids)
   */
  record Id(Kind kind, String token, String value) {
    Id {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(value, "value");
    }
  }

  /** Returns the id of a choice button. */
  String answer(String token, String value) {
    return encode(new Id(Kind.ANSWER, token, value));
  }

  /** Returns the id of a text request's paste button. */
  String paste(String token) {
    return encode(new Id(Kind.PASTE, token, ""));
  }

  /** Returns the id of a text request's modal. */
  String modal(String token) {
    return encode(new Id(Kind.MODAL, token, ""));
  }

  /** Reads a custom id; empty when it is not one of ours or has been forgotten. */
  Optional<Id> parse(String customId) {
    if (customId == null || !customId.startsWith(PREFIX) || customId.length() < PREFIX.length() + 2
        || customId.charAt(PREFIX.length() + 1) != ':') {
      return Optional.empty();
    }
    char code = customId.charAt(PREFIX.length());
    String rest = customId.substring(PREFIX.length() + 2);
    if (code == 'k') {
      return Optional.ofNullable(longIds.getIfPresent(rest));
    }
    for (Kind kind : Kind.values()) {
      if (kind.code == code) {
        int colon = rest.indexOf(':');
        String token = colon < 0 ? rest : rest.substring(0, colon);
        String value = colon < 0 ? "" : rest.substring(colon + 1);
        if (token.isEmpty() || (kind == Kind.ANSWER && value.isEmpty())) {
          return Optional.empty();
        }
        return Optional.of(new Id(kind, unescape(token), unescape(value)));
      }
    }
    return Optional.empty();
  }

  private String encode(Id id) {
    String s = PREFIX + id.kind().code + ":" + escape(id.token())
        + (id.kind() == Kind.ANSWER ? ":" + escape(id.value()) : "");
    if (s.length() <= MAX) {
      return s;
    }
    String key = UUID.randomUUID().toString().replace("-", "");
    longIds.put(key, id);
    return PREFIX + "k:" + key;
  }

  private static String escape(String part) {
    return part.replace("%", "%25").replace(":", "%3A");
  }

  private static String unescape(String part) {
    return part.replace("%3A", ":").replace("%25", "%");
  }
}
