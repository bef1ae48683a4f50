package dev.claude500.discord;

import dev.claude500.commands.Command;
import dev.claude500.commands.CommandParser;
import dev.claude500.commands.Filters;
import dev.claude500.commands.Subcommand;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * The {@code /claude500} command as Discord is told about it, a subcommand for each of the core's
 * {@link Subcommand}s with its options, and how a use of one reads back into the core's
 * {@link Command}. Both are exhaustive over {@link Subcommand}: a new one does not compile here
 * until Discord offers it.
 */
final class SlashCommand {
  /** The command's name. */
  static final String NAME = "claude500";
  /** Option of {@code triage} and {@code playbook}: the pasted error line. */
  static final String ERROR = "error";
  /** Option of {@code subscribe}: component names. */
  static final String COMPONENTS = "components";
  /** Options of {@code subscribe} for its filters, named as the core's {@code key=value} words. */
  static final List<String> FILTERS = Filters.KEYS;
  /** Option of {@code subscribe}: a role to call out, given to the core as {@code mention=<@&id>}. */
  static final String ROLE = "role";
  /** Option of {@code autodetect}: on or off. */
  static final String SETTING = "setting";
  /** Option of {@code playbook}: the playbook's id. */
  static final String ID = "id";
  /** Option of {@code stats}: the window. */
  static final String WINDOW = "window";
  /** Option of {@code stats}: shown to the channel. */
  static final String PUBLIC = "public";
  /** Characters of a playbook id option. */
  private static final int MAX_ID = 100;

  private SlashCommand() {}

  /** Returns the command's definition: usable in servers only, by anyone who can use commands there. */
  static SlashCommandData data() {
    return Commands.slash(NAME, "Claude Code API Error 500: triage it, see the status page, get incident posts")
        .setContexts(InteractionContextType.GUILD)
        .setIntegrationTypes(IntegrationType.GUILD_INSTALL)
        .addSubcommands(Arrays.stream(Subcommand.values()).map(SlashCommand::subcommand).toList());
  }

  private static SubcommandData subcommand(Subcommand s) {
    return switch (s) {
      case TRIAGE -> new SubcommandData(s.word(), "Walk through a Claude Code 500 in a thread, one question at a time")
          .addOptions(error());
      case STATUS -> new SubcommandData(s.word(), "The Claude status page now (only you see it)");
      case SUBSCRIBE -> new SubcommandData(s.word(),
          "Post status-page incidents in this channel, each with its updates in a thread")
          .addOptions(new OptionData(OptionType.STRING, COMPONENTS, "Only incidents touching these components (default: all)")
              .setAutoComplete(true)
              .setMaxLength(200))
          .addOptions(filterOptions());
      case UNSUBSCRIBE -> new SubcommandData(s.word(), "Stop incident posts in this channel");
      case SUBSCRIPTIONS -> new SubcommandData(s.word(), "Show this channel's incident subscription");
      case AUTODETECT -> new SubcommandData(s.word(), "Offers of a triage under pasted errors (Slack only)")
          .addOptions(new OptionData(OptionType.STRING, SETTING, "on or off")
              .addChoice("on", "on").addChoice("off", "off"));
      case PLAYBOOKS -> new SubcommandData(s.word(), "List the playbooks a triage can walk (only you see it)");
      case PLAYBOOK -> new SubcommandData(s.word(), "Walk another playbook in a thread (see /claude500 playbooks)")
          .addOptions(new OptionData(OptionType.STRING, ID, "The playbook's id, as /claude500 playbooks lists it", true)
              .setMaxLength(MAX_ID), error());
      case STATS -> new SubcommandData(s.word(), "This server's triages and the page's incidents, with a chart")
          .addOptions(new OptionData(OptionType.STRING, WINDOW, "How far back (default 30d)")
                  .addChoice("7d", "7d").addChoice("30d", "30d").addChoice("90d", "90d"),
              new OptionData(OptionType.BOOLEAN, PUBLIC, "Show it to the channel (default: only you)"));
      case HELP -> new SubcommandData(s.word(), "What claude500 does and how to use it");
    };
  }

  /** The filters as options: each becomes the {@code key=value} word the core parser reads. */
  private static List<OptionData> filterOptions() {
    return List.of(
        new OptionData(OptionType.STRING, "min", "Lowest impact posted (default: every incident)")
            .addChoice("minor", "minor").addChoice("major", "major").addChoice("critical", "critical"),
        new OptionData(OptionType.STRING, "maintenance", "Post scheduled maintenance (default: on)")
            .addChoice("on", "on").addChoice("off", "off"),
        new OptionData(OptionType.STRING, "mention", "Who a major or critical incident's first post calls out "
            + "(default: none)").addChoice("none", "none").addChoice("here", "here").addChoice("everyone", "everyone"),
        new OptionData(OptionType.ROLE, ROLE, "A role the first post of a major or critical incident calls out "
            + "(instead of mention)"),
        new OptionData(OptionType.STRING, "quiet", "Quiet hours, e.g. 22:00-07:00 (critical still posted), all, or off")
            .setMaxLength(20),
        new OptionData(OptionType.STRING, "tz", "Time zone of the quiet hours, e.g. Europe/Paris (default: UTC)")
            .setMaxLength(64));
  }

  /** Returns what {@code subscribe} was given as the core's words: the components, then {@code key=value} per filter. */
  private static String subscribeWords(SlashCommandInteractionEvent event) {
    StringBuilder words = new StringBuilder(option(event, COMPONENTS));
    for (String key : FILTERS) {
      String value = option(event, key).strip();
      if (!value.isEmpty()) {
        words.append(' ').append(key).append('=').append(value.replaceAll("\\s+", ""));
      }
    }
    String role = option(event, ROLE).strip(); // a role option reads as the role's id
    if (!role.isEmpty()) {
      words.append(" mention=<@&").append(role.replaceAll("\\s+", "")).append('>');
    }
    return words.toString();
  }

  private static OptionData error() {
    return new OptionData(OptionType.STRING, ERROR, "The exact error line, if you have it (secrets are redacted)")
        .setMaxLength(Limits.TEXT_INPUT);
  }

  /** Returns the core's command for a use of {@code /claude500}; empty for a subcommand it does not know. */
  static Optional<Command> command(SlashCommandInteractionEvent event) {
    return Subcommand.named(event.getSubcommandName()).map(s -> command(s, event));
  }

  private static Command command(Subcommand s, SlashCommandInteractionEvent event) {
    return switch (s) {
      case TRIAGE -> new Command.Triage(option(event, ERROR), Optional.empty());
      case SUBSCRIBE -> CommandParser.of(s, subscribeWords(event));
      case AUTODETECT -> CommandParser.of(s, option(event, SETTING));
      case PLAYBOOK -> option(event, ID).isBlank() ? new Command.Playbooks()
          : new Command.Triage(option(event, ERROR), Optional.of(option(event, ID).strip()));
      case STATS -> CommandParser.of(s, option(event, WINDOW) + (event.getOption(PUBLIC) != null
          && event.getOption(PUBLIC).getAsBoolean() ? " " + dev.claude500.commands.Commands.PUBLIC : ""));
      case STATUS, UNSUBSCRIBE, SUBSCRIPTIONS, PLAYBOOKS, HELP -> CommandParser.of(s, "");
    };
  }

  private static String option(SlashCommandInteractionEvent event, String name) {
    return Optional.ofNullable(event.getOption(name)).map(OptionMapping::getAsString).orElse("");
  }
}
