package dev.claude500.discord;

import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** The {@code /claude500} command as Discord is told about it: its name, subcommands and options. */
final class SlashCommand {
  /** The command's name. */
  static final String NAME = "claude500";
  /** Subcommand: start a triage. */
  static final String TRIAGE = "triage";
  /** Subcommand: the status page now. */
  static final String STATUS = "status";
  /** Subcommand: incident posts in this channel. */
  static final String SUBSCRIBE = "subscribe";
  /** Subcommand: no more incident posts. */
  static final String UNSUBSCRIBE = "unsubscribe";
  /** Subcommand: this channel's subscription. */
  static final String SUBSCRIPTIONS = "subscriptions";
  /** Subcommand: usage. */
  static final String HELP = "help";
  /** Option of {@code triage}: the pasted error line. */
  static final String ERROR = "error";
  /** Option of {@code subscribe}: component names. */
  static final String COMPONENTS = "components";

  private SlashCommand() {}

  /** Returns the command's definition: usable in servers only, by anyone who can use commands there. */
  static SlashCommandData data() {
    return Commands.slash(NAME, "Claude Code API Error 500: triage it, see the status page, get incident posts")
        .setContexts(InteractionContextType.GUILD)
        .setIntegrationTypes(IntegrationType.GUILD_INSTALL)
        .addSubcommands(
            new SubcommandData(TRIAGE, "Walk through a Claude Code 500 in a thread, one question at a time")
                .addOptions(new OptionData(OptionType.STRING, ERROR, "The exact error line, if you have it (secrets are redacted)")
                    .setMaxLength(Limits.TEXT_INPUT)),
            new SubcommandData(STATUS, "The Claude status page now (only you see it)"),
            new SubcommandData(SUBSCRIBE, "Post status-page incidents in this channel, each with its updates in a thread")
                .addOptions(new OptionData(OptionType.STRING, COMPONENTS, "Only incidents touching these components (default: all)")
                    .setAutoComplete(true)
                    .setMaxLength(200)),
            new SubcommandData(UNSUBSCRIBE, "Stop incident posts in this channel"),
            new SubcommandData(SUBSCRIPTIONS, "Show this channel's incident subscription"),
            new SubcommandData(HELP, "What claude500 does and how to use it"));
  }
}
