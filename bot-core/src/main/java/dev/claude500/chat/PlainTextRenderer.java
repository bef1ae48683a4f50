package dev.claude500.chat;

import dev.claude500.status.ComponentState;
import dev.claude500.status.IncidentView;
import dev.claude500.status.StatusView;
import dev.claude500.status.StatusWords;
import java.util.List;

/**
 * Renders any {@link Reply} as plain text: the console's output, and the notification text
 * platforms show beside rich messages. Stateless and thread-safe.
 */
public final class PlainTextRenderer {
  private PlainTextRenderer() {}

  /** Returns the reply as plain text; choices as "  1) Label" lines. */
  public static String render(Reply reply) {
    if (reply instanceof Reply.Message m) {
      return m.text().toPlainString();
    }
    if (reply instanceof Reply.Question q) {
      return q.text().toPlainString() + "\n" + numbered(q.choices());
    }
    if (reply instanceof Reply.TextRequest t) {
      String s = t.prompt().toPlainString() + "\n(reply with the text";
      return t.alternatives().isEmpty() ? s + ")" : s + ", or pick:)\n" + numbered(t.alternatives());
    }
    if (reply instanceof Reply.Report r) {
      return r.headline().toPlainString() + "\n" + r.body().stripTrailing();
    }
    if (reply instanceof Reply.Status s) {
      return status(s.view());
    }
    if (reply instanceof Reply.Opening o) {
      String details = o.details().toPlainString();
      return o.headline().toPlainString() + (details.isEmpty() ? "" : "\n" + details);
    }
    Reply.Incident i = (Reply.Incident) reply;
    String post = post(i.view()) + i.hit().map(h -> "\n    " + h.line(i.view().isClosed())).orElse("");
    return i.mention().isNone() ? post : i.mention().plain() + " " + post;
  }

  /** Returns choices as "  1) Label" lines. */
  public static String numbered(List<Choice> choices) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < choices.size(); i++) {
      if (i > 0) {
        sb.append('\n');
      }
      sb.append("  ").append(i + 1).append(") ").append(choices.get(i).label());
    }
    return sb.toString();
  }

  private static String status(StatusView v) {
    StringBuilder sb = new StringBuilder("Status page: ");
    if (v.isUnknown()) {
      return sb.append(StatusWords.freshness(v)).toString();
    }
    sb.append(StatusWords.emoji(v.indicator())).append(' ').append(v.colour());
    if (!v.description().isEmpty()) {
      sb.append(" (").append(v.description()).append(')');
    }
    sb.append(", ").append(StatusWords.freshness(v));
    for (ComponentState c : v.components()) {
      sb.append("\n  ").append(StatusWords.emoji(c.status())).append(' ').append(c.name()).append(": ")
          .append(c.status().words());
    }
    if (v.incidents().isEmpty()) {
      sb.append("\nNo open incidents.");
    }
    for (IncidentView i : v.incidents()) {
      sb.append("\nOpen incident: ").append(incident(i));
    }
    for (IncidentView m : v.maintenances()) {
      sb.append("\nMaintenance: ").append(incident(m));
    }
    return sb.toString();
  }

  /** An incident post: the incident as the status page lists it, with the components it touches. */
  private static String post(IncidentView i) {
    String text = incident(i);
    if (i.components().isEmpty()) {
      return text;
    }
    StringBuilder touched = new StringBuilder("\n    ");
    for (ComponentState c : i.components()) {
      if (touched.length() > 5) {
        touched.append("; ");
      }
      touched.append(c.name()).append(": ").append(c.status().words());
    }
    int firstLineEnd = text.indexOf('\n');
    return firstLineEnd < 0 ? text + touched : text.substring(0, firstLineEnd) + touched + text.substring(firstLineEnd);
  }

  private static String incident(IncidentView i) {
    StringBuilder sb = new StringBuilder();
    sb.append(StatusWords.emoji(i.impact())).append(' ').append(i.name()).append(" (")
        .append(i.impact().words()).append(" impact, ").append(i.status().words()).append(")");
    i.latest().ifPresent(u -> sb.append("\n    latest (").append(StatusWords.time(u.shownAt())).append("): ")
        .append(u.body().strip()));
    return sb.append("\n    ").append(i.link()).toString();
  }
}
