package dev.claude500.discord;

import dev.claude500.bot.Command;
import dev.claude500.bot.CommandParser;
import dev.claude500.bot.Commands;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.Reply;
import dev.claude500.chat.Text;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;

/**
 * {@code subscribe}, {@code unsubscribe} and {@code subscriptions} for the channel the command is
 * used in. Incident posts need a thread each, so a channel that cannot hold threads is refused;
 * a subscription made where the bot lacks a permission it will need says so at once. Runs on the
 * work executor.
 */
final class SubscriptionCommands {
  private final Commands commands;

  SubscriptionCommands(Commands commands) {
    this.commands = Objects.requireNonNull(commands, "commands");
  }

  /** Subscribes the channel. */
  Reply subscribe(SlashCommandInteractionEvent event) {
    MessageChannelUnion channel = event.getChannel();
    if (!Interactions.holdsThreads(channel.getType())) {
      return Reply.Message.of("Incident posts each get a thread, so subscribe a text or announcement channel, "
          + "not a thread or a voice channel: use `/claude500 subscribe` there.");
    }
    String names = Optional.ofNullable(event.getOption(SlashCommand.COMPONENTS)).map(OptionMapping::getAsString).orElse("");
    Command parsed = CommandParser.parse("subscribe " + names);
    Reply reply = commands.subscribe(ref(event), Interactions.actor(event), (Command.Subscribe) parsed);
    Set<Permission> missing = missing(event.getGuild(), channel);
    if (missing.isEmpty() || !(reply instanceof Reply.Message m)) {
      return reply;
    }
    return new Reply.Message(m.text().append(Text.builder().newline()
        .strong("Heads-up: ")
        .plain("I am missing " + missing.stream().map(Permission::getName).sorted().collect(Collectors.joining(", "))
            + " in this channel, so incident posts will fail here until a server admin grants "
            + (missing.size() == 1 ? "it" : "them") + ".")
        .build()));
  }

  /** Removes the channel's subscription. */
  Reply unsubscribe(SlashCommandInteractionEvent event) {
    return commands.unsubscribe(ref(event));
  }

  /** Describes the channel's subscription. */
  Reply subscriptions(SlashCommandInteractionEvent event) {
    return commands.subscriptions(ref(event));
  }

  private static ChannelRef ref(SlashCommandInteractionEvent event) {
    return new ChannelRef(DiscordAdapter.PLATFORM, event.getChannel().getId());
  }

  private static Set<Permission> missing(Guild guild, MessageChannelUnion channel) {
    if (guild == null) {
      return Set.of();
    }
    EnumSet<Permission> granted = guild.getSelfMember().getPermissions(channel.asGuildMessageChannel());
    EnumSet<Permission> missing = EnumSet.copyOf(InviteUrl.PERMISSIONS);
    missing.removeAll(granted);
    return missing;
  }
}
