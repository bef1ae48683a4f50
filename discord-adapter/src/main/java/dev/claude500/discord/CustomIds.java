package dev.claude500.discord;

import dev.claude500.chat.Choice;
import dev.claude500.chat.Reply;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The custom ids on the bot's buttons and modals. Each says what was clicked and carries the
 * question's token (so a late or repeated click is recognised as stale by the engine) and, for an
 * answer, the choice's value: {@code c5:a:<token>:<value>}, {@code c5:p:<token>} (open the paste
 * modal), {@code c5:m:<token>} (the modal), {@code c5:h:<incident id>} (an incident post's "I'm hit
 * too"). {@code %} and {@code :} inside parts are escaped.
 *
 * <p>Discord allows 100 characters. An id that would be longer (a playbook with very long step ids
 * or values) carries hashes of the token and value instead ({@code c5:A:<token hash>:<value hash>},
 * {@code c5:P:...}, {@code c5:M:...}, 16 hex digits each), so every id fits. Such an id is matched
 * when it is used against the prompt its thread waits on ({@link #resolve}): it keeps working after
 * a restart and on another replica, and reads as stale once that prompt was answered. Stateless.
 */
final class CustomIds {
  /** Discord's limit on a custom id. */
  static final int MAX = 100;
  private static final String PREFIX = "c5:";
  private static final int HASH_BYTES = 8;

  private final int limit;

  /**
   * Creates ids that carry hashes once longer than {@code limit}: {@link #MAX}, Discord's limit, or
   * a shorter one in tests.
   */
  CustomIds(int limit) {
    if (limit < 1 || limit > MAX) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX + ", was " + limit);
    }
    this.limit = limit;
  }

  /** What a custom id says. */
  enum Kind {
    /** A choice button: answers a question or a text request's alternative. */
    ANSWER('a'),
    /** The "Paste…" button of a text request: opens the modal. */
    PASTE('p'),
    /** The modal's submission. */
    MODAL('m'),
    /** An incident post's "I'm hit too" button; its token is the incident's id. */
    HIT('h');

    final char code;

    Kind(char code) {
      this.code = code;
    }

    char hashedCode() {
      return Character.toUpperCase(code);
    }
  }

  /**
   * A decoded custom id.
   *
   * @param kind what it is
   * @param token the question's token, or its hash when {@code hashed}
   * @param value the choice's value, or its hash when {@code hashed} (empty for paste and modal ids)
   * @param hashed true when the id carried hashes, to be matched with {@link #resolve}
   */
  record Id(Kind kind, String token, String value, boolean hashed) {
    Id {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(value, "value");
    }

    /** An id that carries its token and value as they are. */
    Id(Kind kind, String token, String value) {
      this(kind, token, value, false);
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

  /**
   * Returns the id of an incident post's "I'm hit too" button, or empty when the incident's id is too
   * long to carry as it is (a hash could not be matched to an incident).
   */
  Optional<String> hit(String incidentId) {
    String id = encode(new Id(Kind.HIT, incidentId, ""));
    return id.charAt(PREFIX.length()) == Kind.HIT.code ? Optional.of(id) : Optional.empty();
  }

  /** Returns the id of a text request's modal. */
  String modal(String token) {
    return encode(new Id(Kind.MODAL, token, ""));
  }

  /** Returns the id of the modal a paste button opens: hashed when the button's id was. */
  String modalFor(Id paste) {
    return paste.hashed() ? PREFIX + Kind.MODAL.hashedCode() + ":" + paste.token() : modal(paste.token());
  }

  /** Reads a custom id; empty when it is not one of ours. */
  Optional<Id> parse(String customId) {
    if (customId == null || !customId.startsWith(PREFIX) || customId.length() < PREFIX.length() + 2
        || customId.charAt(PREFIX.length() + 1) != ':') {
      return Optional.empty();
    }
    char code = customId.charAt(PREFIX.length());
    String rest = customId.substring(PREFIX.length() + 2);
    for (Kind kind : Kind.values()) {
      boolean hashed = kind.hashedCode() == code;
      if (kind.code == code || hashed) {
        int colon = rest.indexOf(':');
        String token = colon < 0 ? rest : rest.substring(0, colon);
        String value = colon < 0 ? "" : rest.substring(colon + 1);
        if (token.isEmpty() || (kind == Kind.ANSWER && value.isEmpty())) {
          return Optional.empty();
        }
        return Optional.of(hashed ? new Id(kind, token, value, true) : new Id(kind, unescape(token), unescape(value)));
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the id with its token and value as they are: itself when it carried them, else matched
   * against the prompt its thread waits on (asked of {@code pending} only then); empty when it
   * matches nothing there (an old question, a choice it does not have).
   */
  Optional<Id> resolve(Id id, Supplier<Optional<Reply>> pending) {
    if (!id.hashed()) {
      return Optional.of(id);
    }
    Optional<Reply> prompt = pending.get();
    Optional<String> token = prompt.flatMap(CustomIds::tokenOf).filter(t -> hash(t).equals(id.token()));
    if (token.isEmpty()) {
      return Optional.empty();
    }
    if (id.kind() != Kind.ANSWER) {
      return Optional.of(new Id(id.kind(), token.get(), ""));
    }
    return choicesOf(prompt.get()).stream().map(Choice::value).filter(v -> hash(v).equals(id.value())).findFirst()
        .map(v -> new Id(Kind.ANSWER, token.get(), v));
  }

  private static Optional<String> tokenOf(Reply prompt) {
    if (prompt instanceof Reply.Question q) {
      return Optional.of(q.token());
    }
    return prompt instanceof Reply.TextRequest t ? Optional.of(t.token()) : Optional.empty();
  }

  private static List<Choice> choicesOf(Reply prompt) {
    if (prompt instanceof Reply.Question q) {
      return q.choices();
    }
    return prompt instanceof Reply.TextRequest t ? t.alternatives() : List.of();
  }

  private String encode(Id id) {
    String s = PREFIX + id.kind().code + ":" + escape(id.token())
        + (id.kind() == Kind.ANSWER ? ":" + escape(id.value()) : "");
    if (s.length() <= limit) {
      return s;
    }
    return PREFIX + id.kind().hashedCode() + ":" + hash(id.token())
        + (id.kind() == Kind.ANSWER ? ":" + hash(id.value()) : "");
  }

  /** Returns 16 hex digits of the SHA-256 of a part. */
  static String hash(String part) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(part.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, HASH_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static String escape(String part) {
    return part.replace("%", "%25").replace(":", "%3A");
  }

  private static String unescape(String part) {
    return part.replace("%3A", ":").replace("%25", "%");
  }
}
