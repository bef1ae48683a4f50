package dev.claude500.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claude500.adapters.AdapterServices;
import dev.claude500.commands.Commands;
import dev.claude500.commands.SubscriptionService;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.outbox.Outbox;
import dev.claude500.outbox.OutboxThreads;
import dev.claude500.outbox.Scheduler;
import dev.claude500.playbook.Playbook;
import dev.claude500.playbook.PlaybookLoader;
import dev.claude500.status.CachingStatusSource;
import dev.claude500.status.StatuspageClient;
import dev.claude500.store.JdbcStore;
import dev.claude500.store.Store;
import dev.claude500.testing.FakeDiscord;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.JdbcStores;
import dev.claude500.testing.InMemoryOutboxStore;
import dev.claude500.testing.SlowStore;
import dev.claude500.testing.StatusFixtures;
import dev.claude500.testing.StatusSources;
import dev.claude500.testing.TriageEngines;
import dev.claude500.testing.WhoIsHit;
import dev.claude500.triage.TriageEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import dev.claude500.testing.TeamStatsRigs;

/**
 * The real adapter, connected through JDA to a {@link FakeDiscord} on loopback, with a real
 * engine on a store (an in-memory H2 database unless given one) and a real status cache reading a {@link FakeStatusPage} (green).
 */
