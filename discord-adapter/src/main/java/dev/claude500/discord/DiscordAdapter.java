package dev.claude500.discord;

import dev.claude500.adapters.AdapterServices;
import dev.claude500.adapters.DeferredWork;
import dev.claude500.chat.ChatPort;
import dev.claude500.commands.Surface;
import java.time.Duration;
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
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionController;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * claude500 on Discord: a JDA gateway connection that answers {@code /claude500}, its buttons and
 * modals, the message command "Triage with claude500", and a {@link ChatPort} for posts the core
 * starts.
 *
 * <p>It connects with the {@code GUILDS} intent only (which JDA always sends; no message content:
 * free text comes through modals, and a message command's interaction carries its message) and JDA's caches off where the bot does not need them. Interactions are acknowledged on
 * JDA's event threads; everything slow (engine, store, status page, posting) runs on the adapter's
 * own bounded executor. {@link #start()} connects, waits for the gateway, registers the commands
 * (in the configured servers, else globally) and logs the invite link.
 *
 * <p><b>Shards.</b> With {@link DiscordSettings#shards()} it connects one JDA per shard held (their
 * logins queued through one session controller, as Discord asks), and takes the interactions of
 * the servers on those shards. The chat port posts in any channel of any server, also one on a
 * shard another replica holds: what this process has no cache of, it reaches by the channel's id
 * ({@link ChannelsById}).
 *
 * <p>Lifecycle methods are meant for one thread (the launcher's); {@link #chatPort()} and
 * {@link #isReady()} are thread-safe.
 */
public final class DiscordAdapter implements AutoCloseable {
  /** The platform name in {@code ChannelRef} and {@code ConversationKey}. */
  public static final String PLATFORM = "discord";
  /**
   * What Discord can do: threads, buttons, private answers, named options, forms for free text, the
   * message command "Triage with claude500" (but no view of the channel's messages: no autodetect).
   */
  static final Surface SURFACE = Surface.of(Surface.Ability.THREADS, Surface.Ability.BUTTONS,
      Surface.Ability.PRIVATE_ANSWERS, Surface.Ability.NAMED_OPTIONS, Surface.Ability.FORMS,
      Surface.Ability.MESSAGE_MENU, Surface.Ability.ROLE_MENTIONS);

  private static final Logger LOG = LoggerFactory.getLogger(DiscordAdapter.class);
  private static final int WORKERS = 8;
  private static final int QUEUE = 512;
  private static final int UNSHARDED = -1;

  private final DiscordSettings settings;
  private final ExecutorService workPool;
  private final InteractionListener listener;
  private final DiscordChatPort chatPort;
  private volatile List<JDA> shards = List.of();
  private volatile String inviteUrl;

  /** Creates an adapter; nothing connects before {@link #start()}. */
  public DiscordAdapter(DiscordSettings settings, AdapterServices services) {
    this.settings = Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(services, "services");
    this.workPool = DeferredWork.boundedPool("discord-work", WORKERS, QUEUE);
    CustomIds ids = new CustomIds(CustomIds.MAX);
    DiscordMessages messages = new DiscordMessages(ids);
    PermissionProblems problems = new PermissionProblems(() -> connections().stream().findFirst(), services.store(),
        services.clock());
    this.chatPort = new DiscordChatPort(this::connections, messages, problems);
    this.listener = InteractionListener.create(services, chatPort, chatPort::knowGuild, new Worker(workPool), messages,
        ids);
    services.outbox().register(chatPort);
  }

  /**
   * Connects to Discord (each configured shard), waits for the gateway to be ready, and registers
   * {@code /claude500}.
   *
   * @throws IllegalStateException when the gateway is not ready in time
   * @throws net.dv8tion.jda.api.exceptions.InvalidTokenException when Discord refuses the token
   */
  public void start() throws InterruptedException {
    if (!shards.isEmpty()) {
      throw new IllegalStateException("already started");
    }
    List<Integer> ids = settings.shards().map(DiscordShards::ids).orElse(List.of(UNSHARDED));
    CountDownLatch ready = new CountDownLatch(ids.size());
    // One controller for every shard: it queues their logins the way Discord's session limits ask.
    SessionController sessions = settings.gatewayUrl().<SessionController>map(FixedGateway::new)
        .orElseGet(SessionControllerAdapter::new);
    List<JDA> started = new ArrayList<>();
    for (int id : ids) {
      started.add(builder(ready, sessions, id).build());
    }
    this.shards = List.copyOf(started);
    // the shards log in one after another, IDENTIFY_DELAY seconds apart
    Duration wait = settings.readyTimeout().plusSeconds((long) SessionController.IDENTIFY_DELAY * (ids.size() - 1));
    if (!ready.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
      started.forEach(JDA::shutdownNow);
      this.shards = List.of();
      throw new IllegalStateException("the Discord gateway was not ready within " + wait.toSeconds()
          + " s" + settings.shards().map(s -> " (shards " + s + ")").orElse(""));
    }
    JDA first = started.get(0);
    registerCommands(started);
    inviteUrl = InviteUrl.of(first.getSelfUser().getApplicationId());
    LOG.info("Discord ready as {} in {} server(s){}. Invite the bot with {}", first.getSelfUser().getName(),
        started.stream().mapToLong(api -> api.getGuildCache().size()).sum(),
        settings.shards().map(s -> " on shards " + s).orElse(""), inviteUrl);
  }

  private JDABuilder builder(CountDownLatch ready, SessionController sessions, int shard) {
    String name = shard == UNSHARDED ? "" : "-" + shard;
    JDABuilder builder = JDABuilder.createLight(settings.botToken(), EnumSet.noneOf(GatewayIntent.class))
        .setEnableShutdownHook(false)
        .setEventPool(Executors.newFixedThreadPool(2, DeferredWork.daemonThreads("discord-events" + name)), true)
        .setCallbackPool(Executors.newFixedThreadPool(2, DeferredWork.daemonThreads("discord-callbacks" + name)), true)
        .addEventListeners(listener, new ListenerAdapter() {
          @Override
          public void onReady(ReadyEvent event) {
            ready.countDown();
          }
        });
    settings.apiUrl().ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(url)));
    settings.gatewayUrl().ifPresent(url -> builder.setCompression(Compression.NONE));
    if (shard != UNSHARDED) {
      builder.useSharding(shard, settings.shards().orElseThrow().total()).setSessionController(sessions);
    } else if (settings.gatewayUrl().isPresent()) {
      builder.setSessionController(sessions);
    }
    return builder;
  }

  private void registerCommands(List<JDA> held) {
    JDA api = held.get(0);
    if (settings.guildIds().isEmpty()) {
      api.updateCommands().addCommands(commands()).complete();
      LOG.info("/{} and \"{}\" registered globally (Discord may take up to an hour to show them everywhere)",
          SlashCommand.NAME, MessageCommand.NAME);
      return;
    }
    List<String> registered = new ArrayList<>();
    for (String id : settings.guildIds()) {
      if (settings.shards().filter(s -> !s.holds(Long.parseLong(id))).isPresent()) {
        LOG.debug("server {} is on shard {}, not held here: the replica holding it registers /{} there", id,
            DiscordShards.shardOf(Long.parseLong(id), settings.shards().get().total()), SlashCommand.NAME);
        continue;
      }
      Guild guild = held.stream().map(shard -> shard.getGuildById(id)).filter(Objects::nonNull).findFirst().orElse(null);
      if (guild == null) {
        LOG.warn("DISCORD_GUILD_IDS names server {}, but the bot is not in it: invite it with {}", id,
            InviteUrl.of(api.getSelfUser().getApplicationId()));
        continue;
      }
      try {
        guild.updateCommands().addCommands(commands()).complete();
        registered.add(id);
      } catch (RuntimeException e) {
        LOG.warn("cannot register /{} in server {} ({}): was the bot invited with the applications.commands scope?",
            SlashCommand.NAME, id, e.toString());
      }
    }
    LOG.info("/{} and \"{}\" registered in server(s) {}", SlashCommand.NAME, MessageCommand.NAME, registered);
  }

  /** Returns every command the bot offers: {@code /claude500} and the message command "Triage with claude500". */
  static List<CommandData> commands() {
    return List.of(SlashCommand.data(), MessageCommand.data());
  }

  /** Returns the invite link, once started. */
  public Optional<String> inviteUrl() {
    return Optional.ofNullable(inviteUrl);
  }

  /** Returns how the core posts on Discord; it fails with a retryable error until connected. */
  public ChatPort chatPort() {
    return chatPort;
  }

  /** Returns true while the gateway connection of every shard held is up. */
  public boolean isReady() {
    List<JDA> held = shards;
    return !held.isEmpty() && held.stream().allMatch(api -> api.getStatus() == JDA.Status.CONNECTED);
  }

  /**
   * Stops taking interactions, the first step of a graceful stop: the gateway stays connected and
   * the chat port keeps posting until {@link #close()}, but new interactions are left to Discord
   * (which tells the person it failed). Never throws.
   */
  public void stopTaking() {
    shards.forEach(api -> api.removeEventListener(listener));
  }

  /**
   * Stops taking interactions, lets work in progress finish (up to 5 s, so its replies are not cut
   * off), then disconnects; never throws.
   */
  @Override
  public void close() {
    List<JDA> held = shards;
    stopTaking();
    DeferredWork.shutdown(workPool, Duration.ofSeconds(5));
    shards = List.of();
    held.forEach(DiscordAdapter::shutdown);
  }

  private static void shutdown(JDA api) {
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

  /** Returns the connections of the shards held (one when unsharded), empty until started. */
  private List<JDA> connections() {
    return shards;
  }

  /** Returns the listener (for tests in this package). */
  InteractionListener listener() {
    return listener;
  }
}
