package dev.claude500.incidents;

import dev.claude500.chat.Reply;
import dev.claude500.chat.Text;
import dev.claude500.status.AffectedComponent;
import dev.claude500.status.Incident;
import dev.claude500.status.IncidentStatus;
import dev.claude500.status.IncidentUpdate;
import dev.claude500.status.StatusLinks;
import dev.claude500.status.StatusWords;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The watcher's sentences: update replies, resolution and maintenance notices, follow-up notes. */
final class Posts {
  /** Longer bodies (postmortems) are cut here and point to the page for the rest. */
  static final int MAX_BODY = 1_500;
  /** An update's body in a digest is cut here; a digest's bodies together stay within {@link #MAX_BODY}. */
  static final int DIGEST_BODY = 400;

  private Posts() {}

  /**
   * Returns an update as a thread reply: its status word and time, its body, and the components it
   * changed (old state to new; components it left as they were are not listed). A resolution
   * (shown in the channel as well) and a postmortem also name the incident and link it.
   *
   * @param names current component names by id; an update's own name (from when it was written)
   *     is used for components the page no longer lists
   */
  static Reply.Message update(Incident incident, IncidentUpdate update, Map<String, String> names) {
    Text.Builder b = Text.builder();
    boolean standsAlone = update.status() == IncidentStatus.RESOLVED || update.status() == IncidentStatus.POSTMORTEM;
    b.plain(emoji(update.status()) + " ").strong(capitalised(update.status().words()));
    if (standsAlone) {
      b.plain(": " + incident.name());
    }
    if (update.shownAt() != null) {
      b.plain(" · " + StatusWords.time(update.shownAt()));
    }
    String body = update.body().strip();
    if (!body.isEmpty()) {
      b.newline().plain(cut(body));
    }
    for (AffectedComponent a : update.affectedComponents()) {
      if (a.code() == null || a.oldStatus() == a.newStatus()) {
        continue;
      }
      String name = names.getOrDefault(a.code(), a.name() == null ? a.code() : a.name());
      b.newline().plain("• " + name + ": " + StatusWords.emoji(a.oldStatus()) + " " + a.oldStatus().words()
          + " → " + StatusWords.emoji(a.newStatus()) + " " + a.newStatus().words());
    }
    if (standsAlone || body.length() > MAX_BODY) {
      String link = incident.link(StatusLinks.PUBLIC_PAGE);
      b.newline().link(link, link);
    }
    return new Reply.Message(b.build());
  }

  /**
   * Returns held updates as one thread reply (filters, issue 14): a heading, then each update's
   * status word, time and body, oldest first, bodies cut shorter than alone; a single update reads
   * as {@link #update} does.
   */
  static Reply.Message digest(Incident incident, List<IncidentUpdate> updates, Map<String, String> names) {
    if (updates.size() == 1) {
      return update(incident, updates.get(0), names);
    }
    Text.Builder b = Text.builder().plain("🗒️ ").strong(updates.size() + " updates while this channel waited")
        .plain(": " + incident.name());
    int budget = MAX_BODY;
    for (IncidentUpdate u : updates) {
      b.newline().plain(emoji(u.status()) + " ").strong(capitalised(u.status().words()));
      if (u.shownAt() != null) {
        b.plain(" · " + StatusWords.time(u.shownAt()));
      }
      String body = u.body().strip().replaceAll("\\s+", " ");
      int room = Math.min(DIGEST_BODY, Math.max(0, budget));
      if (!body.isEmpty() && room > 0) {
        String shown = body.length() <= room ? body : body.substring(0, room).stripTrailing() + " …";
        b.plain(": " + shown);
        budget -= shown.length();
      }
    }
    String link = incident.link(StatusLinks.PUBLIC_PAGE);
    return new Reply.Message(b.newline().link(link, link).build());
  }

  /** Returns the notice posted in a maintenance's thread (and the channel) when it ends. */
  static Reply.Message maintenanceEnded(String name, String link) {
    return new Reply.Message(Text.builder()
        .plain("✅ ").strong("Maintenance completed").plain(": " + name)
        .newline().link(link, link)
        .build());
  }

  /** Returns what a waiting triage is told when its incident clears. */
  static Text followUpNote(Optional<Incident> incident) {
    if (incident.isEmpty()) {
      return Text.builder()
          .strong("The status page shows no open incident for Claude Code or the API any more")
          .plain(": time to retry the same failing path.")
          .build();
    }
    Incident i = incident.get();
    String link = i.link(StatusLinks.PUBLIC_PAGE);
    return Text.builder()
        .plain("The incident ").link(i.name().isEmpty() ? i.id() : i.name(), link)
        .plain(" is ").strong("resolved")
        .plain(": time to retry the same failing path.")
        .build();
  }

  /** Returns the note that points a new triage to the channel's post about its incident. */
  static Text linkNote(Optional<String> permalink) {
    if (permalink.isPresent()) {
      return Text.builder()
          .plain("This channel follows the incident in ").link("this post", permalink.get())
          .plain(": its thread gets every update as the page posts it.")
          .build();
    }
    return Text.plain("This channel already has a post following the incident: its thread gets every update.");
  }

  private static String cut(String body) {
    return body.length() <= MAX_BODY
        ? body
        : body.substring(0, MAX_BODY).stripTrailing() + " … (continued on the page)";
  }

  private static String capitalised(String words) {
    return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }

  private static String emoji(IncidentStatus status) {
    switch (status) {
      case INVESTIGATING:
        return "🔎";
      case IDENTIFIED:
        return "🎯";
      case MONITORING:
        return "👀";
      case RESOLVED:
      case COMPLETED:
        return "✅";
      case POSTMORTEM:
        return "📝";
      case SCHEDULED:
      case IN_PROGRESS:
      case VERIFYING:
        return "🔧";
      default:
        return "ℹ️";
    }
  }
}
