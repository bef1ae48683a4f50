package dev.claude500.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A loopback Discord for tests: a gateway (websocket) and a REST API (HTTP) on {@code 127.0.0.1},
 * speaking enough of Discord for a bot to log in, become ready in one server, receive interactions
 * and answer them, post, edit, start threads and send direct messages. Every REST call is recorded
 * for assertions; messages, threads and interactions are kept so that later calls see them.
 *
 * <p>The gateway says HELLO (op 10), takes IDENTIFY (op 2), answers heartbeats (op 1 with op 11),
 * then dispatches READY and a GUILD_CREATE for each server on the session's shard. There are two
 * servers: {@link #GUILD_ID}, with these text channels: {@link #INCIDENTS} and {@link #TRIAGE} (the
 * bot may do everything it asks for), {@link #NO_SEND} (the bot may not send messages) and {@link
 * #NO_THREADS} (it may not start threads); and {@link #OTHER_GUILD_ID} with {@link
 * #OTHER_INCIDENTS}. A session that identifies without a {@code shard} holds both; one that
 * identifies with {@code [id, total]} holds the servers Discord puts on that shard ({@code
 * (guild_id >> 22) % total}): with two shards, {@link #GUILD_ID} is on shard 0 and {@link
 * #OTHER_GUILD_ID} on shard 1. Several sessions (shards) may be connected at once; each
 * interaction goes to the session holding its server. {@link #slash}, {@link #click}, {@link #submitModal},
 * {@link #autocomplete} and {@link #messageCommand} dispatch INTERACTION_CREATE events as a person's
 * actions would; {@link #postAs} puts a person's message in a channel (the gateway does not tell the
 * bot: it asks for no message intents).
 *
 * <p>{@code GET /channels/{id}} answers any channel or thread of either server, so a bot can reach
 * channels it has no cache of; that and posting answer 404 (code 10003, Unknown Channel) for any
 * other channel. Messages sent with {@code
 * enforce_nonce} are made once per nonce, as Discord does for a few
 * minutes: a repeat gets the message already made ({@link #forgetNonces()} is those minutes
 * passing). A channel's or thread's messages can be read back newest first ({@code GET
 * /channels/{id}/messages} with {@code limit} and {@code before}). {@link #failAfterTaking} makes
 * a post go through and its answer fail, as when Discord's front times out after the post was made.
 * A message sent as {@code multipart/form-data} (with files) is read from its {@code payload_json}
 * part; its files become the message's {@code attachments} (file name and size), their bytes kept
 * for {@link #attachment}.
 *
 * <p>Point a bot at it with {@link #apiUrl()} (DISCORD_API_URL) and {@link #gatewayUrl()}
 * (DISCORD_GATEWAY_URL), any token. Thread-safe.
 */
public final class FakeDiscord implements AutoCloseable {
  /** The application's id, which is also the bot user's id. */
  public static final String APP_ID = "900000000000000001";
  /** The main server (on shard 0 of 2). */
  public static final String GUILD_ID = "910000000000000001";
  /** A second server (on shard 1 of 2). */
  public static final String OTHER_GUILD_ID = "911000000000000001";
  /** The text channel of the second server, where the bot may do everything it asks for. */
  public static final String OTHER_INCIDENTS = "921000000000000001";
  /** A text channel where the bot may do everything it asks for. */
  public static final String INCIDENTS = "920000000000000001";
  /** Another such text channel. */
  public static final String TRIAGE = "920000000000000002";
  /** A text channel where the bot may not send messages (a channel override). */
  public static final String NO_SEND = "920000000000000003";
  /** A text channel where the bot may not start threads (a channel override). */
  public static final String NO_THREADS = "920000000000000004";
  /** A text channel like {@link #INCIDENTS}, for tests that make Discord refuse or rate-limit there. */
  public static final String SPARE = "920000000000000005";
  /** The id of the registered {@code /claude500} command. */
  public static final String COMMAND_ID = "950000000000000001";
  /** The id of the registered message command "Triage with claude500" (any command not named claude500). */
  public static final String MESSAGE_COMMAND_ID = "950000000000000002";
  /** A person in the server. */
  public static final String ALICE = "930000000000000001";
  /** Another person in the server. */
  public static final String BOB = "930000000000000002";

  /** The permissions the server's @everyone role grants (view, send, threads, embeds, history, commands). */
  public static final long EVERYONE_PERMISSIONS =
      (1L << 10) | (1L << 11) | (1L << 14) | (1L << 16) | (1L << 31) | (1L << 35) | (1L << 38);
  private static final long SEND_MESSAGES = 1L << 11;
  private static final long CREATE_PUBLIC_THREADS = 1L << 35;
  private static final List<String> MAIN_CHANNELS = List.of(INCIDENTS, TRIAGE, NO_SEND, NO_THREADS, SPARE);
  private static final List<String> OTHER_CHANNELS = List.of(OTHER_INCIDENTS);
  private static final String API = "/api/v10";
  private static final String DM_PREFIX = "96";
  private static final long DISCORD_EPOCH = 1_420_070_400_000L;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer http;
  private final ExecutorService httpThreads;
  private final Gateway gateway;
  private final AtomicLong ids = new AtomicLong();
  private final AtomicInteger seq = new AtomicInteger();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, ObjectNode> messages = new ConcurrentHashMap<>();
  private final Map<String, byte[]> attachments = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> threads = new ConcurrentHashMap<>();
  private final Map<String, Interaction> interactions = new ConcurrentHashMap<>();
  /** Every interaction dispatched, by id, as it was sent (for {@link #replay}). */
  private final Map<String, ObjectNode> dispatched = new ConcurrentHashMap<>();
  private final Set<String> refusing = ConcurrentHashMap.newKeySet();
  private final Map<String, Integer> rateLimited = new ConcurrentHashMap<>();
  /** Per channel: the status the next posts fail with, and how many more fail. */
  private final Map<String, int[]> failingBeforeTake = new ConcurrentHashMap<>();
  private final Map<String, Duration> acknowledged = new ConcurrentHashMap<>();
  private final Map<String, String> nonces = new ConcurrentHashMap<>();
  private final Map<String, Integer> failingAfterTake = new ConcurrentHashMap<>();
  private final CountDownLatch identified = new CountDownLatch(1);
  private final Map<WebSocket, int[]> shards = new ConcurrentHashMap<>();
  private final List<String> identifiedShards = new CopyOnWriteArrayList<>();
  private volatile WebSocket session;
  private volatile Optional<String> identifyToken = Optional.empty();
  private volatile Optional<JsonNode> identifyPayload = Optional.empty();
  private final AtomicInteger heartbeats = new AtomicInteger();
  /** The heartbeat interval the gateway announces in its HELLO. */
  static final int HEARTBEAT_INTERVAL_MS = 2_000;

  /**
   * One REST call the bot made.
   *
   * @param method the HTTP method
   * @param path the path after {@code /api/v10}, e.g. {@code /channels/123/messages}
   * @param body the JSON body sent ({@code null} node when there was none)
   * @param status the status the fake answered
   */
  public record Call(String method, String path, JsonNode body, int status) {
    /** Returns true when this call is {@code method} on a path matching {@code regex}. */
    public boolean is(String m, String regex) {
      return method.equals(m) && path.matches(regex);
    }

    @Override
    public String toString() {
      return method + " " + path + " -> " + status + " " + body;
    }
  }

  private record Interaction(String id, String token, String channelId, Optional<String> messageId, long dispatchedAt) {}

  private FakeDiscord(HttpServer http, ExecutorService httpThreads, Gateway gateway) {
    this.http = http;
    this.httpThreads = httpThreads;
    this.gateway = gateway;
  }

  /** Starts both servers on free loopback ports. */
  public static FakeDiscord start() {
    AtomicInteger n = new AtomicInteger();
    ExecutorService threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-discord-rest-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      http.setExecutor(threads);
      Gateway gateway = new Gateway(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      FakeDiscord fake = new FakeDiscord(http, threads, gateway);
      gateway.fake = fake;
      http.createContext("/", fake::handle);
      http.start();
      gateway.setReuseAddr(true);
      gateway.setDaemon(true);
      gateway.start();
      if (!gateway.started.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the fake gateway did not start");
      }
      return fake;
    } catch (IOException e) {
      threads.shutdownNow();
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Returns the REST base, e.g. {@code http://127.0.0.1:4321/api/v10/}. */
  public String apiUrl() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + API + "/";
  }

  /** Returns the gateway's URL, e.g. {@code ws://127.0.0.1:4322/}. */
  public String gatewayUrl() {
    return "ws://127.0.0.1:" + gateway.getPort() + "/";
  }

  /** Waits until a bot identified on the gateway; returns the token it sent. */
  public String awaitIdentified(Duration timeout) throws InterruptedException {
    if (!identified.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("no IDENTIFY within " + timeout);
    }
    return identifyToken.orElseThrow();
  }

  /** Returns the {@code d} of the last IDENTIFY (op 2) the bot sent: its token, intents, properties. */
  public Optional<JsonNode> identifyPayload() {
    return identifyPayload;
  }

  /** Returns how many heartbeats (op 1) the bot sent; each was answered with op 11. */
  public int heartbeats() {
    return heartbeats.get();
  }

  /**
   * Returns the shards sessions identified with so far, oldest first, as {@code id/total} ({@code
   * 0/1} for a session without shard information).
   */
  public List<String> identifiedShards() {
    return List.copyOf(identifiedShards);
  }

  /** Returns the shard Discord puts a server on, of {@code total}. */
  public static int shardOf(String guildId, int total) {
    return (int) ((Long.parseLong(guildId) >> 22) % total);
  }

  /**
   * Makes posts in a channel (and its threads) fail as Discord fails them when the bot lost a
   * permission its cache does not know about yet: 403, code 50013.
   */
  public void refusePosts(String channelId) {
    refusing.add(channelId);
  }

  /** Answers the next post in a channel with 429 and a {@code Retry-After} of {@code seconds} (whole, as Discord sends it). */
  public void rateLimitOnce(String channelId, int seconds) {
    rateLimited.put(channelId, seconds);
  }

  /**
   * Answers the next {@code times} posts in a channel (or thread) with {@code status}, making none of
   * them, as a front that times out before Discord sees the request does (408).
   */
  public void failPosts(String channelId, int status, int times) {
    failingBeforeTake.put(channelId, new int[] {status, times});
  }

  /**
   * Makes the next post in a channel (or thread) go through and then be answered with {@code status}
   * (e.g. 500) instead of the message, as a timed-out front does.
   */
  public void failAfterTaking(String channelId, int status) {
    failingAfterTake.put(channelId, status);
  }

  /** Forgets the nonces seen so far, as Discord does after a few minutes: a repeat then makes a new message. */
  public void forgetNonces() {
    nonces.clear();
  }

  // ---- what people do -------------------------------------------------------------------------

  /**
   * Dispatches {@code /claude500 <subcommand> [option:value ...]} used by {@code userId} in a
   * channel or thread; returns the interaction's id.
   */
  public String slash(String channelId, String userId, String subcommand, Map<String, String> options) {
    return slash(channelId, userId, subcommand, options, Map.of());
  }

  /** Dispatches {@code /claude500 <subcommand>} like {@link #slash(String, String, String, Map)}, with boolean options too. */
  public String slash(String channelId, String userId, String subcommand, Map<String, String> options,
      Map<String, Boolean> flags) {
    ObjectNode sub = obj().put("name", subcommand).put("type", 1);
    ArrayNode opts = sub.putArray("options");
    options.forEach((k, v) -> opts.add(obj().put("name", k).put("type", 3).put("value", v)));
    flags.forEach((k, v) -> opts.add(obj().put("name", k).put("type", 5).put("value", v)));
    ObjectNode data = obj().put("id", COMMAND_ID).put("name", "claude500").put("type", 1)
        .put("guild_id", guildOf(channelId));
    data.putArray("options").add(sub);
    return dispatchInteraction(2, channelId, userId, data, Optional.empty());
  }

  /**
   * Puts a message of {@code userId} in a channel or thread, with {@code embeds} (e.g. a link preview)
   * and nothing else; returns its id.
   */
  public String postAs(String channelId, String userId, String content, ArrayNode embeds) {
    ObjectNode body = obj().put("content", content);
    body.set("embeds", embeds);
    ObjectNode made = create(channelId, body);
    ObjectNode kept = messages.get(made.get("id").asText());
    kept.set("author", user(userId));
    kept.set("member", member(userId).without("user"));
    return made.get("id").asText();
  }

  /** Puts a text message of {@code userId} in a channel or thread; returns its id. */
  public String postAs(String channelId, String userId, String content) {
    return postAs(channelId, userId, content, JSON.createArrayNode());
  }

  /**
   * Dispatches the message command "Triage with claude500" used by {@code userId} on a message
   * (type 2, {@code data.type} 3, the message in {@code data.resolved.messages}, with the thread
   * started on it, if any, as Discord sends it); returns the interaction's id.
   */
  public String messageCommand(String messageId, String userId) {
    ObjectNode message = message(messageId).orElseThrow(() -> new AssertionError("no message " + messageId));
    Optional.ofNullable(threads.get(messageId)).ifPresent(t -> message.set("thread", t.deepCopy()));
    String channelId = message.get("channel_id").asText();
    ObjectNode data = obj().put("id", MESSAGE_COMMAND_ID).put("name", "Triage with claude500").put("type", 3)
        .put("target_id", messageId).put("guild_id", guildOf(channelId));
    data.putObject("resolved").putObject("messages").set(messageId, message);
    return dispatchInteraction(2, channelId, userId, data, Optional.empty());
  }

  /** Dispatches an autocomplete request for {@code subscribe components:<typed>}; returns its id. */
  public String autocomplete(String channelId, String userId, String typed) {
    ObjectNode sub = obj().put("name", "subscribe").put("type", 1);
    sub.putArray("options").add(obj().put("name", "components").put("type", 3).put("value", typed).put("focused", true));
    ObjectNode data = obj().put("id", COMMAND_ID).put("name", "claude500").put("type", 1);
    data.putArray("options").add(sub);
    return dispatchInteraction(4, channelId, userId, data, Optional.empty());
  }

  /** Dispatches a click on a button of a message the bot posted; returns the interaction's id. */
  public String click(String messageId, String customId, String userId) {
    ObjectNode message = message(messageId).orElseThrow(() -> new AssertionError("no message " + messageId));
    ObjectNode data = obj().put("custom_id", customId).put("component_type", 2);
    return dispatchInteraction(3, message.get("channel_id").asText(), userId, data, Optional.of(messageId));
  }

  /**
   * Dispatches an interaction again, as it was first sent (the same id and token), as a gateway
   * replaying events after a resume may.
   */
  public void replay(String interactionId) {
    ObjectNode d = Optional.ofNullable(dispatched.get(interactionId))
        .orElseThrow(() -> new AssertionError("no interaction " + interactionId));
    dispatch(d.get("guild_id").asText(), "INTERACTION_CREATE", d);
  }

  /** Dispatches the submission of a modal opened from a message's button; returns the interaction's id. */
  public String submitModal(String messageId, String modalId, String inputId, String text, String userId) {
    ObjectNode message = message(messageId).orElseThrow(() -> new AssertionError("no message " + messageId));
    ObjectNode data = obj().put("custom_id", modalId);
    data.putArray("components").add(obj().put("type", 18).put("id", 1)
        .set("component", obj().put("type", 4).put("id", 2).put("custom_id", inputId).put("value", text)));
    return dispatchInteraction(5, message.get("channel_id").asText(), userId, data, Optional.of(messageId));
  }

  // ---- what the bot did -----------------------------------------------------------------------

  /** Returns every REST call so far, oldest first. */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Returns the calls of one method on paths matching {@code regex}, oldest first. */
  public List<Call> calls(String method, String regex) {
    return calls.stream().filter(c -> c.is(method, regex)).toList();
  }

  /** Waits for the {@code n}th call (1-based) that matches and returns it. */
  public Call await(Predicate<Call> matching, int n, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Call> found = calls.stream().filter(matching).toList();
      if (found.size() >= n) {
        return found.get(n - 1);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no call #" + n + " matching within " + timeout + "; calls: " + describe());
      }
      Thread.sleep(10);
    }
  }

  /** Waits for the first call of a method on a path matching {@code regex}. */
  public Call await(String method, String regex, Duration timeout) throws InterruptedException {
    return await(c -> c.is(method, regex), 1, timeout);
  }

  /** Returns how long after its dispatch an interaction was acknowledged (its callback arrived), if it was. */
  public Optional<Duration> acknowledgedAfter(String interactionId) {
    return Optional.ofNullable(acknowledged.get(interactionId));
  }

  /** Returns the callback (acknowledgement) of an interaction, waiting for it. */
  public Call awaitCallback(String interactionId, Duration timeout) throws InterruptedException {
    return await(c -> c.is("POST", "/interactions/" + interactionId + "/[^/]+/callback"), 1, timeout);
  }

  /** Returns the follow-ups (webhook messages) of an interaction, oldest first. */
  public List<Call> followUps(String interactionId) {
    return calls("POST", "/webhooks/" + APP_ID + "/itoken-" + interactionId);
  }

  /** Returns the message with this id as it stands now. */
  public Optional<ObjectNode> message(String id) {
    return Optional.ofNullable(messages.get(id)).map(ObjectNode::deepCopy);
  }

  /** Returns the messages in a channel or thread, oldest first. */
  public List<ObjectNode> messagesIn(String channelId) {
    return messages.values().stream().filter(m -> m.get("channel_id").asText().equals(channelId))
        .sorted(java.util.Comparator.comparing(m -> Long.parseLong(m.get("id").asText())))
        .map(ObjectNode::deepCopy).toList();
  }

  /** Returns the thread with this id, if one was started. */
  public Optional<ObjectNode> thread(String id) {
    return Optional.ofNullable(threads.get(id)).map(ObjectNode::deepCopy);
  }

  /** Returns a one-call-per-line account of what the bot did, for failure messages. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    calls.forEach(c -> sb.append("\n  ").append(c));
    return sb.toString();
  }

  @Override
  public void close() {
    http.stop(0);
    httpThreads.shutdownNow();
    try {
      gateway.stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- gateway --------------------------------------------------------------------------------

  private String dispatchInteraction(int type, String channelId, String userId, ObjectNode data, Optional<String> messageId) {
    String id = nextId();
    String token = "itoken-" + id;
    interactions.put(token, new Interaction(id, token, channelId, messageId, System.nanoTime()));
    String guild = guildOf(channelId);
    ObjectNode d = obj().put("id", id).put("application_id", APP_ID).put("type", type).put("token", token)
        .put("version", 1).put("guild_id", guild).put("channel_id", channelId)
        .put("app_permissions", Long.toString(EVERYONE_PERMISSIONS)).put("locale", "en-US")
        .put("guild_locale", "en-US").put("context", 0);
    d.set("guild", obj().put("id", guild).put("locale", "en-US").set("features", JSON.createArrayNode()));
    d.set("channel", channelJson(channelId));
    d.set("member", member(userId));
    d.putArray("entitlements");
    d.set("authorizing_integration_owners", obj().put("0", guild));
    d.set("data", data);
    messageId.flatMap(this::message).ifPresent(m -> d.set("message", m));
    dispatched.put(id, d.deepCopy());
    dispatch(guild, "INTERACTION_CREATE", d);
    return id;
  }

  /** Sends a dispatch to the session holding {@code guildId}'s shard (the newest, when several do). */
  private void dispatch(String guildId, String type, ObjectNode d) {
    WebSocket ws = session;
    for (Map.Entry<WebSocket, int[]> s : shards.entrySet()) {
      if (s.getKey().isOpen() && shardOf(guildId, s.getValue()[1]) == s.getValue()[0]) {
        ws = s.getKey();
      }
    }
    if (ws == null || !ws.isOpen()) {
      throw new IllegalStateException("no bot session holds server " + guildId + " on the fake gateway");
    }
    ws.send(obj().put("op", 0).put("t", type).put("s", seq.incrementAndGet()).set("d", d).toString());
  }

  private void onGateway(WebSocket ws, String text) {
    JsonNode payload = read(text);
    int op = payload.path("op").asInt(-1);
    if (op == 1) {
      heartbeats.incrementAndGet();
      ws.send("{\"op\":11}");
    } else if (op == 2) {
      JsonNode shard = payload.path("d").path("shard");
      int[] held = shard.isArray() && shard.size() == 2 ? new int[] {shard.get(0).asInt(), shard.get(1).asInt()}
          : new int[] {0, 1};
      shards.put(ws, held);
      identifiedShards.add(held[0] + "/" + held[1]);
      session = ws;
      identifyPayload = Optional.of(payload.path("d").deepCopy());
      identifyToken = Optional.of(payload.path("d").path("token").asText());
      ready(ws, held);
      identified.countDown();
    }
  }

  private void ready(WebSocket ws, int[] shard) {
    List<String> guilds = List.of(GUILD_ID, OTHER_GUILD_ID).stream()
        .filter(g -> shardOf(g, shard[1]) == shard[0]).toList();
    ObjectNode d = obj().put("v", 10).put("session_id", "fake-session-" + shard[0] + "-" + shard[1])
        .put("resume_gateway_url", gatewayUrl());
    d.set("user", botUser());
    ArrayNode unavailable = d.putArray("guilds");
    guilds.forEach(g -> unavailable.add(obj().put("id", g).put("unavailable", true)));
    d.putArray("private_channels");
    d.set("application", obj().put("id", APP_ID).put("flags", 0));
    d.putArray("shard").add(shard[0]).add(shard[1]);
    ws.send(obj().put("op", 0).put("t", "READY").put("s", seq.incrementAndGet()).set("d", d).toString());
    for (String g : guilds) {
      ws.send(obj().put("op", 0).put("t", "GUILD_CREATE").put("s", seq.incrementAndGet()).set("d", guild(g)).toString());
    }
  }

  /** Returns the server a channel or thread belongs to. */
  private String guildOf(String channelId) {
    ObjectNode thread = threads.get(channelId);
    if (thread != null) {
      return thread.get("guild_id").asText();
    }
    return OTHER_CHANNELS.contains(channelId) ? OTHER_GUILD_ID : GUILD_ID;
  }

  private ObjectNode guild(String guildId) {
    boolean main = guildId.equals(GUILD_ID);
    ObjectNode g = obj().put("id", guildId).put("name", main ? "Test server" : "Other server").put("owner_id", ALICE)
        .put("unavailable", false).put("member_count", 3).put("large", false).put("preferred_locale", "en-US")
        .put("afk_timeout", 300).put("verification_level", 0).put("default_message_notifications", 0)
        .put("explicit_content_filter", 0).put("mfa_level", 0).put("nsfw_level", 0).put("premium_tier", 0);
    g.putArray("roles").add(obj().put("id", guildId).put("name", "@everyone")
        .put("permissions", Long.toString(EVERYONE_PERMISSIONS)).put("position", 0).put("color", 0)
        .put("hoist", false).put("managed", false).put("mentionable", false).put("flags", 0)
        .set("colors", obj().put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color")));
    ArrayNode channels = g.putArray("channels");
    for (String c : main ? MAIN_CHANNELS : OTHER_CHANNELS) {
      channels.add(channelJson(c));
    }
    g.putArray("threads");
    ObjectNode self = obj().put("joined_at", "2026-01-01T00:00:00.000000+00:00").put("deaf", false)
        .put("mute", false).put("flags", 0);
    self.putArray("roles");
    self.set("user", botUser());
    g.putArray("members").add(self);
    for (String empty : List.of("emojis", "stickers", "voice_states", "presences", "guild_scheduled_events",
        "features", "soundboard_sounds", "stage_instances")) {
      g.putArray(empty);
    }
    return g;
  }

  private ObjectNode channelJson(String channelId) {
    ObjectNode thread = threads.get(channelId);
    if (thread != null) {
      return thread.deepCopy();
    }
    String guild = guildOf(channelId);
    ObjectNode c = obj().put("id", channelId).put("type", 0).put("guild_id", guild).put("name", name(channelId))
        .put("position", 0).put("nsfw", false).put("rate_limit_per_user", 0).put("flags", 0);
    ArrayNode overwrites = c.putArray("permission_overwrites");
    if (channelId.equals(NO_SEND)) {
      overwrites.add(obj().put("id", guild).put("type", 0).put("allow", "0").put("deny", Long.toString(SEND_MESSAGES)));
    } else if (channelId.equals(NO_THREADS)) {
      overwrites.add(obj().put("id", guild).put("type", 0).put("allow", "0")
          .put("deny", Long.toString(CREATE_PUBLIC_THREADS)));
    }
    return c;
  }

  private static String name(String channelId) {
    switch (channelId) {
      case INCIDENTS:
        return "incidents";
      case TRIAGE:
        return "help-claude";
      case NO_SEND:
        return "read-only";
      case NO_THREADS:
        return "no-threads";
      case SPARE:
        return "spare";
      case OTHER_INCIDENTS:
        return "other-incidents";
      default:
        return "channel-" + channelId;
    }
  }

  private static ObjectNode botUser() {
    return obj().put("id", APP_ID).put("username", "claude500").put("discriminator", "0").put("bot", true)
        .put("verified", true).put("mfa_enabled", false).putNull("avatar").putNull("global_name");
  }

  private static ObjectNode user(String id) {
    String name = id.equals(ALICE) ? "alice" : id.equals(BOB) ? "bob" : "user" + id;
    return obj().put("id", id).put("username", name).put("global_name", Character.toUpperCase(name.charAt(0))
        + name.substring(1)).put("discriminator", "0").putNull("avatar").put("bot", false);
  }

  private static ObjectNode member(String userId) {
    ObjectNode m = obj().put("joined_at", "2026-01-01T00:00:00.000000+00:00").put("deaf", false).put("mute", false)
        .put("flags", 0).put("pending", false).put("permissions", Long.toString(EVERYONE_PERMISSIONS));
    m.putArray("roles");
    m.set("user", user(userId));
    return m;
  }

  // ---- REST -----------------------------------------------------------------------------------

  private static final Pattern CALLBACK = Pattern.compile("/interactions/(\\d+)/([^/]+)/callback");
  private static final Pattern FOLLOWUP = Pattern.compile("/webhooks/(\\d+)/([^/]+)");
  private static final Pattern ORIGINAL = Pattern.compile("/webhooks/(\\d+)/([^/]+)/messages/(@original|\\d+)");
  private static final Pattern CHANNEL_MESSAGES = Pattern.compile("/channels/(\\d+)/messages");
  private static final Pattern CHANNEL_MESSAGE = Pattern.compile("/channels/(\\d+)/messages/(\\d+)");
  private static final Pattern MESSAGE_THREADS = Pattern.compile("/channels/(\\d+)/messages/(\\d+)/threads");
  private static final Pattern COMMANDS = Pattern.compile("/applications/(\\d+)(/guilds/\\d+)?/commands");
  private static final Pattern CHANNEL = Pattern.compile("/channels/(\\d+)");

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String full = exchange.getRequestURI().getPath();
      String path = full.startsWith(API) ? full.substring(API.length()) : full;
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      byte[] raw = exchange.getRequestBody().readAllBytes();
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      JsonNode body = raw.length == 0 ? JSON.nullNode()
          : type != null && type.startsWith("multipart/form-data") ? multipart(type, raw)
          : read(new String(raw, StandardCharsets.UTF_8));
      Answer answer;
      try {
        answer = route(method, path, query, body);
      } catch (RuntimeException e) {
        answer = new Answer(500, obj().put("code", 0).put("message", "fake failed: " + e));
      }
      calls.add(new Call(method, path, body, answer.status()));
      byte[] out = answer.body() == null ? new byte[0] : answer.body().toString().getBytes(StandardCharsets.UTF_8);
      if (out.length == 0) {
        exchange.sendResponseHeaders(answer.status(), -1);
        return;
      }
      answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.status(), out.length);
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(out);
      }
    }
  }

  private record Answer(int status, JsonNode body, Map<String, String> headers) {
    Answer(int status, JsonNode body) {
      this(status, body, Map.of());
    }
  }

  /**
   * Returns the last file attached under this name to any message (sent as multipart/form-data),
   * as Discord received its bytes.
   */
  public Optional<byte[]> attachment(String fileName) {
    return Optional.ofNullable(attachments.get(fileName));
  }

  /** Reads a multipart body: its payload_json part, with an {@code attachments} entry for each file part. */
  private JsonNode multipart(String contentType, byte[] raw) {
    String boundary = contentType.replaceFirst(".*boundary=\"?([^\";]+)\"?.*", "$1");
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    ObjectNode payload = obj();
    ArrayNode files = JSON.createArrayNode();
    int at = indexOf(raw, delimiter, 0);
    while (at >= 0) {
      int start = at + delimiter.length + 2; // past the delimiter's CRLF
      int next = indexOf(raw, delimiter, start);
      if (next < 0 || start >= raw.length) {
        break;
      }
      int headersEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
      String headers = new String(raw, start, headersEnd - start, StandardCharsets.ISO_8859_1);
      byte[] content = java.util.Arrays.copyOfRange(raw, headersEnd + 4, next - 2); // less the CRLF before the delimiter
      Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(headers);
      Matcher file = Pattern.compile("filename=\"([^\"]*)\"").matcher(headers);
      if (file.find()) {
        attachments.put(file.group(1), content);
        files.add(obj().put("filename", file.group(1)).put("size", content.length));
      } else if (name.find() && name.group(1).equals("payload_json")) {
        payload = (ObjectNode) read(new String(content, StandardCharsets.UTF_8));
      }
      at = next;
    }
    payload.set("attachments", files);
    return payload;
  }

  private static int indexOf(byte[] data, byte[] part, int from) {
    outer:
    for (int i = Math.max(0, from); i <= data.length - part.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (data[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  private Answer route(String method, String path, Map<String, String> query, JsonNode body) {
    Matcher m;
    if (method.equals("GET") && path.equals("/users/@me")) {
      return ok(botUser());
    }
    if (method.equals("GET") && path.equals("/gateway/bot")) {
      return ok(obj().put("url", gatewayUrl()).put("shards", 1)
          .set("session_start_limit", obj().put("total", 1000).put("remaining", 1000).put("reset_after", 0)
              .put("max_concurrency", 1)));
    }
    if (method.equals("PUT") && (m = COMMANDS.matcher(path)).matches()) {
      ArrayNode out = JSON.createArrayNode();
      body.forEach(c -> {
        String id = c.path("name").asText().equals("claude500") ? COMMAND_ID : MESSAGE_COMMAND_ID;
        out.add(((ObjectNode) c.deepCopy()).put("id", id).put("application_id", APP_ID).put("version", id));
      });
      return ok(out);
    }
    if (method.equals("POST") && (m = CALLBACK.matcher(path)).matches()) {
      return callback(m.group(2), body);
    }
    if (method.equals("POST") && (m = FOLLOWUP.matcher(path)).matches()) {
      Interaction i = interaction(m.group(2));
      return ok(create(i.channelId(), body));
    }
    if ((m = ORIGINAL.matcher(path)).matches()) {
      Interaction i = interaction(m.group(2));
      String id = m.group(3).equals("@original") ? original(i) : m.group(3);
      return method.equals("PATCH") ? edit(id, body) : found(id);
    }
    if (method.equals("GET") && (m = CHANNEL.matcher(path)).matches()) {
      return known(m.group(1)) ? ok(channelJson(m.group(1))) : unknownChannel();
    }
    if (method.equals("POST") && (m = MESSAGE_THREADS.matcher(path)).matches()) {
      return startThread(m.group(1), m.group(2), body);
    }
    if ((m = CHANNEL_MESSAGE.matcher(path)).matches()) {
      if (method.equals("PATCH")) {
        return edit(m.group(2), body);
      }
      return found(m.group(2));
    }
    if (method.equals("GET") && (m = CHANNEL_MESSAGES.matcher(path)).matches()) {
      return ok(history(m.group(1), query));
    }
    if (method.equals("POST") && (m = CHANNEL_MESSAGES.matcher(path)).matches()) {
      if (!known(m.group(1))) {
        return unknownChannel();
      }
      if (refusing.contains(m.group(1)) || threadParentRefusing(m.group(1))) {
        return error(403, 50013, "Missing Permissions");
      }
      int[] failing = failingBeforeTake.computeIfPresent(m.group(1), (k, v) -> v[1] > 0 ? new int[] {v[0], v[1] - 1}
          : null);
      if (failing != null) {
        return error(failing[0], 0, "failed before the message was made");
      }
      Integer wait = rateLimited.remove(m.group(1));
      if (wait != null) {
        return new Answer(429, obj().put("message", "You are being rate limited.").put("retry_after", wait.doubleValue())
            .put("global", false), Map.of("Retry-After", Integer.toString(wait), "X-RateLimit-Scope", "user",
            "X-RateLimit-Bucket", "fake-bucket", "X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "0",
            "X-RateLimit-Reset-After", Integer.toString(wait), "Via", "1.1 google"));
      }
      ObjectNode made = createOnce(m.group(1), body);
      Integer failWith = failingAfterTake.remove(m.group(1));
      if (failWith != null) {
        return error(failWith, 0, "the answer was lost after the message was made");
      }
      return ok(made);
    }
    if (method.equals("POST") && path.equals("/users/@me/channels")) {
      String dm = DM_PREFIX + body.path("recipient_id").asText().substring(2);
      ObjectNode channel = obj().put("id", dm).put("type", 1).putNull("last_message_id");
      channel.putArray("recipients").add(user(body.path("recipient_id").asText()));
      return ok(channel);
    }
    return error(404, 0, "the fake Discord does not know " + method + " " + path);
  }

  /** Returns true for a channel of either server, a thread, or a direct-message channel. */
  private boolean known(String channelId) {
    return threads.containsKey(channelId) || MAIN_CHANNELS.contains(channelId) || OTHER_CHANNELS.contains(channelId)
        || channelId.startsWith(DM_PREFIX);
  }

  private static Answer unknownChannel() {
    return error(404, 10003, "Unknown Channel");
  }

  private boolean threadParentRefusing(String channelId) {
    ObjectNode thread = threads.get(channelId);
    return thread != null && refusing.contains(thread.get("parent_id").asText());
  }

  private Answer callback(String token, JsonNode body) {
    Interaction i = interaction(token);
    acknowledged.putIfAbsent(i.id(), Duration.ofNanos(System.nanoTime() - i.dispatchedAt()));
    int type = body.path("type").asInt();
    ObjectNode resource = obj().put("type", type);
    if (type == 4) {
      ObjectNode message = create(i.channelId(), body.path("data"));
      interactions.put(token, new Interaction(i.id(), token, i.channelId(), Optional.of(message.get("id").asText()),
          i.dispatchedAt()));
      resource.set("message", message);
    } else if (type == 7 && i.messageId().isPresent()) {
      edit(i.messageId().get(), body.path("data"));
      resource.set("message", messages.get(i.messageId().get()).deepCopy());
    }
    ObjectNode answer = obj();
    answer.set("interaction", obj().put("id", i.id()).put("type", 2));
    answer.set("resource", resource);
    return ok(answer);
  }

  private Interaction interaction(String token) {
    Interaction i = interactions.get(token);
    if (i == null) {
      throw new IllegalArgumentException("unknown interaction token " + token);
    }
    return i;
  }

  private static String original(Interaction i) {
    return i.messageId().orElseThrow(() -> new IllegalArgumentException("interaction " + i.id() + " has no message"));
  }

  /** Makes a message, or with {@code enforce_nonce} returns the one already made with its nonce. */
  private ObjectNode createOnce(String channelId, JsonNode body) {
    String nonce = body.path("nonce").asText("");
    if (!body.path("enforce_nonce").asBoolean(false) || nonce.isEmpty()) {
      return create(channelId, body);
    }
    synchronized (nonces) {
      String known = nonces.get(channelId + "/" + nonce);
      if (known != null && messages.containsKey(known)) {
        return messages.get(known).deepCopy();
      }
      ObjectNode made = create(channelId, body);
      nonces.put(channelId + "/" + nonce, made.get("id").asText());
      return made;
    }
  }

  /** A channel's or thread's messages, newest first, {@code limit} (at most 100) of them before {@code before}. */
  private ArrayNode history(String channelId, Map<String, String> query) {
    int limit = Math.max(1, Math.min(100, Integer.parseInt(query.getOrDefault("limit", "50"))));
    long before = Long.parseLong(query.getOrDefault("before", Long.toString(Long.MAX_VALUE)));
    List<ObjectNode> all = new ArrayList<>(messagesIn(channelId));
    Collections.reverse(all);
    ArrayNode out = JSON.createArrayNode();
    all.stream().filter(msg -> Long.parseLong(msg.get("id").asText()) < before).limit(limit).forEach(out::add);
    return out;
  }

  private ObjectNode create(String channelId, JsonNode body) {
    String id = nextId();
    ObjectNode m = obj().put("id", id).put("channel_id", channelId).put("type", 0)
        .put("content", body.path("content").asText("")).put("timestamp", Instant.now().toString())
        .putNull("edited_timestamp").put("tts", false).put("mention_everyone", false).put("pinned", false)
        .put("flags", body.path("flags").asInt(0));
    if (!channelId.startsWith(DM_PREFIX)) {
      m.put("guild_id", guildOf(channelId));
    }
    m.set("author", botUser());
    m.putArray("mentions");
    m.putArray("mention_roles");
    ArrayNode attached = m.putArray("attachments");
    body.path("attachments").forEach(a -> attached.add(obj().put("id", nextId()).put("filename",
        a.path("filename").asText()).put("size", a.path("size").asInt())));
    m.set("embeds", embeds(body.path("embeds")));
    m.set("components", body.has("components") ? body.get("components").deepCopy() : JSON.createArrayNode());
    messages.put(id, m);
    return m.deepCopy();
  }

  private Answer edit(String id, JsonNode body) {
    ObjectNode m = messages.get(id);
    if (m == null) {
      return error(404, 10008, "Unknown Message");
    }
    synchronized (m) {
      for (String field : List.of("content", "components")) {
        if (body.has(field)) {
          m.set(field, body.get(field).deepCopy());
        }
      }
      if (body.has("embeds")) {
        m.set("embeds", embeds(body.get("embeds")));
      }
      m.put("edited_timestamp", Instant.now().toString());
      return ok(m.deepCopy());
    }
  }

  /** Returns embeds as Discord stores them: each has a type. */
  private static ArrayNode embeds(JsonNode sent) {
    ArrayNode out = JSON.createArrayNode();
    sent.forEach(e -> out.add(((ObjectNode) e.deepCopy()).put("type", e.path("type").asText("rich"))));
    return out;
  }

  private Answer found(String id) {
    ObjectNode m = messages.get(id);
    if (m == null) {
      return error(404, 10008, "Unknown Message");
    }
    ObjectNode copy = m.deepCopy();
    Optional.ofNullable(threads.get(id)).ifPresent(t -> copy.set("thread", t.deepCopy()));
    return ok(copy);
  }

  private Answer startThread(String channelId, String messageId, JsonNode body) {
    if (threads.containsKey(messageId)) {
      return error(400, 160004, "A thread has already been created for this message");
    }
    if (!messages.containsKey(messageId)) {
      return error(404, 10008, "Unknown Message");
    }
    String now = Instant.now().toString();
    ObjectNode t = obj().put("id", messageId).put("type", 11).put("guild_id", guildOf(channelId)).put("parent_id", channelId)
        .put("owner_id", APP_ID).put("name", body.path("name").asText("thread")).putNull("last_message_id")
        .put("message_count", 0).put("member_count", 1).put("rate_limit_per_user", 0).put("flags", 0)
        .put("total_message_sent", 0);
    t.set("thread_metadata", obj().put("archived", false)
        .put("auto_archive_duration", body.path("auto_archive_duration").asInt(1440))
        .put("archive_timestamp", now).put("locked", false).put("create_timestamp", now));
    threads.put(messageId, t);
    return new Answer(201, t.deepCopy());
  }

  private static Answer ok(JsonNode body) {
    return new Answer(200, body);
  }

  private static Answer error(int status, int code, String message) {
    return new Answer(status, obj().put("code", code).put("message", message));
  }

  /** Returns a fresh snowflake: JDA reads an interaction's age from its id, so ids carry the current time. */
  private String nextId() {
    long now = (System.currentTimeMillis() - DISCORD_EPOCH) << 22;
    return Long.toString(ids.updateAndGet(last -> Math.max(last + 1, now)));
  }

  private static ObjectNode obj() {
    return JSON.createObjectNode();
  }

  private static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The websocket half. */
  private static final class Gateway extends WebSocketServer {
    final CountDownLatch started = new CountDownLatch(1);
    volatile FakeDiscord fake;

    Gateway(InetSocketAddress address) {
      super(address);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      // Discord says 41,250 ms; a client may wait up to one interval (with jitter) before its first
      // heartbeat, so a short one lets a test see heartbeats without waiting most of a minute
      conn.send("{\"op\":10,\"d\":{\"heartbeat_interval\":" + HEARTBEAT_INTERVAL_MS + "}}");
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
      // A closed session simply stops receiving dispatches.
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
      fake.onGateway(conn, message);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
      // Connection errors end the session; the test sees the bot stop answering.
    }

    @Override
    public void onStart() {
      started.countDown();
    }
  }
}
