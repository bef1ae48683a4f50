package dev.claude500.discord;

import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.Reply;
import dev.claude500.outbox.Outbox;
import dev.claude500.outbox.Outgoing;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.components.replacer.ComponentReplacer;
import net.dv8tion.jda.api.components.tree.MessageComponentTree;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/**
 * Shows a triage in its thread: the engine's replies go out through the {@link Outbox} (in order,
 * held back and retried there when Discord does not take them, through the chat port), and an
 * answered question is edited to say what was chosen and by whom, its buttons disabled. Calls block
 * until Discord answered: run them on the work executor only.
 */
final class ThreadPosts {
  private final Outbox outbox;

  ThreadPosts(Outbox outbox) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
  }

  /**
   * Queues the replies in the triage's thread, after any of its replies still queued; those Discord
   * takes now are posted before this returns.
   */
  void post(ConversationKey key, List<Reply> replies) {
    outbox.send(Outgoing.triageReplies(key, replies));
  }

  /**
   * Edits the message an interaction came from: its text followed by {@code note}, every button
   * disabled and the chosen one marked.
   */
  void markAnswered(InteractionHook hook, Message answered, String note, Predicate<Button> chosen) {
    String before = PostTag.unmarked(answered.getContentRaw());
    String content = Limits.cut(before, Math.max(1, Limits.CONTENT - note.length() - 1)) + "\n" + note;
    MessageComponentTree tree = answered.getComponentTree().replace(ComponentReplacer.<Button>of(Button.class,
        b -> true, b -> (chosen.test(b) ? b.withStyle(ButtonStyle.SUCCESS) : b.withStyle(ButtonStyle.SECONDARY)).asDisabled()));
    hook.editOriginal(new MessageEditBuilder()
        .setContent(content)
        .setComponents(tree.getComponents())
        .setAllowedMentions(java.util.EnumSet.noneOf(Message.MentionType.class))
        .build()).complete();
  }
}
