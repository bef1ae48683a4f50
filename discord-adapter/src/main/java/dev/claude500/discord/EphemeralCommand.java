package dev.claude500.discord;

import dev.claude500.chat.Reply;
import dev.claude500.commands.Answer;
import dev.claude500.commands.Command;
import dev.claude500.commands.Commands;
import java.util.List;
import java.util.Objects;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command other than a triage, whose answer only the person who asked sees: deferred (ephemeral)
 * at once; once Discord took that, the core answers it on the work executor and the answer is sent
 * as the follow-up. {@code subscribe} gets Discord's own checks around it ({@link SubscriptionCommands}).
 * {@code stats} is the one exception: with {@code public:true} it is deferred and answered for the
 * channel to see; its chart goes with its last message as an attachment.
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
    boolean ephemeral = !(command instanceof Command.Stats stats && stats.inPublic());
    event.deferReply(ephemeral).queue(
        hook -> work.run(hook, "answer /" + SlashCommand.NAME + " " + name, () -> {
          Answer answer = answer(event, command);
          Reply reply = answer instanceof Answer.Stats stats ? stats.table() : ((Answer.Say) answer).reply();
          List<MessageCreateData> all = messages.render(reply);
          for (int i = 0; i < all.size(); i++) {
            var message = hook.sendMessage(all.get(i)).setEphemeral(ephemeral);
            if (i == all.size() - 1 && answer instanceof Answer.Stats stats && stats.chart().isPresent()) {
              message = message.addFiles(FileUpload.fromData(stats.chart().get().png(), stats.chart().get().fileName()));
            }
            message.complete();
          }
        }),
        e -> LOG.warn("could not acknowledge /{} {}: {}", SlashCommand.NAME, name, e.toString()));
  }

  private Answer answer(SlashCommandInteractionEvent event, Command command) {
    if (command instanceof Command.Subscribe && !Interactions.holdsThreads(event.getChannel().getType())) {
      return new Answer.Say(SubscriptionCommands.NEEDS_THREADS);
    }
    // only a triage is answered with a triage to start, and triages go to TriageCommand
    Answer answer = commands.answer(command, Interactions.invocation(event));
    return command instanceof Command.Subscribe subscribe
        ? new Answer.Say(SubscriptionCommands.withPermissionWarning(event, subscribe, ((Answer.Say) answer).reply()))
        : answer;
  }
}
