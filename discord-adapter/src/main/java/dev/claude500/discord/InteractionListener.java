package dev.claude500.discord;

import dev.claude500.adapters.AdapterServices;
import dev.claude500.chat.ChatPort;
import dev.claude500.commands.Command;
import dev.claude500.metrics.BotMetrics;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes Discord's interactions to their handlers: a subcommand, read into the core's command, to
 * the triage's start or to a private answer; the message command "Triage with claude500" to a
 * triage of that message; buttons and modals by their custom id. Runs on JDA's event threads and does nothing slow there: each handler
 * acknowledges at once and hands its work to the work executor. Anything not ours (another bot's
 * command, a forgotten custom id) is acknowledged and otherwise ignored. The time each handler
 * takes on JDA's thread, until its acknowledgement is queued, is recorded as the ack latency.
 */
final class InteractionListener extends ListenerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(InteractionListener.class);

  private final TriageCommand triage;
  private final MessageCommand message;
  private final EphemeralCommand ephemeral;
  private final AnswerButton answers;
  private final HitButtonClick hits;
  private final PasteFlow paste;
  private final ComponentAutocomplete autocomplete;
  private final CustomIds ids;
  private final BotMetrics metrics;
  private final BiConsumer<String, String> servers;

  InteractionListener(TriageCommand triage, MessageCommand message, EphemeralCommand ephemeral, AnswerButton answers,
      HitButtonClick hits, PasteFlow paste, ComponentAutocomplete autocomplete, CustomIds ids, BotMetrics metrics,
      BiConsumer<String, String> servers) {
    this.triage = Objects.requireNonNull(triage, "triage");
    this.message = Objects.requireNonNull(message, "message");
    this.ephemeral = Objects.requireNonNull(ephemeral, "ephemeral");
    this.answers = Objects.requireNonNull(answers, "answers");
    this.hits = Objects.requireNonNull(hits, "hits");
    this.paste = Objects.requireNonNull(paste, "paste");
    this.autocomplete = Objects.requireNonNull(autocomplete, "autocomplete");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.servers = Objects.requireNonNull(servers, "servers");
  }

  /**
   * Returns the listener with every subcommand, message command, button and modal handler,
   * registered here and only here; {@code port} is the adapter's own, for the "I'm hit too" button;
   * {@code servers} is told the server (guild id) of each command's channel, as the interaction
   * carries it, so that the channel's workspace is known without asking Discord.
   */
  static InteractionListener create(AdapterServices services, ChatPort port, BiConsumer<String, String> servers,
      Worker work, DiscordMessages messages, CustomIds ids) {
    ThreadPosts posts = new ThreadPosts(services.outbox());
    return new InteractionListener(
        new TriageCommand(services.commands(), services.engine(), work, posts, messages),
        new MessageCommand(services.commands(), services.engine(), work, posts, messages),
        new EphemeralCommand(services.commands(), work, messages),
        new AnswerButton(services.engine(), work, posts, ids),
        new HitButtonClick(services.hits(), port, work),
        new PasteFlow(services.engine(), work, posts, messages, ids),
        new ComponentAutocomplete(services.status()),
        ids, services.metrics(), servers);
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    if (!SlashCommand.NAME.equals(event.getName())) {
      return;
    }
    timed("command", () -> command(event));
  }

  @Override
  public void onMessageContextInteraction(MessageContextInteractionEvent event) {
    if (MessageCommand.NAME.equals(event.getName())) {
      timed("message command", () -> message.handle(event));
    }
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    timed("button", () -> button(event));
  }

  @Override
  public void onModalInteraction(ModalInteractionEvent event) {
    timed("modal", () -> modal(event));
  }

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    if (SlashCommand.NAME.equals(event.getName())) {
      timed("autocomplete", () -> autocomplete.handle(event));
    }
  }

  private void timed(String kind, Runnable handler) {
    long start = System.nanoTime();
    try {
      handler.run();
    } finally {
      metrics.ack(DiscordAdapter.PLATFORM, kind, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private void command(SlashCommandInteractionEvent event) {
    if (event.getGuild() != null && event.getChannel() != null) {
      servers.accept(event.getChannel().getId(), event.getGuild().getId());
    }
    Optional<Command> command = SlashCommand.command(event);
    if (command.isEmpty()) {
      event.reply(DiscordMessages.single("Unknown subcommand; try `/claude500 help`.")).setEphemeral(true)
          .queue(null, e -> LOG.debug("could not answer: {}", e.toString()));
    } else if (command.get() instanceof Command.Triage t) {
      triage.handle(event, t);
    } else {
      ephemeral.handle(event, command.get());
    }
  }

  private void button(ButtonInteractionEvent event) {
    Optional<CustomIds.Id> id = ids.parse(event.getComponentId());
    if (id.isPresent() && id.get().kind() == CustomIds.Kind.ANSWER) {
      answers.handle(event, id.get());
    } else if (id.isPresent() && id.get().kind() == CustomIds.Kind.HIT && !id.get().hashed()) {
      hits.handle(event, id.get().token());
    } else if (id.isPresent() && id.get().kind() == CustomIds.Kind.PASTE) {
      paste.open(event, id.get());
    } else {
      event.deferEdit().queue(null, e -> LOG.debug("could not acknowledge: {}", e.toString()));
    }
  }

  private void modal(ModalInteractionEvent event) {
    Optional<CustomIds.Id> id = ids.parse(event.getModalId());
    if (id.isPresent() && id.get().kind() == CustomIds.Kind.MODAL) {
      paste.submit(event, id.get());
    } else {
      event.deferEdit().queue(null, e -> LOG.debug("could not acknowledge: {}", e.toString()));
    }
  }
}
