package dev.claude500.slack;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.ButtonElement;
import dev.claude500.chat.Choice;
import dev.claude500.chat.PlainTextRenderer;
import dev.claude500.chat.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Renders the core's {@link Reply} values as Block Kit, and the few messages of the adapter's own
 * (an answered question, a notice). The one place that knows Slack's limits;
 * every message it returns stays inside them. Stateless.
 */
final class SlackMessages {
  /** Blocks in one message. */
  static final int MAX_BLOCKS = 50;
  /** Characters of one section's text. */
  static final int MAX_SECTION = 3_000;
  /** Characters of a message's {@code text}. */
  static final int MAX_TEXT = 40_000;
  /** Characters of a button's label. */
  static final int MAX_BUTTON_TEXT = 75;
  /** Characters of a button's value. */
  static final int MAX_BUTTON_VALUE = 2_000;
  /** Characters of one section field. */
  static final int MAX_FIELD = 2_000;
  /** Fields in one section. */
  static final int MAX_FIELDS = 10;
  /** Elements in one actions block. */
  static final int MAX_BUTTONS_PER_BLOCK = 25;
  /** Characters a report keeps free for its notes below the body. */
  private static final int REPORT_NOTES = 300;
  /** Characters of an incident update's text shown before it is cut. */
  static final int MAX_UPDATE_BODY = 2_500;

  /** The action id prefix of answer buttons; each button adds its index so ids stay unique. */
  static final String ANSWER_ACTION = "claude500_answer_";
  /** Matches the action ids of answer buttons. */
  static final Pattern ANSWER_ACTIONS = Pattern.compile(Pattern.quote(ANSWER_ACTION) + "\\d{1,3}");

  private static final Pattern USER_ID = Pattern.compile("[A-Z0-9]{2,30}");

  private SlackMessages() {}

  /** Returns a reply as a Slack message. */
  static SlackMessage render(Reply reply) {
    Objects.requireNonNull(reply, "reply");
    if (reply instanceof Reply.Message m) {
      return new MessageBuilder().section(SlackMarkdown.of(m.text())).buildWithText(SlackMarkdown.notification(m.text()));
    }
    if (reply instanceof Reply.Question q) {
      return new MessageBuilder().section(SlackMarkdown.of(q.text()))
          .hint("Click an answer, or reply in this thread with its number.")
          .buttons(buttons(q.token(), q.choices()))
          .build(PlainTextRenderer.render(reply));
    }
    if (reply instanceof Reply.TextRequest t) {
      return new MessageBuilder().section(SlackMarkdown.of(t.prompt()))
          .hint(t.alternatives().isEmpty() ? "Reply in this thread with the text."
              : "Reply in this thread with the text, or click:")
          .buttons(buttons(t.token(), t.alternatives()))
          .build(PlainTextRenderer.render(reply));
    }
    if (reply instanceof Reply.Report r) {
      return report(r);
    }
    if (reply instanceof Reply.Status s) {
      return StatusMessages.status(s.view());
    }
    if (reply instanceof Reply.Opening o) {
      MessageBuilder b = new MessageBuilder().section(SlackMarkdown.of(o.headline()));
      String text = SlackMarkdown.notification(o.headline())
          + (o.details().isEmpty() ? "" : "\n" + SlackMarkdown.notification(o.details()));
      return (o.details().isEmpty() ? b : b.context(SlackMarkdown.of(o.details()))).buildWithText(text);
    }
    return StatusMessages.incident((Reply.Incident) reply);
  }

  /**
   * Returns a question's message once it is answered: its buttons and hint gone, the answer and who
   * gave it in their place.
   *
   * @param original the message's blocks as Slack sent them back (or as they were posted)
   * @param answer the label of what was chosen, or null when it was answered by a reply in the thread
   * @param userId who answered
   */
  static SlackMessage answered(List<LayoutBlock> original, String answer, String userId) {
    List<LayoutBlock> kept = new ArrayList<>();
    for (LayoutBlock b : original == null ? List.<LayoutBlock>of() : original) {
      String id = b.getBlockId() == null ? "" : b.getBlockId();
      if (!id.equals(MessageBuilder.HINT_BLOCK) && !id.startsWith(MessageBuilder.ACTIONS_BLOCK)) {
        kept.add(b);
      }
    }
    if (kept.size() >= MAX_BLOCKS) {
      kept = new ArrayList<>(kept.subList(0, MAX_BLOCKS - 1));
    }
    String line = answer == null
        ? "✅ Answered in the thread by " + mention(userId)
        : "✅ " + SlackMarkdown.strong(SlackMarkdown.ellipsis(answer, 200)) + " · answered by " + mention(userId);
    kept.add(MessageBuilder.contextBlock(line, null));
    return new SlackMessage(MessageBuilder.fallbackText(answer == null ? "Answered in the thread" : "Answered: " + answer), kept);
  }

  /** Returns a short message of the adapter's own (already escaped mrkdwn). */
  static SlackMessage notice(String mrkdwn, String plain) {
    return new MessageBuilder().section(mrkdwn).build(plain);
  }

  /** Returns a user mention, or nothing for an id that does not look like one. */
  static String mention(String userId) {
    return mention(userId, "someone");
  }

  /** Returns a user mention, or {@code name} (escaped) for an id that does not look like one. */
  static String mention(String userId, String name) {
    return userId != null && USER_ID.matcher(userId).matches() ? "<@" + userId + ">" : SlackMarkdown.escape(name);
  }

  private static List<ButtonElement> buttons(String token, List<Choice> choices) {
    List<ButtonElement> out = new ArrayList<>();
    for (int i = 0; i < choices.size() && i < 1000; i++) {
      Choice c = choices.get(i);
      String value = new ButtonValue(token, c.value()).encode();
      if (value.length() > MAX_BUTTON_VALUE) {
        continue; // cannot be sent back whole; the person can still reply with its number
      }
      out.add(ButtonElement.builder()
          .actionId(ANSWER_ACTION + i)
          .text(PlainTextObject.builder().text(SlackMarkdown.ellipsis(c.label(), MAX_BUTTON_TEXT)).emoji(true).build())
          .value(value)
          .build());
    }
    return out;
  }

  private static SlackMessage report(Reply.Report r) {
    MessageBuilder b = new MessageBuilder().section(SlackMarkdown.of(r.headline()));
    List<String> fields = new ArrayList<>();
    for (Reply.Field f : r.fields()) {
      fields.add("*" + SlackMarkdown.escape(f.name()) + "*\n" + SlackMarkdown.escape(f.value()));
    }
    b.fields(fields);
    String body = r.body().stripTrailing();
    int room = MAX_TEXT - b.bodyChars() - REPORT_NOTES;
    int shown = 0;
    int used = 0;
    boolean cut = false;
    for (String chunk : Chunks.split(body, MAX_SECTION - 6)) {
      String block = SlackMarkdown.codeBlock(chunk);
      if (used + block.length() > room) {
        cut = true;
        break;
      }
      b.section(block);
      used += block.length();
      shown += chunk.length();
    }
    if (cut) {
      b.context(String.format(Locale.ROOT, "_(report cut to fit Slack: about %,d of %,d characters shown)_",
          shown, body.length()));
    }
    return b.context("Copy the report above into your support request as it is; secrets were removed.")
        .build(PlainTextRenderer.render(r));
  }
}
