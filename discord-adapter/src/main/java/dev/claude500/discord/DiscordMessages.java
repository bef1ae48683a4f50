package dev.claude500.discord;

import dev.claude500.chat.Choice;
import dev.claude500.chat.Reply;
import dev.claude500.chat.Text;
import dev.claude500.status.StatusWords;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Renders {@link Reply} values as Discord messages: a message as markdown, a question as a message
 * with a button per choice and an "Answer in words…" button (which opens a modal), a text request as a message with a "Paste…" button (which opens a
 * modal) and its alternatives, the report as an embed of its fields followed by its body in code
 * blocks, the status page and incidents as embeds, a triage's opening as its headline over an embed
 * coloured by the page. Every message fits Discord's limits and pings nobody, but for the mention a
 * channel asked for on an incident's first post. Thread-safe.
 */
final class DiscordMessages {
  /** The label of a text request's button that opens the modal. */
  static final String PASTE_LABEL = "Paste…";
  /** The label of a question's button that opens a modal to answer in one's own words. */
  static final String WORDS_LABEL = "Answer in words…";
  /** The label of an incident post's button. */
  static final String HIT_LABEL = "I'm hit too";
  private static final int REPORT_BLOCKS = 8;
  private static final int REPORT_COLOUR = 0xD97757;

  private final CustomIds ids;

