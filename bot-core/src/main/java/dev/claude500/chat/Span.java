package dev.claude500.chat;

import java.util.Objects;

/** One run of text with at most one kind of emphasis. */
public sealed interface Span {
  /** Returns the characters a reader sees. */
  String text();

  /** Ordinary text; may contain line breaks. */
  record Plain(String text) implements Span {
    /** Rejects null. */
    public Plain {
      Objects.requireNonNull(text, "text");
    }
  }

  /** Text shown strongly (bold). */
  record Strong(String text) implements Span {
    /** Rejects null. */
    public Strong {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A command, file name or error line, shown in a monospace font. */
  record Code(String text) implements Span {
    /** Rejects null. */
    public Code {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A person, shown as the platform mentions people (a mention that pings nobody in the bot's
   * messages); plain text shows their name.
   *
   * @param actor who
   */
  record Mention(Actor actor) implements Span {
    /** Rejects null. */
    public Mention {
      Objects.requireNonNull(actor, "actor");
    }

    /** Returns the person's display name. */
    @Override
    public String text() {
      return actor.displayName();
    }
  }

  /** A link with a label. */
  record Link(String text, String url) implements Span {
    /** Rejects null. */
    public Link {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(url, "url");
    }
  }
}
