package dev.claude500.discord;

import dev.claude500.chat.ChannelMention;
import dev.claude500.chat.Reply;
import dev.claude500.chat.Text;
import dev.claude500.commands.Command;
import dev.claude500.commands.Filters;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;

/**
 * Discord's own checks around {@code subscribe}: incident posts need a thread each, so a channel
 * that cannot hold threads is refused; a subscription made where the bot lacks a permission it will
 * need says so at once, and so does one whose mention cannot ping anyone without Mention Everyone.
 * Stateless.
 */
final class SubscriptionCommands {
  /** The answer to {@code subscribe} in a channel that cannot hold threads. */
  static final Reply NEEDS_THREADS = Reply.Message.of("Incident posts each get a thread, so subscribe a text or "
      + "announcement channel, not a thread or a voice channel: use `/claude500 subscribe` there.");

  private SubscriptionCommands() {}

  /**
   * Returns the core's answer to {@code subscribe}, with a heads-up when the bot lacks a permission
   * here: one posts need, or Mention Everyone when the mention asked for needs it to ping anyone.
   */
  static Reply withPermissionWarning(SlashCommandInteractionEvent event, Command.Subscribe command, Reply reply) {
    Guild guild = event.getGuild();
    if (guild == null || !(reply instanceof Reply.Message m)) {
      return reply;
    }
    EnumSet<Permission> granted = guild.getSelfMember().getPermissions(event.getChannel().asGuildMessageChannel());
    Set<Permission> missing = EnumSet.copyOf(InviteUrl.FOR_POSTS);
    missing.removeAll(granted);
    Optional<ChannelMention> mention = mention(command);
    boolean silent = !granted.contains(Permission.MESSAGE_MENTION_EVERYONE)
        && mention.filter(x -> needsMentionEveryone(guild, x)).isPresent();
    if (missing.isEmpty() && !silent) {
      return reply;
    }
    Text.Builder text = Text.builder().text(m.text());
    if (!missing.isEmpty()) {
      text.newline().strong("Heads-up: ")
          .plain("I am missing " + missing.stream().map(Permission::getName).sorted().collect(Collectors.joining(", "))
              + " in this channel, so incident posts will fail here until a server admin grants "
              + (missing.size() == 1 ? "it" : "them") + ".");
    }
    if (silent) {
      text.newline().strong("Heads-up: ")
          .plain("I am missing Mention Everyone in this channel, so the first post of a major or critical incident "
              + "will show " + shown(mention.get()) + " without pinging anyone until a server admin grants it.");
    }
    return new Reply.Message(text.build());
  }

  /** Returns the mention the subscription's filters ask for; empty when the core refused them. */
  private static Optional<ChannelMention> mention(Command.Subscribe command) {
    return Filters.parse(command.filters(), DiscordAdapter.SURFACE) instanceof Filters.Parsed.Good good
        ? Optional.of(good.filters().mention()) : Optional.empty();
  }

  /**
   * Returns true when Discord pings a mention only for a bot with Mention Everyone: {@code @here},
   * {@code @everyone}, and a role the server made not mentionable (a role it does not know, it
   * cannot tell, and says nothing of).
   */
  private static boolean needsMentionEveryone(Guild guild, ChannelMention mention) {
    return switch (mention.kind()) {
      case HERE, EVERYONE -> true;
      case ROLE -> {
        Role role = guild.getRoleById(mention.roleId());
        yield role != null && !role.isMentionable();
      }
      default -> false;
    };
  }

  /** Returns the mention as it shows in a post: {@code @here}, {@code @everyone}, or the role. */
  private static String shown(ChannelMention mention) {
    return mention.kind() == ChannelMention.Kind.ROLE ? "<@&" + mention.roleId() + ">" : "@" + mention.word();
  }
}
