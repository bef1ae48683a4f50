package dev.claude500.earlywarning;

import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.Reply;
import dev.claude500.chat.Text;
import dev.claude500.errors.ErrorKind;
import dev.claude500.status.StatusLinks;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The early warning's own words: the warning while open, as closed, and the closing note. */
final class WarningText {
  /** The most triage threads linked from one warning; the rest are counted. */
  static final int MAX_LINKS = 25;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private WarningText() {}

  /** Returns the warning while open: what is seen, that the page does not show it, the threads. */
  static Reply open(Cluster c, Duration window, Function<ConversationKey, Optional<String>> links) {
    Text.Builder b = Text.builder().strong("Early warning:").plain(" " + c.size() + " triages in this workspace are"
        + " failing while the status page shows no incident for them (" + words(window) + " window).").newline();
    seen(b, c);
    b.plain("The status page does not show this yet: ").link(StatusLinks.PUBLIC_PAGE, StatusLinks.PUBLIC_PAGE)
        .plain(". If you are hit too, start a triage with /claude500.").newline();
    threads(b, c, links);
    return new Reply.Message(b.build());
  }

  /** Returns the warning as closed: why, and what had been seen. */
  static Reply closed(Warning w, Cluster c, Duration window) {
    Warning.Closing closing = w.closing().orElseThrow();
    Text.Builder b = Text.builder().strong("Early warning, closed:").plain(" ");
    if (closing.incidentId().isPresent()) {
      b.plain("the status page now shows an incident: ");
      incident(b, closing);
      b.plain(".");
    } else {
      b.plain("no new failing triage for " + words(window) + ", and the status page showed no incident.");
    }
    b.newline();
    seen(b, c);
    return new Reply.Message(b.build());
  }

  /** Returns the note posted in the warning's thread when it closes. */
  static Reply note(Warning w, Duration window) {
    Warning.Closing closing = w.closing().orElseThrow();
    Text.Builder b = Text.builder().plain("Closed at " + TIME.format(closing.at()) + ": ");
    if (closing.incidentId().isPresent()) {
      b.plain("the incident ");
      incident(b, closing);
      b.plain(" is on the status page now; its updates are posted where the channel subscribed to them.");
    } else {
      b.plain(words(window) + " passed with no new triage failing on a green page.");
    }
    return new Reply.Message(b.build());
  }

  private static void seen(Text.Builder b, Cluster c) {
    b.strong("Seen:").plain(" " + c.size() + " triage" + (c.size() == 1 ? "" : "s") + ", " + c.samePathFails()
        + " still failing on the same path after the first move").newline();
    b.strong("Error kinds:").plain(" " + listed(c.kinds(), WarningText::kindWords)).newline();
    b.strong("Branches:").plain(" " + listed(c.branches(), s -> s)).newline();
    b.strong("First:").plain(" " + c.first().map(TIME::format).orElse("-") + "  ")
        .strong("Last:").plain(" " + c.last().map(TIME::format).orElse("-")).newline();
  }

  private static void threads(Text.Builder b, Cluster c, Function<ConversationKey, Optional<String>> links) {
    b.strong("Triage threads:").plain(" ");
    int n = 0;
    for (Signal s : c.members()) {
      if (n == MAX_LINKS) {
        b.plain(" and " + (c.size() - n) + " more");
        break;
      }
      n++;
      Optional<String> link = links.apply(s.key());
      b.plain(n == 1 ? "" : ", ");
      if (link.isPresent()) {
        b.link("#" + n, link.get());
      } else {
        b.plain("#" + n + " (" + s.key().channel() + ")");
      }
    }
  }

  private static void incident(Text.Builder b, Warning.Closing closing) {
    String name = closing.incidentName().filter(s -> !s.isBlank()).orElse("incident " + closing.incidentId().get());
    String shown = name.length() > 200 ? name.substring(0, 199) + "…" : name;
    Optional<String> link = closing.incidentLink();
    if (link.isPresent()) {
      b.link(shown, link.get());
    } else {
      b.plain(shown);
    }
  }

  private static <K> String listed(Map<K, Long> counts, Function<K, String> words) {
    if (counts.isEmpty()) {
      return "none known yet";
    }
    return counts.entrySet().stream().map(e -> words.apply(e.getKey()) + " × " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  static String kindWords(ErrorKind kind) {
    return switch (kind) {
      case INTERNAL -> "500 api_error";
      case SERVER -> "other 5xx";
      case OVERLOADED -> "529 overloaded";
      case RATE_LIMIT -> "429 rate limit";
      case AUTHENTICATION -> "401 authentication";
      case OTHER -> "other";
    };
  }

  static String words(Duration window) {
    long s = window.toSeconds();
    if (s % 3600 == 0) {
      return s / 3600 + " h";
    }
    return s % 60 == 0 ? s / 60 + " min" : s + " s";
  }

  /** Returns when a moment is shown, for logs. */
  static String time(Instant at) {
    return TIME.format(at);
  }
}
