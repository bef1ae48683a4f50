package dev.claude500.discord;

import dev.claude500.chat.Actor;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ConversationKey;
import dev.claude500.commands.Invocation;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.Interaction;

/** Reads the core's terms out of Discord interactions: who acts, and which triage a thread holds. */
final class Interactions {
  private Interactions() {}

  /** Returns the person behind an interaction, named as the server shows them. */
  static Actor actor(Interaction interaction) {
    Member member = interaction.getMember();
    String name = member != null ? member.getEffectiveName() : interaction.getUser().getEffectiveName();
    return new Actor(interaction.getUser().getId(), name);
  }

  /** Returns where and by whom a command was used, for the core's answer. */
  static Invocation invocation(SlashCommandInteractionEvent event) {
    return new Invocation(DiscordAdapter.SURFACE,
        new ChannelRef(DiscordAdapter.PLATFORM, event.getChannel().getId()), actor(event));
  }

  /** Returns the triage key of a thread: its parent channel and its own id; empty for other channels. */
  static Optional<ConversationKey> threadKey(MessageChannelUnion channel) {
    if (channel == null || !channel.getType().isThread()) {
      return Optional.empty();
    }
    ThreadChannel thread = channel.asThreadChannel();
    return Optional.of(new ConversationKey(DiscordAdapter.PLATFORM, thread.getParentChannel().getId(), thread.getId()));
  }

  /** Returns true for channels a thread can be started in (text and announcement channels). */
  static boolean holdsThreads(ChannelType type) {
    return type == ChannelType.TEXT || type == ChannelType.NEWS;
  }

  /** Returns a mention of a user (shown as their name; the bot's messages never ping). */
  static String mention(Actor actor) {
    return "<@" + actor.id() + ">";
  }
}
