package dev.claude500.discord;

import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;

/**
 * Answers one {@code /claude500} subcommand. Called on JDA's event thread: it acknowledges the
 * interaction at once and hands anything slow to the work executor.
 */
interface SubcommandHandler {
  /** Acknowledges the interaction and starts its work. */
  void handle(SlashCommandInteractionEvent event);
}
