package dev.claude500.discord;

import dev.claude500.chat.Actor;
import dev.claude500.chat.ConversationKey;
import dev.claude500.status.StatusLinks;
import dev.claude500.status.StatusSource;
import dev.claude500.status.StatusView;
import dev.claude500.status.StatusWords;
import dev.claude500.triage.Disposition;
import dev.claude500.triage.TriageEngine;
import dev.claude500.triage.TriageResult;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.attribute.IThreadContainer;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /claude500 triage [error]}. In a channel, the bot's reply ("… started a Claude Code 500
 * triage", coloured by what it already knows of the status page) is the acknowledgement; a thread
 * is started from that reply and the triage runs in it, keyed by (channel, thread). Inside a
 * thread, the triage runs in that thread, unless it already holds one.
 */
final class TriageCommand implements SubcommandHandler {
  private static final Logger LOG = LoggerFactory.getLogger(TriageCommand.class);

  private final TriageEngine engine;
  private final StatusSource status;
  private final Clock clock;
  private final Work work;
  private final ThreadPosts posts;

  TriageCommand(TriageEngine engine, StatusSource status, Clock clock, Work work, ThreadPosts posts) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.status = Objects.requireNonNull(status, "status");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.work = Objects.requireNonNull(work, "work");
    this.posts = Objects.requireNonNull(posts, "posts");
  }

  @Override
  public void handle(SlashCommandInteractionEvent event) {
    Actor actor = Interactions.actor(event);
    String pasted = Optional.ofNullable(event.getOption(SlashCommand.ERROR)).map(OptionMapping::getAsString).orElse("");
    MessageChannelUnion channel = event.getChannel();
    if (channel.getType().isThread()) {
      ThreadChannel thread = channel.asThreadChannel();
      event.deferReply().queue(
          hook -> work.run(hook, "start a triage in thread " + thread.getId(), () -> startIn(hook, thread, actor, pasted)),
          e -> LOG.warn("could not acknowledge a triage: {}", e.toString()));
      return;
    }
    if (!Interactions.holdsThreads(channel.getType())) {
      event.reply(DiscordMessages.single("A triage runs in a thread: use `/claude500 triage` in a text channel."))
          .setEphemeral(true).queue(null, e -> LOG.warn("could not answer a triage: {}", e.toString()));
      return;
    }
    IThreadContainer parent = channel.asThreadContainer();
    event.reply(started(actor)).queue(
        hook -> work.run(hook, "start a triage in channel " + parent.getId(), () -> startUnder(hook, parent, actor, pasted)),
        e -> LOG.warn("could not acknowledge a triage: {}", e.toString()));
  }

  /** Returns the bot's first reply: who started it, and the page as far as known right now. */
  MessageCreateData started(Actor actor) {
    StatusView view = StatusView.of(status.peek(), clock);
    String line = view.isUnknown()
        ? "I have not read the status page yet; the triage checks it first."
        : StatusWords.emoji(view.indicator()) + " Status page " + view.colour()
            + (view.incidents().isEmpty() ? "" : ", " + view.incidents().size() + " open incident"
                + (view.incidents().size() == 1 ? "" : "s"))
            + " (" + StatusWords.freshness(view) + ")";
    MessageEmbed embed = new EmbedBudget().description(DiscordMarkdown.escape(line) + "\n" + StatusLinks.PUBLIC_PAGE)
        .colour(Colours.of(view.indicator())).build();
    return DiscordMessages.base()
        .setContent(Interactions.mention(actor) + " started a Claude Code 500 triage. Follow it in the thread.")
        .setEmbeds(embed).build();
  }

  private void startUnder(InteractionHook hook, IThreadContainer parent, Actor actor, String pasted) {
    Message first = hook.hasCallbackResponse() && hook.getCallbackResponse().getMessage() != null
        ? hook.getCallbackResponse().getMessage()
        : hook.retrieveOriginal().complete();
    ThreadChannel thread = parent.createThreadChannel(threadName(actor), first.getId()).complete();
    ConversationKey key = new ConversationKey(DiscordAdapter.PLATFORM, parent.getId(), thread.getId());
    TriageResult result = engine.start(key, actor, pasted);
    posts.post(thread, result.replies());
  }

  private void startIn(InteractionHook hook, ThreadChannel thread, Actor actor, String pasted) {
    ConversationKey key = new ConversationKey(DiscordAdapter.PLATFORM, thread.getParentChannel().getId(), thread.getId());
    TriageResult result = engine.start(key, actor, pasted);
    if (result.disposition() != Disposition.APPLIED) {
      hook.sendMessage(DiscordMessages.single("This thread already has a triage. Start a new one from the channel with "
          + "`/claude500 triage`.")).complete();
      return;
    }
    hook.sendMessage(started(actor)).complete();
    posts.post(thread, result.replies());
  }

  static String threadName(Actor actor) {
    return Limits.cut("Claude Code 500 triage · " + actor.displayName(), Limits.THREAD_NAME);
  }
}
