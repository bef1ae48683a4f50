package dev.claude500.discord;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatPort;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Reply;
import dev.claude500.hits.HitButton;
import dev.claude500.hits.HitClick;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A click on an incident post's "I'm hit too" button: acknowledged at once with a reply only the
 * person sees (deferred), then the core's {@link HitButton} applies it on the worker and its answer
 * fills that reply. The interaction's id names the delivery, so a replayed interaction counts once
 * (its deferred reply is then taken away).
 */
final class HitButtonClick {
  private static final Logger LOG = LoggerFactory.getLogger(HitButtonClick.class);

  private final HitButton hits;
  private final ChatPort port;
  private final Worker work;

  HitButtonClick(HitButton hits, ChatPort port, Worker work) {
    this.hits = Objects.requireNonNull(hits, "hits");
    this.port = Objects.requireNonNull(port, "port");
    this.work = Objects.requireNonNull(work, "work");
  }

  void handle(ButtonInteractionEvent event, String incidentId) {
    Optional<HitClick> click = click(event, incidentId);
    if (click.isEmpty()) {
      event.deferEdit().queue(null, e -> LOG.debug("could not acknowledge: {}", e.toString()));
      return;
    }
    event.deferReply(true).queue(
        hook -> work.run(hook, "count a hit by " + click.get().personId(), () -> apply(hook, click.get())),
        e -> LOG.info("could not acknowledge a hit click (a replay?): {}", e.toString()));
  }

  private void apply(InteractionHook hook, HitClick click) {
    Optional<Reply.Message> said = hits.click(port, click);
    if (said.isEmpty()) {
      hook.deleteOriginal().queue(null, e -> LOG.debug("could not take back a reply: {}", e.toString()));
      return;
    }
    hook.sendMessage(DiscordMessages.single(DiscordMarkdown.render(said.get().text()))).setEphemeral(true)
        .queue(null, e -> LOG.info("could not answer a hit click: {}", e.toString()));
  }

  private static Optional<HitClick> click(ButtonInteractionEvent event, String incidentId) {
    String channel = event.getChannelId();
    String message = event.getMessageId();
    String user = event.getUser().getId();
    if (!ChannelRef.isValidId(channel) || !ChannelRef.isValidId(message) || !ChannelRef.isValidId(incidentId)) {
      return Optional.empty();
    }
    MessageRef post = new MessageRef(new ChannelRef(DiscordAdapter.PLATFORM, channel), message);
    return Optional.of(new HitClick(event.getId(), post, incidentId, user));
  }
}
