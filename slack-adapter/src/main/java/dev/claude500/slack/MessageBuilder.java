package dev.claude500.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Assembles one message within Block Kit's limits: sections split at {@link SlackMessages#MAX_SECTION}
 * characters, at most {@link SlackMessages#MAX_BLOCKS} blocks holding at most {@link SlackMessages#MAX_TEXT}
 * characters of text in all (beyond either, the body is cut with a note; the trailing blocks such
 * as buttons always stay), fallback text at most {@link SlackMessages#MAX_TEXT}. Not thread-safe.
 */
final class MessageBuilder {
  /** The block id of hints that go away once a question is answered. */
  static final String HINT_BLOCK = "claude500_hint";
  /** The prefix of the block ids of answer buttons. */
  static final String ACTIONS_BLOCK = "claude500_actions_";

  /** Characters kept free for the note that says the body was cut. */
  private static final int NOTE_ROOM = 100;

  private final List<LayoutBlock> body = new ArrayList<>();
  private final List<LayoutBlock> tail = new ArrayList<>();

  /** Adds mrkdwn (already escaped) as one or more sections. */
  MessageBuilder section(String mrkdwn) {
    if (mrkdwn.isBlank()) {
      return this;
    }
    for (String part : SlackMarkdown.split(mrkdwn, SlackMessages.MAX_SECTION)) {
      if (!part.isBlank()) {
        body.add(SectionBlock.builder().text(markdown(part)).build());
      }
    }
    return this;
  }

  /** Adds a section of fields (each already escaped mrkdwn), ten to a section, each cut to its limit. */
  MessageBuilder fields(List<String> fields) {
    List<TextObject> row = new ArrayList<>();
    for (String f : fields) {
      row.add(markdown(SlackMarkdown.head(f, SlackMessages.MAX_FIELD)));
      if (row.size() == SlackMessages.MAX_FIELDS) {
        body.add(SectionBlock.builder().fields(row).build());
        row = new ArrayList<>();
      }
    }
    if (!row.isEmpty()) {
      body.add(SectionBlock.builder().fields(row).build());
    }
    return this;
  }

  /** Adds a line of small print to the body. */
  MessageBuilder context(String mrkdwn) {
    body.add(contextBlock(mrkdwn, null));
    return this;
  }

  /** Adds a hint after the body; it stays when the body is cut and goes when the question is answered. */
  MessageBuilder hint(String mrkdwn) {
    tail.add(contextBlock(mrkdwn, HINT_BLOCK));
    return this;
  }

  /** Adds buttons after the body, as many actions blocks as it takes. */
  MessageBuilder buttons(List<ButtonElement> buttons) {
    for (int from = 0; from < buttons.size(); from += SlackMessages.MAX_BUTTONS_PER_BLOCK) {
      List<BlockElement> row = new ArrayList<>(buttons.subList(from,
          Math.min(buttons.size(), from + SlackMessages.MAX_BUTTONS_PER_BLOCK)));
      tail.add(ActionsBlock.builder().blockId(ACTIONS_BLOCK + tail.size()).elements(row).build());
    }
    return this;
  }

  /** Returns the message; {@code fallback} is plain text for notifications. */
  SlackMessage build(String fallback) {
    return buildWithText(fallbackText(fallback));
  }

  /**
   * Returns the message with {@code text} as its notification text: mrkdwn, already escaped, so a
   * mention in it ({@code <@U…>}) notifies as the person's name rather than showing its markup.
   */
  SlackMessage buildWithText(String text) {
    int room = SlackMessages.MAX_BLOCKS - tail.size();
    int budget = SlackMessages.MAX_TEXT - chars(tail);
    List<LayoutBlock> blocks = new ArrayList<>();
    if (body.size() <= room && chars(body) <= budget) {
      blocks.addAll(body);
    } else {
      int used = 0;
      for (LayoutBlock b : body) {
        int c = chars(b);
        if (blocks.size() >= room - 1 || used + c > budget - NOTE_ROOM) {
          break;
        }
        blocks.add(b);
        used += c;
      }
      int dropped = body.size() - blocks.size();
      blocks.add(contextBlock(String.format(Locale.ROOT,
          "_(cut to fit Slack: %d more part%s not shown)_", dropped, dropped == 1 ? "" : "s"), null));
    }
    blocks.addAll(tail);
    return new SlackMessage(cutText(text), blocks);
  }

  /** Returns the characters of text in the body so far. */
  int bodyChars() {
    return chars(body);
  }

  /** Returns the characters of text in blocks: sections, their fields, context lines, button labels. */
  static int chars(List<LayoutBlock> blocks) {
    int n = 0;
    for (LayoutBlock b : blocks) {
      n += chars(b);
    }
    return n;
  }

  private static int chars(LayoutBlock block) {
    int n = 0;
    if (block instanceof SectionBlock s) {
      n += s.getText() == null ? 0 : chars(s.getText());
      for (TextObject f : s.getFields() == null ? List.<TextObject>of() : s.getFields()) {
        n += chars(f);
      }
    } else if (block instanceof ContextBlock c) {
      for (ContextBlockElement e : c.getElements()) {
        n += e instanceof TextObject t ? chars(t) : 0;
      }
    } else if (block instanceof ActionsBlock a) {
      for (BlockElement e : a.getElements()) {
        n += e instanceof ButtonElement button && button.getText() != null ? chars(button.getText()) : 0;
      }
    }
    return n;
  }

  private static int chars(TextObject t) {
    String text = t instanceof MarkdownTextObject m ? m.getText()
        : t instanceof PlainTextObject p ? p.getText() : null;
    return text == null ? 0 : text.length();
  }

  /** Returns plain text escaped and cut for a message's {@code text}. */
  static String fallbackText(String plain) {
    return cutText(SlackMarkdown.escape(plain));
  }

  /** Returns a message's {@code text}, already mrkdwn, cut to Slack's limit. */
  private static String cutText(String escaped) {
    if (escaped.length() <= SlackMessages.MAX_TEXT) {
      return escaped;
    }
    return SlackMarkdown.head(escaped, SlackMessages.MAX_TEXT - 40) + "\n(cut to fit Slack)";
  }

  static MarkdownTextObject markdown(String mrkdwn) {
    return MarkdownTextObject.builder().text(mrkdwn).build();
  }

  static ContextBlock contextBlock(String mrkdwn, String blockId) {
    List<ContextBlockElement> elements = new ArrayList<>();
    elements.add(markdown(SlackMarkdown.head(mrkdwn, SlackMessages.MAX_SECTION)));
    return ContextBlock.builder().blockId(blockId).elements(elements).build();
  }
}
