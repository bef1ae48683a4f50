package dev.claude500.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.Objects;

/**
 * A message as Slack takes it: Block Kit blocks and the plain {@code text} Slack shows in
 * notifications and to screen readers.
 *
 * @param text the fallback text (mrkdwn-escaped), at most {@link SlackMessages#MAX_TEXT} characters
 * @param blocks the blocks, at most {@link SlackMessages#MAX_BLOCKS}
 */
record SlackMessage(String text, List<LayoutBlock> blocks) {
  /** Validates and copies. */
  SlackMessage {
    Objects.requireNonNull(text, "text");
    blocks = List.copyOf(blocks);
  }
}
