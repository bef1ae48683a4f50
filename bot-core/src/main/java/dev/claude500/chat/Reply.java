package dev.claude500.chat;

import dev.claude500.status.IncidentView;
import dev.claude500.status.StatusIndicator;
import dev.claude500.status.StatusView;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something the bot says, independent of the platform that shows it. Adapters render each case;
 * {@link PlainTextRenderer} renders any of them as plain text.
 */
public sealed interface Reply {
  /** A message to read. */
  record Message(Text text) implements Reply {
    /** Rejects null. */
    public Message {
      Objects.requireNonNull(text, "text");
    }

    /** Returns a message read from the playbook markup. */
    public static Message of(String markup) {
      return new Message(Text.parse(markup));
    }
  }

  /**
   * A question with buttons.
   *
   * @param token identifies this question; adapters send it back with the answer so a late or
   *     repeated click on an old question is recognised and ignored
   * @param text the question
   * @param choices the answers
   */
  record Question(String token, Text text, List<Choice> choices) implements Reply {
    /** Validates and copies. */
    public Question {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(text, "text");
      choices = List.copyOf(choices);
    }
  }

  /**
   * A request for free text (answered on Slack by a reply in the thread, on Discord in a modal).
   *
   * @param token identifies this request, like a question's
   * @param prompt what to paste
   * @param alternatives buttons that answer without text (e.g. "Skip")
   */
  record TextRequest(String token, Text prompt, List<Choice> alternatives) implements Reply {
    /** Validates and copies. */
    public TextRequest {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(prompt, "prompt");
      alternatives = List.copyOf(alternatives);
    }
  }

  /**
   * The escalation report.
   *
   * @param headline one line saying what it is
   * @param fields the key facts, for platforms that show fields
   * @param body the whole report as plain text, redacted, ready to copy
   */
  record Report(Text headline, List<Field> fields, String body) implements Reply {
    /** Validates and copies. */
    public Report {
      Objects.requireNonNull(headline, "headline");
      fields = List.copyOf(fields);
      Objects.requireNonNull(body, "body");
    }
  }

  /**
   * A named fact of a report.
   *
   * @param name the fact's name
   * @param value its value (plain text)
   */
  record Field(String name, String value) {
    /** Rejects null. */
    public Field {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * The first message of a triage, the one its thread hangs from: who started which triage and
   * what is known of the status page.
   *
   * @param headline who started which triage, and the page's colour
   * @param details where to answer and what the page shows, with a link to it; empty where the
   *     triage goes on in the same place (a console)
   * @param indicator the page's indicator, for platforms that colour the message
   */
  record Opening(Text headline, Text details, StatusIndicator indicator) implements Reply {
    /** Rejects null. */
    public Opening {
      Objects.requireNonNull(headline, "headline");
      Objects.requireNonNull(details, "details");
      Objects.requireNonNull(indicator, "indicator");
    }
  }

  /** The status page at a glance (the answer to {@code /claude500 status}). */
  record Status(StatusView view) implements Reply {
    /** Rejects null. */
    public Status {
      Objects.requireNonNull(view, "view");
    }
  }

  /**
   * An incident as a channel post: its current state, shown as the top-level message.
   *
   * @param view the incident
   * @param mention who the post calls out; only an incident's first post calls anyone out, never
   *     an edit, and adapters let the message ping exactly that
   * @param hit how many people where the post is are hit by it, on the top-level post of an
   *     incident (which then also carries the "I'm hit too" button while it is open); empty
   *     elsewhere (a link preview, a maintenance, a thread reply)
   */
  record Incident(IncidentView view, ChannelMention mention, Optional<HitCount> hit) implements Reply {
    /** Rejects null. */
    public Incident {
      Objects.requireNonNull(view, "view");
      Objects.requireNonNull(mention, "mention");
      Objects.requireNonNull(hit, "hit");
    }

    /** Returns true when the post carries the "I'm hit too" button: it has a count and is open. */
    public boolean hasHitButton() {
      return hit.isPresent() && !view.isClosed() && !view.maintenance();
    }
  }
}
