package dev.claude500.slack;

import dev.claude500.chat.ChannelMention;
import dev.claude500.chat.PlainTextRenderer;
import dev.claude500.chat.Reply;
import dev.claude500.status.ComponentState;
import dev.claude500.status.IncidentUpdate;
import dev.claude500.status.IncidentView;
import dev.claude500.status.StatusLinks;
import dev.claude500.status.StatusView;
import dev.claude500.status.StatusWords;
import java.util.ArrayList;
import java.util.List;

/**
 * Block Kit for the status page: the answer to {@code /claude500 status} (indicator, every
 * component with an emoji, open incidents and maintenances with their latest update, the data's age)
 * and an incident post (title with its impact emoji, state, components, latest update, link; a
 * resolved one says so), also shown under a link to the incident with its impact's colour. Stateless.
 */
final class StatusMessages {
  private StatusMessages() {}

  static SlackMessage status(StatusView v) {
    MessageBuilder b = new MessageBuilder();
    if (v.isUnknown()) {
      return b.section("⚪ *Status unknown*: " + SlackMarkdown.escape(StatusWords.freshness(v)))
          .context(SlackMarkdown.link(StatusLinks.PUBLIC_PAGE, "status.claude.com"))
          .build(PlainTextRenderer.render(new Reply.Status(v)));
    }
    b.section("*Status page:* " + StatusWords.emoji(v.indicator()) + " *" + v.colour() + "*"
        + (v.description().isEmpty() ? "" : " · " + SlackMarkdown.escape(v.description())));
    b.context(SlackMarkdown.escape(StatusWords.freshness(v)));
    b.section(components(v.components()));
    if (v.incidents().isEmpty()) {
      b.section("No open incidents.");
    }
    for (IncidentView i : v.incidents()) {
      b.section(incidentSummary(i));
    }
    for (IncidentView m : v.maintenances()) {
      b.section(incidentSummary(m));
    }
    return b.context(SlackMarkdown.link(StatusLinks.PUBLIC_PAGE, "status.claude.com"))
        .build(PlainTextRenderer.render(new Reply.Status(v)));
  }

  /**
   * Returns an incident post; the top-level one also says how many people here are hit and, while
   * the incident is open, carries the "I'm hit too" button. A mention ({@code @here} or
   * {@code @channel}) leads its first section and its notification text, so it notifies as Slack's
   * special mention. A mention Slack does not have (a Discord role, {@code @everyone}) is left out.
   */
  static SlackMessage incident(Reply.Incident post) {
    IncidentView i = post.view();
    String callout = callout(post.mention());
    MessageBuilder b = new MessageBuilder().section(callout.isEmpty() ? incidentTitle(i) : callout + " " + incidentTitle(i));
    if (!i.components().isEmpty()) {
      b.section(components(i.components()));
    }
    i.latest().ifPresent(u -> b.section(update(u)));
    String when = (i.startedAt() == null ? "" : "Started " + StatusWords.time(i.startedAt()) + " · ")
        + i.resolvedAt().map(t -> "resolved " + StatusWords.time(t) + " · ").orElse("");
    b.context(SlackMarkdown.escape(when) + SlackMarkdown.link(i.link(), "incident page"));
    post.hit().ifPresent(h -> b.section("👥 *" + SlackMarkdown.escape(h.line(i.isClosed())) + "*"));
    if (post.hasHitButton() && i.id().length() <= SlackMessages.MAX_BUTTON_VALUE) {
      b.buttons(List.of(HitButtonListener.button(i.id())));
    }
    String text = MessageBuilder.fallbackText(
        PlainTextRenderer.render(new Reply.Incident(i, ChannelMention.NONE, post.hit())));
    return b.buildWithText(callout.isEmpty() ? text : callout + " " + text);
  }

  /** Returns Slack's markup for a channel-wide mention, or nothing. */
  private static String callout(ChannelMention mention) {
    return switch (mention.kind()) {
      case HERE -> "<!here>";
      case CHANNEL -> "<!channel>";
      default -> "";
    };
  }

  /**
   * Returns the colour of an incident's impact as the status page shows it, for the bar beside an
   * unfurl; an ended incident or maintenance is green.
   */
  static String colour(IncidentView i) {
    if (i.isClosed()) {
      return "#2fb344";
    }
    switch (i.impact()) {
      case MINOR:
        return "#f1c40f";
      case MAJOR:
        return "#e67e22";
      case CRITICAL:
        return "#e03e3e";
      case MAINTENANCE:
        return "#3498db";
      default:
        return "#95a5a6";
    }
  }

  private static String incidentTitle(IncidentView i) {
    String name = SlackMarkdown.link(i.link(), i.name());
    if (i.isClosed()) {
      return "✅ *" + (i.maintenance() ? "Maintenance over" : "Resolved") + ":* " + name;
    }
    String kind = i.maintenance() ? "🔧 Maintenance: " : StatusWords.emoji(i.impact()) + " ";
    return kind + name + "\n*" + SlackMarkdown.escape(capitalised(i.status().words())) + "* · "
        + SlackMarkdown.escape(i.impact().words()) + " impact";
  }

  private static String incidentSummary(IncidentView i) {
    StringBuilder sb = new StringBuilder(incidentTitle(i));
    i.latest().ifPresent(u -> sb.append('\n').append(update(u)));
    return sb.toString();
  }

  private static String update(IncidentUpdate u) {
    String body = u.body().strip();
    String shown = SlackMarkdown.ellipsis(body, SlackMessages.MAX_UPDATE_BODY);
    String note = shown.length() < body.length() ? " _(cut; the incident page has the rest)_" : "";
    String time = u.shownAt() == null ? "" : " (" + StatusWords.time(u.shownAt()) + ")";
    return "*Latest update*" + SlackMarkdown.escape(time) + ": " + SlackMarkdown.escape(shown) + note;
  }

  private static String components(List<ComponentState> components) {
    List<String> lines = new ArrayList<>();
    for (ComponentState c : components) {
      lines.add(StatusWords.emoji(c.status()) + " " + SlackMarkdown.escape(c.name()) + ": " + SlackMarkdown.escape(c.status().words()));
    }
    return String.join("\n", lines);
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
