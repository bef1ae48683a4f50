package dev.claude500.commands;

import dev.claude500.chat.ChannelMention;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a surface (a chat platform, the console) can do, which the words the bot uses there follow:
 * help speaks of buttons only where there are buttons, of threads only where there are threads.
 *
 * @param abilities what it can do
 */
public record Surface(Set<Ability> abilities) {
  /** Something a surface can do. */
  public enum Ability {
    /** A triage runs in a thread of its own, under a message in the channel. */
    THREADS,
    /** Questions carry buttons for their answers. */
    BUTTONS,
    /** A command's answer can be shown to the person who typed it only. */
    PRIVATE_ANSWERS,
    /** Subcommands take named options ({@code error:<line>}) rather than the words after them. */
    NAMED_OPTIONS,
    /** Free text is given in a form opened by a button ("Answer in words…", "Paste…"). */
    FORMS,
    /**
     * The bot reads the channel's new messages, so it can offer a triage under a pasted error
     * ({@code autodetect}).
     */
    READS_MESSAGES,
    /** A message's menu has "Triage with claude500", which triages that message in its thread. */
    MESSAGE_MENU,
    /** Posts can call out {@code @here} and {@code @channel} (Slack). */
    CHANNEL_MENTIONS,
    /** Posts can call out {@code @here}, {@code @everyone} and a role (Discord). */
    ROLE_MENTIONS
  }

  /** Copies. */
  public Surface {
    abilities = Set.copyOf(abilities);
  }

  /** Returns a surface with these abilities; none is plain text in and out, as a console. */
  public static Surface of(Ability... abilities) {
    return new Surface(Set.of(abilities));
  }

  /**
   * Returns who an incident post can call out here ({@code mention=}): nobody anywhere; {@code here}
   * and {@code channel} on Slack; {@code here}, {@code everyone} and a role on Discord.
   */
  public Set<ChannelMention.Kind> mentions() {
    EnumSet<ChannelMention.Kind> kinds = EnumSet.of(ChannelMention.Kind.NONE);
    if (can(Ability.CHANNEL_MENTIONS)) {
      kinds.addAll(EnumSet.of(ChannelMention.Kind.HERE, ChannelMention.Kind.CHANNEL));
    }
    if (can(Ability.ROLE_MENTIONS)) {
      kinds.addAll(EnumSet.of(ChannelMention.Kind.HERE, ChannelMention.Kind.EVERYONE, ChannelMention.Kind.ROLE));
    }
    return kinds;
  }

  /** Returns true when the surface can do {@code ability}. */
  public boolean can(Ability ability) {
    return abilities.contains(ability);
  }
}
