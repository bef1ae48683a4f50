package dev.claude500.discord;

import dev.claude500.chat.HitCount;
import dev.claude500.status.ComponentState;
import dev.claude500.status.IncidentView;
import dev.claude500.status.StatusLinks;
import dev.claude500.status.StatusView;
import dev.claude500.status.StatusWords;
import java.util.Optional;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * The status page and its incidents as embeds: the page at a glance (indicator colour, a field per
 * component with its emoji, open incidents linked, the age of the data), and one incident as a
 * channel post (impact colour, linked title, status, components, latest update). Stateless.
 */
final class StatusMessages {
  private StatusMessages() {}

  /** Returns the page at a glance. */
  static MessageEmbed status(StatusView v) {
    EmbedBudget e = new EmbedBudget()
        .title(StatusWords.emoji(v.indicator()) + " Status page: " + (v.isUnknown() ? "unknown" : v.colour()),
            StatusLinks.PUBLIC_PAGE)
        .colour(Colours.of(v.indicator()))
        .footer(StatusWords.freshness(v));
    if (!v.description().isEmpty()) {
      e.description(DiscordMarkdown.escape(v.description()));
    } else if (v.isUnknown()) {
      e.description("The status page could not be read. Look at " + StatusLinks.PUBLIC_PAGE + " yourself.");
    }
    for (ComponentState c : v.components()) {
      e.field(StatusWords.emoji(c.status()) + " " + c.name(), c.status().words(), true);
    }
    if (!v.isUnknown() && v.incidents().isEmpty()) {
      e.field("Open incidents", "None", false);
    }
    for (IncidentView i : v.incidents()) {
      e.field(StatusWords.emoji(i.impact()) + " Open incident", summary(i), false);
    }
    for (IncidentView m : v.maintenances()) {
      e.field(StatusWords.emoji(m.impact()) + " Maintenance", summary(m), false);
    }
    return e.build();
  }

  /**
   * Returns an incident as its channel post shows it; a top-level post also says how many people of
   * the server are hit by it.
   */
  static MessageEmbed incident(IncidentView i, Optional<HitCount> hit) {
    EmbedBudget e = new EmbedBudget()
        .title(StatusWords.emoji(i.impact()) + " " + i.name(), i.link())
        .colour(Colours.of(i.impact(), i.isClosed()))
        .description(headline(i))
        .footer("Started " + StatusWords.time(i.startedAt())
            + i.resolvedAt().map(t -> " · resolved " + StatusWords.time(t)).orElse(""));
    if (!i.components().isEmpty()) {
      StringBuilder sb = new StringBuilder();
      for (ComponentState c : i.components()) {
        sb.append(StatusWords.emoji(c.status())).append(' ').append(DiscordMarkdown.escape(c.name()))
            .append(": ").append(c.status().words()).append('\n');
      }
      e.field("Components", sb.toString().strip(), false);
    }
    i.latest().ifPresent(u -> e.field("Latest update: " + u.status().words() + ", " + StatusWords.time(u.shownAt()),
        DiscordMarkdown.escape(u.body().strip()), false));
    hit.ifPresent(h -> e.field("Who is hit", "👥 " + h.line(i.isClosed()), false));
    return e.build();
  }

  /** Returns one line for an incident: its state, impact and link. */
  static String headline(IncidentView i) {
    String state = i.isClosed() ? "✅ **" + i.status().words() + "**" : "**" + i.status().words() + "**";
    return state + " · " + i.impact().words() + " impact" + (i.maintenance() ? " · maintenance" : "");
  }

  private static String summary(IncidentView i) {
    StringBuilder sb = new StringBuilder(DiscordMarkdown.link(i.name(), i.link()))
        .append("\n").append(i.status().words()).append(", ").append(i.impact().words()).append(" impact");
    i.latest().ifPresent(u -> sb.append("\nLatest (").append(StatusWords.time(u.shownAt())).append("): ")
        .append(DiscordMarkdown.escape(Limits.cut(u.body().strip(), 400))));
    return sb.toString();
  }
}
