package dev.claude500.discord;

import dev.claude500.chat.Reply;
import dev.claude500.commands.Answer;
import dev.claude500.commands.Command;
import dev.claude500.commands.Commands;
import java.util.Objects;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command other than a triage, whose answer only the person who asked sees: deferred (ephemeral)
 * at once; once Discord took that, the core answers it on the work executor and the answer is sent
 * as the follow-up. {@code subscribe} gets Discord's own checks around it ({@link SubscriptionCommands}).
 */
final class EphemeralCommand {
  private static final Logger LOG = LoggerFactory.getLogger(EphemeralCommand.class);

  private final Commands commands;
  private final Worker work;
  private final DiscordMessages messages;

  EphemeralCommand(Commands commands, Worker work, DiscordMessages messages) {
    this.commands = Objects.requireNonNull(commands, "commands");
    this.work = Objects.requireNonNull(work, "work");
    this.messages = Objects.requireNonNull(messages, "messages");
  }

  /** Acknowledges the interaction and answers {@code command} after. */
  void handle(SlashCommandInteractionEvent event, Command command) {
    String name = event.getSubcommandName();
    // The work starts once Discord took the acknowledgement: a replica that lost the race does nothing.
    event.deferReply(true).queue(
        hook -> work.run(hook, "answer /" + SlashCommand.NAME + " " + name, () -> {
          for (MessageCreateData data : messages.render(answer(event, command))) {
            hook.sendMessage(data).setEphemeral(true).complete();
          }
        }),
        e -> LOG.warn("could not acknowledge /{} {}: {}", SlashCommand.NAME, name, e.toString()));
  }

  private Reply answer(SlashCommandInteractionEvent event, Command command) {
    boolean subscribe = command instanceof Command.Subscribe;
    if (subscribe && !Interactions.holdsThreads(event.getChannel().getType())) {
      return SubscriptionCommands.NEEDS_THREADS;
    }
    // only a triage is answered with a triage to start, and triages go to TriageCommand
    Reply reply = ((Answer.Say) commands.answer(command, Interactions.invocation(event))).reply();
    return subscribe ? SubscriptionCommands.withPermissionWarning(event, reply) : reply;
  }
}
