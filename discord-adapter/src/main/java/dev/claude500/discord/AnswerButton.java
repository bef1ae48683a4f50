package dev.claude500.discord;

import dev.claude500.chat.Actor;
import dev.claude500.chat.ConversationKey;
import dev.claude500.triage.Disposition;
import dev.claude500.triage.TriageEngine;
import dev.claude500.triage.TriageResult;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A click on a choice button. Acknowledged at once without changing anything (a deferred edit);
 * then the engine applies it (a button whose id carries hashes is first matched against the
 * question waiting). A stale click (an old question, a second click) ends there. An
 * applied one edits the question to show the answer and who chose it, its buttons disabled, and
 * posts what comes next in the thread.
 */
final class AnswerButton {
  private static final Logger LOG = LoggerFactory.getLogger(AnswerButton.class);

  private final TriageEngine engine;
  private final Worker work;
  private final ThreadPosts posts;
  private final CustomIds ids;

  AnswerButton(TriageEngine engine, Worker work, ThreadPosts posts, CustomIds ids) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.work = Objects.requireNonNull(work, "work");
    this.posts = Objects.requireNonNull(posts, "posts");
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  void handle(ButtonInteractionEvent event, CustomIds.Id id) {
    Optional<ConversationKey> key = Interactions.threadKey(event.getChannel());
    Actor actor = Interactions.actor(event);
    event.deferEdit().queue(
        hook -> key.ifPresent(k -> work.run(hook, "apply an answer in " + k, () -> apply(event, hook, k, actor, id))),
        e -> LOG.warn("could not acknowledge a click: {}", e.toString()));
  }

  private void apply(ButtonInteractionEvent event, InteractionHook hook, ConversationKey key, Actor actor, CustomIds.Id id) {
    Optional<CustomIds.Id> exact = ids.resolve(id, () -> engine.pending(key));
    if (exact.isEmpty()) {
      return; // a hashed id that matches no choice of the question now waiting: stale
    }
    TriageResult result = engine.answer(key, actor, exact.get().token(), exact.get().value());
    if (result.disposition() != Disposition.APPLIED) {
      return;
    }
    String label = event.getButton().getLabel();
    String note = "→ **" + DiscordMarkdown.escape(label) + "**, chosen by " + Interactions.mention(actor);
    posts.markAnswered(hook, event.getMessage(), note, b -> event.getComponentId().equals(b.getCustomId()));
    posts.post(key, result.replies());
  }
}