  DiscordMessages(CustomIds ids) {
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  /** Returns the messages that show a reply, in order; never empty. */
  List<MessageCreateData> render(Reply reply) {
    if (reply instanceof Reply.Message m) {
      return text(DiscordMarkdown.render(m.text()));
    }
    if (reply instanceof Reply.Question q) {
      List<Button> buttons = new ArrayList<>();
      for (Choice c : q.choices()) {
        buttons.add(Button.secondary(ids.answer(q.token(), c.value()), label(c.label())));
      }
      buttons.add(Button.primary(ids.paste(q.token()), WORDS_LABEL));
      return List.of(withButtons(DiscordMarkdown.render(q.text()), buttons));
    }
    if (reply instanceof Reply.TextRequest t) {
      List<Button> buttons = new ArrayList<>();
      buttons.add(Button.primary(ids.paste(t.token()), PASTE_LABEL));
      for (Choice c : t.alternatives()) {
        buttons.add(Button.secondary(ids.answer(t.token(), c.value()), label(c.label())));
      }
      return List.of(withButtons(DiscordMarkdown.render(t.prompt()), buttons));
    }
    if (reply instanceof Reply.Report r) {
      return report(r);
    }
    if (reply instanceof Reply.Status s) {
      return List.of(embed("", StatusMessages.status(s.view())));
    }
    if (reply instanceof Reply.Opening o) {
      return List.of(opening(o));
    }
    return List.of(incident((Reply.Incident) reply));
  }

  /** Returns a message of markdown, cut to fit one message. */
  static MessageCreateData single(String markdown) {
    return base().setContent(Limits.cut(markdown, Limits.CONTENT)).build();
  }

  /** Returns a short line standing for a reply (a channel notice pointing at a thread post). */
  static String headline(Reply reply) {
    if (reply instanceof Reply.Incident i) {
      return StatusWords.emoji(i.view().impact()) + " **" + DiscordMarkdown.escape(Limits.cut(i.view().name(), 200))
          + "**: " + StatusMessages.headline(i.view());
    }
    if (reply instanceof Reply.Message m) {
      return firstLineOf(m.text());
    }
    if (reply instanceof Reply.Report r) {
      return firstLineOf(r.headline());
    }
    if (reply instanceof Reply.Status) {
      return "Status page";
    }
    if (reply instanceof Reply.Opening o) {
      return firstLineOf(o.headline());
    }
    if (reply instanceof Reply.Question q) {
      return firstLineOf(q.text());
    }
    return firstLineOf(((Reply.TextRequest) reply).prompt());
  }

  private static String firstLineOf(Text text) {
    return DiscordMarkdown.escape(Limits.firstLine(text.toPlainString(), 300));
  }

  /** A triage's first message: who started it as the content, the page in an embed of its colour. */
  private static MessageCreateData opening(Reply.Opening o) {
    MessageCreateBuilder b = base().setContent(Limits.cut(DiscordMarkdown.render(o.headline()), Limits.CONTENT));
    if (!o.details().isEmpty()) {
      b.setEmbeds(new EmbedBudget().description(DiscordMarkdown.render(o.details())).colour(Colours.of(o.indicator()))
          .build());
    }
    return b.build();
  }

  private List<MessageCreateData> report(Reply.Report r) {
    EmbedBudget embed = new EmbedBudget().title("Escalation report", null).colour(REPORT_COLOUR)
        .footer("The full report follows as text to copy.");
    for (Reply.Field f : r.fields()) {
      embed.field(f.name(), DiscordMarkdown.escape(f.value()), false);
    }
    List<MessageCreateData> out = new ArrayList<>();
    out.add(embed(Limits.cut(DiscordMarkdown.render(r.headline()), Limits.CONTENT), embed.build()));
    List<String> chunks = Chunks.split(DiscordMarkdown.unfence(r.body().stripTrailing()), Limits.CONTENT - 16);
    for (int i = 0; i < chunks.size() && i < REPORT_BLOCKS; i++) {
      String chunk = chunks.get(i);
      if (i == REPORT_BLOCKS - 1 && chunks.size() > REPORT_BLOCKS) {
        chunk = Limits.cut(chunk, Limits.CONTENT - 60) + "\n(cut: the rest is too long for Discord)";
      }
      out.add(base().setContent("```\n" + chunk + "\n```").build());
    }
    return out;
  }

  private static List<MessageCreateData> text(String markdown) {
    List<MessageCreateData> out = new ArrayList<>();
    for (String part : Chunks.split(markdown.isBlank() ? "\u200b" : markdown, Limits.CONTENT)) {
      out.add(base().setContent(part).build());
    }
    return out;
  }

  /**
   * An incident post: its embed; the "I'm hit too" button on a top-level post while the incident is
   * open; and a mention the channel asked for as the content, allowed to ping exactly that
   * ({@code @here}, {@code @everyone} or the one role) and nothing else. Slack's {@code @channel} is
   * not Discord's and is left out.
   */
  private MessageCreateData incident(Reply.Incident post) {
    MessageCreateBuilder b = base().setContent("").setEmbeds(StatusMessages.incident(post.view(), post.hit()));
    Optional<String> hit = post.hasHitButton() ? ids.hit(post.view().id()) : Optional.empty();
    hit.ifPresent(id -> b.setComponents(ActionRow.of(Button.secondary(id, HIT_LABEL))));
    switch (post.mention().kind()) {
      case HERE -> b.setContent("@here").setAllowedMentions(EnumSet.of(Message.MentionType.HERE));
      case EVERYONE -> b.setContent("@everyone").setAllowedMentions(EnumSet.of(Message.MentionType.EVERYONE));
      case ROLE -> b.setContent("<@&" + post.mention().roleId() + ">").mentionRoles(post.mention().roleId());
      case NONE, CHANNEL -> { }
    }
    return b.build();
  }

  private static MessageCreateData withButtons(String markdown, List<Button> buttons) {
    return base().setContent(Limits.cut(markdown.isBlank() ? "\u200b" : markdown, Limits.CONTENT))
        .setComponents(ActionRow.partitionOf(buttons)).build();
  }

  private static MessageCreateData embed(String content, MessageEmbed embed) {
    return base().setContent(content).setEmbeds(embed).build();
  }

  private static String label(String label) {
    return Limits.cut(label, Limits.BUTTON_LABEL);
  }

  /** Returns a builder that pings nobody: mentions render, but user-derived text never notifies. */
  static MessageCreateBuilder base() {
    return new MessageCreateBuilder().setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
  }
}
