package dev.claude500.discord;

import dev.claude500.chat.Reply;
import dev.claude500.chat.Text;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;

/**
 * Discord's own checks around {@code subscribe}: incident posts need a thread each, so a channel
 * that cannot hold threads is refused; a subscription made where the bot lacks a permission it will
 * need says so at once. Stateless.
 */
final class SubscriptionCommands {
  /** The answer to {@code subscribe} in a channel that cannot hold threads. */
  static final Reply NEEDS_THREADS = Reply.Message.of("Incident posts each get a thread, so subscribe a text or "
      + "announcement channel, not a thread or a voice channel: use `/claude500 subscribe` there.");

  private SubscriptionCommands() {}

  /** Returns the core's answer to {@code subscribe}, with a heads-up when the bot lacks a permission here. */
  static Reply withPermissionWarning(SlashCommandInteractionEvent event, Reply reply) {
    Set<Permission> missing = missing(event.getGuild(), event.getChannel());
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
