package dev.claude500.discord;

import dev.claude500.chat.Reply;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.components.replacer.ComponentReplacer;
import net.dv8tion.jda.api.components.tree.MessageComponentTree;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/**
 * Shows a triage in its thread: posts the engine's replies in order, and edits an answered
 * question to say what was chosen and by whom, its buttons disabled. Calls block until Discord
 * answered: run them on the work executor only.
 */
final class ThreadPosts {
  private final DiscordMessages messages;

  ThreadPosts(DiscordMessages messages) {
    this.messages = Objects.requireNonNull(messages, "messages");
  }

  /** Posts the replies in the thread, in order. */
  void post(MessageChannel thread, List<Reply> replies) {
    for (Reply reply : replies) {
      for (MessageCreateData data : messages.render(reply)) {
        thread.sendMessage(data).complete();
      }
    }
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
