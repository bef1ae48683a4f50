package dev.claude500.discord;

import dev.claude500.bot.BotServices;
import dev.claude500.chat.Reply;
import dev.claude500.metrics.BotMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes Discord's interactions to their handlers: subcommands by name, buttons and modals by
 * their custom id. Runs on JDA's event threads and does nothing slow there: each handler
 * acknowledges at once and hands its work to the work executor. Anything not ours (another bot's
 * command, a forgotten custom id) is acknowledged and otherwise ignored. The time each handler
 * takes on JDA's thread, until its acknowledgement is queued, is recorded as the ack latency.
 */
final class InteractionListener extends ListenerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(InteractionListener.class);

  private final Map<String, SubcommandHandler> subcommands;
  private final AnswerButton answers;
  private final PasteFlow paste;
  private final ComponentAutocomplete autocomplete;
  private final CustomIds ids;
  private final BotMetrics metrics;

  InteractionListener(Map<String, SubcommandHandler> subcommands, AnswerButton answers, PasteFlow paste,
      ComponentAutocomplete autocomplete, CustomIds ids, BotMetrics metrics) {
    this.subcommands = Map.copyOf(subcommands);
    this.answers = Objects.requireNonNull(answers, "answers");
    this.paste = Objects.requireNonNull(paste, "paste");
    this.autocomplete = Objects.requireNonNull(autocomplete, "autocomplete");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /** Returns the listener with every subcommand, button and modal handler, registered here and only here. */
  static InteractionListener create(BotServices services, Work work, DiscordMessages messages, CustomIds ids) {
    ThreadPosts posts = new ThreadPosts(messages);
    SubscriptionCommands channel = new SubscriptionCommands(services.commands());
    Map<String, SubcommandHandler> subcommands = Map.of(
        SlashCommand.TRIAGE, new TriageCommand(services.engine(), services.status(), services.clock(), work, posts),
        SlashCommand.STATUS, new EphemeralCommand(SlashCommand.STATUS, work, messages, e -> services.commands().status()),
        SlashCommand.SUBSCRIBE, new EphemeralCommand(SlashCommand.SUBSCRIBE, work, messages, channel::subscribe),
        SlashCommand.UNSUBSCRIBE, new EphemeralCommand(SlashCommand.UNSUBSCRIBE, work, messages, channel::unsubscribe),
        SlashCommand.SUBSCRIPTIONS, new EphemeralCommand(SlashCommand.SUBSCRIPTIONS, work, messages, channel::subscriptions),
        SlashCommand.HELP, new EphemeralCommand(SlashCommand.HELP, work, messages, e -> new Reply.Message(DiscordHelp.usage())));
    return new InteractionListener(subcommands,
        new AnswerButton(services.engine(), work, posts, ids),
        new PasteFlow(services.engine(), work, posts, messages, ids),
        new ComponentAutocomplete(services.status()),
        ids, services.metrics());
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    if (!SlashCommand.NAME.equals(event.getName())) {
      return;
    }
    timed("command", () -> command(event));
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
    SubcommandHandler handler = event.getSubcommandName() == null ? null : subcommands.get(event.getSubcommandName());
    if (handler == null) {
      event.reply(DiscordMessages.single("Unknown subcommand; try `/claude500 help`.")).setEphemeral(true)
          .queue(null, e -> LOG.debug("could not answer: {}", e.toString()));
      return;
    }
    handler.handle(event);
  }

  private void button(ButtonInteractionEvent event) {
    Optional<CustomIds.Id> id = ids.parse(event.getComponentId());
    if (id.isPresent() && id.get().kind() == CustomIds.Kind.ANSWER) {
      answers.handle(event, id.get());
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
