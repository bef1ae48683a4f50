package dev.claude500.discord;

import dev.claude500.chat.Actor;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.Reply;
import dev.claude500.triage.Disposition;
import dev.claude500.triage.TriageEngine;
import dev.claude500.triage.TriageResult;
import dev.claude500.triage.TriageView;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Free text, which Discord bots cannot read from the thread without the message-content intent:
 * the "Paste…" button of a text request and the "Answer in words…" button of a question open a
 * modal (the modal is the acknowledgement), and its submission goes to the engine as the answer
 * (to a question, read for what its words mean). A submission for a request that is no longer the
 * pending one is stale and ignored. The pasted text is never echoed: it may hold secrets the engine
 * redacts.
 */
final class PasteFlow {
  /** The custom id of the modal's text input. */
  static final String TEXT = "text";
  private static final Logger LOG = LoggerFactory.getLogger(PasteFlow.class);

  private final TriageEngine engine;
  private final Worker work;
  private final ThreadPosts posts;
  private final DiscordMessages messages;
  private final CustomIds ids;

  PasteFlow(TriageEngine engine, Worker work, ThreadPosts posts, DiscordMessages messages, CustomIds ids) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.work = Objects.requireNonNull(work, "work");
    this.posts = Objects.requireNonNull(posts, "posts");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  /** Opens the modal for the text request the button belongs to. */
  void open(ButtonInteractionEvent event, CustomIds.Id id) {
    boolean words = DiscordMessages.WORDS_LABEL.equals(event.getButton().getLabel());
    event.replyModal(words ? wordsModal(id, event.getMessage().getContentStripped())
            : modal(id, event.getMessage().getContentStripped()))
        .queue(null, e -> LOG.warn("could not open the paste modal: {}", e.toString()));
  }

  /** Returns the modal a paste button opens; its id carries the button's token (or its hash). */
  Modal modal(CustomIds.Id paste, String prompt) {
    return modal(paste, "Paste for claude500", "The text asked for",
        "Paste it here; secrets such as API keys and tokens are redacted before anything is kept", prompt);
  }

  /** Returns the modal a question's "Answer in words…" button opens. */
  Modal wordsModal(CustomIds.Id paste, String question) {
    return modal(paste, "Answer claude500", "Your answer, in your own words",
        "e.g. \"when I log in\", \"nope, same error\", or paste the error", question);
  }

  private Modal modal(CustomIds.Id paste, String title, String label, String placeholder, String prompt) {
    TextInput input = TextInput.create(TEXT, TextInputStyle.PARAGRAPH)
        .setRequired(true)
        .setMaxLength(Limits.TEXT_INPUT)
        .setPlaceholder(placeholder)
        .build();
    String description = Limits.firstLine(prompt, Limits.LABEL_DESCRIPTION);
    return Modal.create(ids.modalFor(paste), title)
        .addComponents(Label.of(label, description.isBlank() ? null : description, input))
        .build();
  }

  /** Applies a modal's submission. */
  void submit(ModalInteractionEvent event, CustomIds.Id id) {
    Optional<ConversationKey> key = Interactions.threadKey(event.getChannel());
    Actor actor = Interactions.actor(event);
    String text = Optional.ofNullable(event.getValue(TEXT)).map(ModalMapping::getAsString).orElse("");
    event.deferEdit().queue(
        hook -> key.ifPresent(k -> work.run(hook, "apply pasted text in " + k, () -> apply(event, hook, k, actor, id, text))),
        e -> LOG.warn("could not acknowledge a modal: {}", e.toString()));
  }

  private void apply(ModalInteractionEvent event, InteractionHook hook, ConversationKey key, Actor actor,
      CustomIds.Id id, String text) {
    Optional<String> token = ids.resolve(id, () -> engine.pending(key)).map(CustomIds.Id::token);
    Optional<String> pending = engine.find(key).flatMap(TriageView::pendingToken);
    if (token.isEmpty() || !pending.equals(token)) {
      return;
    }
    TriageResult result = engine.reply(key, actor, text);
    if (result.disposition() == Disposition.NOT_UNDERSTOOD) {
      for (Reply hint : result.replies()) {
        for (MessageCreateData data : messages.render(hint)) {
          hook.sendMessage(data).setEphemeral(true).complete();
        }
      }
      return;
    }
    if (result.disposition() != Disposition.APPLIED) {
      return;
    }
    Message answered = event.getMessage();
    if (answered != null) {
      boolean words = answered.getComponentTree().findAll(Button.class).stream().anyMatch(b -> DiscordMessages.WORDS_LABEL.equals(b.getLabel()));
      String note = words ? "→ answered in words by " + Interactions.mention(actor)
          : "→ text pasted by " + Interactions.mention(actor) + " (" + text.strip().length() + " characters)";
      posts.markAnswered(hook, answered, note, b -> DiscordMessages.PASTE_LABEL.equals(b.getLabel())
          || DiscordMessages.WORDS_LABEL.equals(b.getLabel()));
    }
    posts.post(key, result.replies());
  }
}
