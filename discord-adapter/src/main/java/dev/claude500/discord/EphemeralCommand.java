package dev.claude500.discord;

import dev.claude500.chat.Reply;
import java.util.Objects;
import java.util.function.Function;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A subcommand whose answer only the person who asked sees: deferred (ephemeral) at once; once
 * Discord took that, the answer is computed on the work executor and sent as the follow-up.
 */
final class EphemeralCommand implements SubcommandHandler {
  private static final Logger LOG = LoggerFactory.getLogger(EphemeralCommand.class);

  private final String name;
  private final Work work;
  private final DiscordMessages messages;
  private final Function<SlashCommandInteractionEvent, Reply> answer;

  EphemeralCommand(String name, Work work, DiscordMessages messages, Function<SlashCommandInteractionEvent, Reply> answer) {
    this.name = Objects.requireNonNull(name, "name");
    this.work = Objects.requireNonNull(work, "work");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.answer = Objects.requireNonNull(answer, "answer");
  }

  @Override
  public void handle(SlashCommandInteractionEvent event) {
    // The work starts once Discord took the acknowledgement: a replica that lost the race does nothing.
    event.deferReply(true).queue(
        hook -> work.run(hook, "answer /" + SlashCommand.NAME + " " + name, () -> {
          Reply reply = answer.apply(event);
          for (MessageCreateData data : messages.render(reply)) {
            hook.sendMessage(data).setEphemeral(true).complete();
          }
        }),
        e -> LOG.warn("could not acknowledge /{} {}: {}", SlashCommand.NAME, name, e.toString()));
  }
}
