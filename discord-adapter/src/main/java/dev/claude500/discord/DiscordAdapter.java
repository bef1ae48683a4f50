package dev.claude500.discord;

import dev.claude500.bot.BotServices;
import dev.claude500.chat.ChatPort;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * claude500 on Discord: a JDA gateway connection that answers {@code /claude500}, its buttons and
 * modals, and a {@link ChatPort} for posts the core starts.
 *
 * <p>It connects with the {@code GUILDS} intent only (which JDA always sends; no message content:
 * free text comes through modals) and JDA's caches off where the bot does not need them. Interactions are acknowledged on
 * JDA's event threads; everything slow (engine, store, status page, posting) runs on the adapter's
 * own bounded executor. {@link #start()} connects, waits for the gateway, registers the command
 * (in the configured servers, else globally) and logs the invite link.
 *
 * <p>Lifecycle methods are meant for one thread (the launcher's); {@link #chatPort()} and
 * {@link #isReady()} are thread-safe.
 */
public final class DiscordAdapter implements AutoCloseable {
  /** The platform name in {@code ChannelRef} and {@code ConversationKey}. */
  public static final String PLATFORM = "discord";

  private static final Logger LOG = LoggerFactory.getLogger(DiscordAdapter.class);
  private static final int WORKERS = 8;
  private static final int QUEUE = 512;

  private final DiscordConfig config;
  private final ExecutorService workPool;
  private final InteractionListener listener;
  private final DiscordChatPort chatPort;
  private final CountDownLatch ready = new CountDownLatch(1);
  private volatile JDA jda;
  private volatile String inviteUrl;

  /** Creates an adapter; nothing connects before {@link #start()}. */
  public DiscordAdapter(DiscordConfig config, BotServices services) {
    this.config = Objects.requireNonNull(config, "config");
    Objects.requireNonNull(services, "services");
    this.workPool = Work.boundedPool("discord-work", WORKERS, QUEUE);
    CustomIds ids = new CustomIds();
    DiscordMessages messages = new DiscordMessages(ids);
    this.listener = InteractionListener.create(services, new Work(workPool), messages, ids);
    PermissionProblems problems = new PermissionProblems(this::connection, services.store(), services.clock());
    this.chatPort = new DiscordChatPort(this::connection, messages, problems);
  }

  /**
   * Connects to Discord, waits for the gateway to be ready, and registers {@code /claude500}.
   *
   * @throws IllegalStateException when the gateway is not ready in time
   * @throws net.dv8tion.jda.api.exceptions.InvalidTokenException when Discord refuses the token
   */
  public void start() throws InterruptedException {
    if (jda != null) {
      throw new IllegalStateException("already started");
    }
    JDABuilder builder = JDABuilder.createLight(config.botToken(), EnumSet.noneOf(GatewayIntent.class))
        .setEnableShutdownHook(false)
        .setEventPool(Executors.newFixedThreadPool(2, Work.daemonThreads("discord-events")), true)
        .setCallbackPool(Executors.newFixedThreadPool(2, Work.daemonThreads("discord-callbacks")), true)
        .addEventListeners(listener, new ListenerAdapter() {
          @Override
          public void onReady(ReadyEvent event) {
            ready.countDown();
          }
        });
    config.apiUrl().ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(url)));
    config.gatewayUrl().ifPresent(url -> builder.setSessionController(new FixedGateway(url)).setCompression(Compression.NONE));
    JDA api = builder.build();
    this.jda = api;
    if (!ready.await(config.readyTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
      api.shutdownNow();
      this.jda = null;
      throw new IllegalStateException("the Discord gateway was not ready within " + config.readyTimeout().toSeconds() + " s");
    }
    registerCommands(api);
    inviteUrl = InviteUrl.of(api.getSelfUser().getApplicationId());
    LOG.info("Discord ready as {} in {} server(s). Invite the bot with {}", api.getSelfUser().getName(),
        api.getGuilds().size(), inviteUrl);
  }

  private void registerCommands(JDA api) {
    if (config.guildIds().isEmpty()) {
      api.updateCommands().addCommands(SlashCommand.data()).complete();
      LOG.info("/{} registered globally (Discord may take up to an hour to show it everywhere)", SlashCommand.NAME);
      return;
    }
    List<String> registered = new ArrayList<>();
    for (String id : config.guildIds()) {
      Guild guild = api.getGuildById(id);
      if (guild == null) {
        LOG.warn("DISCORD_GUILD_IDS names server {}, but the bot is not in it: invite it with {}", id,
            InviteUrl.of(api.getSelfUser().getApplicationId()));
        continue;
      }
      try {
        guild.updateCommands().addCommands(SlashCommand.data()).complete();
        registered.add(id);
      } catch (RuntimeException e) {
        LOG.warn("cannot register /{} in server {} ({}): was the bot invited with the applications.commands scope?",
            SlashCommand.NAME, id, e.toString());
      }
    }
    LOG.info("/{} registered in server(s) {}", SlashCommand.NAME, registered);
  }

  /** Returns the invite link, once started. */
  public Optional<String> inviteUrl() {
    return Optional.ofNullable(inviteUrl);
  }

  /** Returns how the core posts on Discord; it fails with a retryable error until connected. */
  public ChatPort chatPort() {
    return chatPort;
  }

  /** Returns true while the gateway connection is up. */
  public boolean isReady() {
    JDA api = jda;
    return api != null && api.getStatus() == JDA.Status.CONNECTED;
  }

  /**
   * Stops taking interactions, the first step of a graceful stop: the gateway stays connected and
   * the chat port keeps posting until {@link #close()}, but new interactions are left to Discord
   * (which tells the person it failed). Never throws.
   */
  public void stopTaking() {
    JDA api = jda;
    if (api != null) {
      api.removeEventListener(listener);
    }
  }

  /**
   * Stops taking interactions, lets work in progress finish (up to 5 s, so its replies are not cut
   * off), then disconnects; never throws.
   */
  @Override
  public void close() {
    JDA api = jda;
    stopTaking();
    workPool.shutdown();
    try {
      if (!workPool.awaitTermination(5, TimeUnit.SECONDS)) {
        workPool.shutdownNow();
      }
    } catch (InterruptedException e) {
      workPool.shutdownNow();
      Thread.currentThread().interrupt();
    }
    jda = null;
    if (api == null) {
      return;
    }
    try {
      api.shutdown();
      if (!api.awaitShutdown(5, TimeUnit.SECONDS)) {
        api.shutdownNow();
      }
    } catch (InterruptedException e) {
      api.shutdownNow();
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("closing the Discord connection failed: {}", e.toString());
    }
  }

  private Optional<JDA> connection() {
    return Optional.ofNullable(jda);
  }

  /** Returns the listener (for tests in this package). */
  InteractionListener listener() {
    return listener;
  }
}
