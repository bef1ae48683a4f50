package dev.claude500.discord;

import java.util.EnumSet;
import java.util.Set;
import net.dv8tion.jda.api.Permission;

/**
 * The link that adds the bot to a server: scopes {@code bot} and {@code applications.commands}, and
 * the permissions it uses, nothing more: see channels, send messages and embeds, start public
 * threads from its messages and post in them, read message history (to find a thread's message
 * again after a restart), and mention everyone (which Discord needs for a channel's {@code
 * mention=here}, {@code everyone} or a role that is not mentionable to ping anyone).
 */
public final class InviteUrl {
  /** The permissions incident posts and triages cannot go without. */
  static final Set<Permission> FOR_POSTS = Set.copyOf(EnumSet.of(
      Permission.VIEW_CHANNEL,
      Permission.MESSAGE_SEND,
      Permission.MESSAGE_SEND_IN_THREADS,
      Permission.CREATE_PUBLIC_THREADS,
      Permission.MESSAGE_EMBED_LINKS,
      Permission.MESSAGE_HISTORY));

  /** The permissions the bot asks for: those for posts, and Mention Everyone for the filters' mentions. */
  public static final Set<Permission> PERMISSIONS = Set.copyOf(EnumSet.of(Permission.MESSAGE_MENTION_EVERYONE,
      FOR_POSTS.toArray(Permission[]::new)));

  /** The permissions for posts in words, as Discord's settings name them. */
  static final String PERMISSION_NAMES =
      "View Channel, Send Messages, Send Messages in Threads, Create Public Threads, Embed Links and Read Message History";

  private InviteUrl() {}

  /** Returns the permission bits the bot asks for. */
  public static long permissionBits() {
    return Permission.getRaw(PERMISSIONS);
  }

  /** Returns the invite link for the application with this id. */
  public static String of(String applicationId) {
    if (applicationId == null || !applicationId.matches("\\d{1,20}")) {
      throw new IllegalArgumentException("applicationId must be a Discord snowflake, got '" + applicationId + "'");
    }
    return "https://discord.com/oauth2/authorize?client_id=" + applicationId
        + "&scope=bot+applications.commands&permissions=" + permissionBits();
  }
}