final class LoopbackDiscord implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(30);

  final FakeDiscord discord = FakeDiscord.start();
  final FakeStatusPage page = FakeStatusPage.start();
  final CachingStatusSource status;
  final Store store;
  final AdapterServices services;
  /** The threads the outbox makes its later tries on. */
  final OutboxThreads outboxThreads = OutboxThreads.start(2);
  /** The outbox's own clock and scheduler, when a test drives them. */
  private final Optional<Map.Entry<Clock, Scheduler>> outboxTime;
  /** Where triage replies go out. */
  final Outbox outbox;
  /** The "I'm hit too" core of the latest {@link #services}; the adapter's port is added once it exists. */
  WhoIsHit hits;
  final DiscordAdapter adapter;
  private final List<String> guildIds;

  LoopbackDiscord() throws InterruptedException {
    this(List.of(FakeDiscord.GUILD_ID));
  }

  /** Connects an adapter that registers {@code /claude500} in these servers, or globally when there are none. */
  LoopbackDiscord(List<String> guildIds) throws InterruptedException {
    this(guildIds, Duration.ZERO);
  }

  /**
   * Connects an adapter that registers {@code /claude500} in these servers (globally when there are
   * none), whose engine and commands wait {@code storeDelay} on each store call ({@link #store} itself
   * answers at once).
   */
  LoopbackDiscord(List<String> guildIds, Duration storeDelay) throws InterruptedException {
    this(guildIds, storeDelay, Optional.empty(), newStore());
  }

  /** Connects the adapter holding {@code shards} (all of the bot, when empty). */
  LoopbackDiscord(Optional<DiscordShards> shards) throws InterruptedException {
    this(List.of(FakeDiscord.GUILD_ID), Duration.ZERO, shards, newStore());
  }

  /** The adapter on {@code store}, which it closes when it is closed. */
  LoopbackDiscord(Store store) throws InterruptedException {
    this(List.of(FakeDiscord.GUILD_ID), Duration.ZERO, Optional.empty(), store);
  }

  /**
   * Connects the adapter whose outbox (where triage replies wait when Discord does not take them)
   * reads {@code outboxClock} and waits through {@code outboxScheduler}, which the test drives.
   */
  LoopbackDiscord(Clock outboxClock, Scheduler outboxScheduler) throws InterruptedException {
    this(List.of(FakeDiscord.GUILD_ID), Duration.ZERO, Optional.empty(), newStore(), Optional.empty(),
        Optional.of(Map.entry(outboxClock, outboxScheduler)));
  }

  private LoopbackDiscord(List<String> guildIds, Duration storeDelay, Optional<DiscordShards> shards, Store store)
      throws InterruptedException {
    this(guildIds, storeDelay, shards, store, Optional.empty(), Optional.empty());
  }

  /**
   * A bot just started: the page has not been read before the first interaction, and it answers
   * each read only after {@code pageDelay}.
   */
  static LoopbackDiscord coldStart(Duration pageDelay) throws InterruptedException {
    return new LoopbackDiscord(List.of(FakeDiscord.GUILD_ID), Duration.ZERO, Optional.empty(), newStore(),
        Optional.of(pageDelay), Optional.empty());
  }

  private LoopbackDiscord(List<String> guildIds, Duration storeDelay, Optional<DiscordShards> shards, Store store,
      Optional<Duration> coldPageDelay, Optional<Map.Entry<Clock, Scheduler>> outboxTime) throws InterruptedException {
    this.guildIds = List.copyOf(guildIds);
    this.outboxTime = outboxTime;
    this.store = store;
    page.serveSummary(FakeStatusPage.Response.json(StatusFixtures.greenSummaryJson())
        .withDelay(coldPageDelay.orElse(Duration.ZERO)));
    status = StatusSources.cache(
        StatusSources.client(List.of(page.baseUrl()), Duration.ofSeconds(2), Duration.ofSeconds(2)));
    if (coldPageDelay.isEmpty()) {
      status.current(); // the page is known before the first interaction, as it is in a running bot
    }
    services = services(storeDelay.isZero() ? store : SlowStore.wrap(store, storeDelay));
    outbox = services.outbox();
    adapter = connect(shards, services);
    hits.add(adapter.chatPort());
  }

  /** Returns a new store, empty. */
  static Store newStore() {
    return JdbcStores.open("jdbc:h2:mem:discord-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null);
  }

  /** Returns the bot's services on {@code on}, reading the loopback status page. */
  AdapterServices services(Store on) {
    Clock clock = Clock.systemUTC();
    Playbook playbook = PlaybookLoader.builtIn();
    TriageEngine engine = TriageEngines.of(Map.of(playbook.id(), playbook), playbook.id(), on.conversations(),
        status, clock, Duration.ofMinutes(30));
    Commands commands = new Commands(engine, status, new SubscriptionService(on.subscriptions(), on.autodetect(), status, clock), clock, TeamStatsRigs.of(on, clock));
    Outbox outbox = new Outbox(on instanceof JdbcStore jdbc ? jdbc.outbox() : new InMemoryOutboxStore(), on.ledger(),
        outboxTime.map(Map.Entry::getKey).orElse(clock),
        outboxTime.map(Map.Entry::getValue).orElseGet(outboxThreads::scheduler));
    Clock editClock = outboxTime.map(Map.Entry::getKey).orElse(clock);
    hits = new WhoIsHit(on, status, outbox, editClock,
        outboxTime.map(Map.Entry::getValue).orElseGet(outboxThreads::scheduler), BotMetrics.none());
    return new AdapterServices(engine, commands, status, on, clock, BotMetrics.none(), outbox, hits.button());
  }

  /** Returns a second adapter on the same Discord and store, as after a restart; started. */
  DiscordAdapter restarted() throws InterruptedException {
    return connect(Optional.empty(), services);
  }

  /** Returns another adapter on the same Discord (another replica of the bot) holding {@code shards}; started. */
  DiscordAdapter connect(Optional<DiscordShards> shards, AdapterServices with) throws InterruptedException {
    DiscordAdapter other = new DiscordAdapter(new DiscordSettings("fake-bot-token", Optional.of(discord.apiUrl()),
        Optional.of(discord.gatewayUrl()), guildIds, WAIT, shards), with);
    other.start();
    return other;
  }

  /** Waits for a message in a channel or thread that has a button with this label; returns it. */
  ObjectNode awaitButton(String channelId, String label) throws InterruptedException {
    return awaitMessage(channelId, m -> buttonId(m, label).isPresent(), "a button labelled '" + label + "'");
  }

  /** Waits for a message in a channel or thread matching {@code test}; returns the newest such. */
  ObjectNode awaitMessage(String channelId, Predicate<ObjectNode> test, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      List<ObjectNode> found = discord.messagesIn(channelId).stream().filter(test).toList();
      if (!found.isEmpty()) {
        return found.get(found.size() - 1);
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no message with " + what + " in " + channelId + "; messages there: "
        + discord.messagesIn(channelId) + "\ncalls:" + discord.describe());
  }

  /** Returns the custom id of the button with this label, if the message has one. */
  static Optional<String> buttonId(JsonNode message, String label) {
    for (JsonNode row : message.path("components")) {
      for (JsonNode c : row.path("components")) {
        if (label.equals(c.path("label").asText())) {
          return Optional.of(c.path("custom_id").asText());
        }
      }
    }
    return Optional.empty();
  }

  /** Returns every button of a message. */
  static List<JsonNode> buttons(JsonNode message) {
    java.util.ArrayList<JsonNode> out = new java.util.ArrayList<>();
    message.path("components").forEach(row -> row.path("components").forEach(out::add));
    return out;
  }

  @Override
  public void close() {
    adapter.close();
    outboxThreads.close();
    discord.close();
    page.close();
    store.close();
  }
}
