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
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A loopback Slack Web API for tests: a real HTTP server on {@code 127.0.0.1} that answers the
 * methods a bot calls ({@code auth.test}, {@code chat.postMessage} with increasing {@code ts},
 * {@code chat.update}, {@code chat.postEphemeral}, {@code chat.unfurl}, {@code chat.getPermalink}, {@code users.info},
 * {@code apps.connections.open}, {@code conversations.history} (with {@code latest}, {@code oldest} and
 * {@code inclusive}), {@code conversations.replies},
 * {@code files.info}, the upload of a file in three calls: {@code files.getUploadURLExternal}, a
 * post of its bytes to the upload URL that answers (recorded as method {@code upload}, the bytes
 * kept: {@link #uploaded}), {@code files.completeUploadExternal}; and {@code views.publish}) under
 * {@link #apiUrl()}, takes {@code response_url} posts under
 * {@link #responseUrl(String)}, and records every call with its form or JSON parameters.
 *
 * <p>Posted messages are kept, with their blocks and message metadata, so that history and thread
 * reads see them as Slack would: newest first in a channel's history, oldest first in a thread,
 * metadata only when {@code include_all_metadata} is asked for, pages of {@code limit} with a
 * cursor. {@link #personPosted} adds a person's message. {@link #file} adds a text snippet that
 * {@code files.info} answers with its content.
 *
 * <p>{@link #script(String, Answer...)} queues answers (a 429 with {@code Retry-After}, a 500, an
 * {@code ok:false} error) that a method gives once each before its usual answer; {@link
 * #loseAnswers} makes calls go through and their answers get lost, as when a read times out after
 * Slack took a post. Thread-safe.
 */
public final class FakeSlackApi implements AutoCloseable {
  /** The bot's user id {@code auth.test} answers. */
  public static final String BOT_USER_ID = "UBOTFAKE";
  /** The workspace id {@code auth.test} answers. */
  public static final String TEAM_ID = "T0FAKE";

  /** How long an answer lost as {@link Lost#TIMED_OUT} is held before the connection is closed. */
  public static final Duration HELD_ANSWER = Duration.ofSeconds(3);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService threads;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
  private final Map<String, Deque<Lost>> lost = new ConcurrentHashMap<>();
  private final List<ObjectNode> messages = new ArrayList<>();
  private final Map<String, Snippet> files = new ConcurrentHashMap<>();
  private final AtomicInteger nextTs = new AtomicInteger(100);
  private final AtomicInteger nextFile = new AtomicInteger(1);
  private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
  private volatile String socketModeUrl;
  private volatile Duration delay = Duration.ZERO;
  private volatile int maxPage = 999;

  private FakeSlackApi(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /**
   * Returns the bytes posted to the upload URL of a file ({@code files.getUploadURLExternal}'s
   * {@code file_id}), multipart framing included; empty when none were.
   */
  public Optional<byte[]> uploaded(String fileId) {
    return Optional.ofNullable(uploads.get(fileId));
  }

  /** Starts the fake on a free loopback port. */
  public static FakeSlackApi start() {
    AtomicInteger n = new AtomicInteger();
    ExecutorService threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fake-slack-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setExecutor(threads);
      FakeSlackApi fake = new FakeSlackApi(server, threads);
      server.createContext("/", fake::handle);
      server.start();
      return fake;
    } catch (IOException e) {
      threads.shutdownNow();
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the Web API base to configure ({@code SLACK_API_URL}), ending in a slash. */
  public String apiUrl() {
    return base() + "/api/";
  }

  /** Returns a {@code response_url} served by this fake; its calls are recorded as method {@code response_url}. */
  public String responseUrl(String name) {
    return base() + "/respond/" + name;
  }

  /** Sets the websocket URL {@code apps.connections.open} answers. */
  public void socketModeUrl(String url) {
    this.socketModeUrl = url;
  }

  /** Makes every answer wait this long before it is sent (a slow Slack); zero for none. */
  public void slowDown(Duration by) {
    this.delay = Objects.requireNonNull(by, "by");
  }

  /** Makes history and thread reads give at most {@code n} messages a page, whatever was asked (Slack may). */
  public void maxPage(int n) {
    this.maxPage = Math.max(1, n);
  }

  /** Queues answers a method gives once each, in order, before its usual one. */
  public FakeSlackApi script(String method, Answer... answers) {
    scripts.computeIfAbsent(method, m -> new ArrayDeque<>()).addAll(List.of(answers));
    return this;
  }

  /**
   * Makes the next {@code count} calls of a method go through as usual (a post is kept) and then
   * lose their answer the way {@code how} says.
   */
  public FakeSlackApi loseAnswers(String method, int count, Lost how) {
    Deque<Lost> q = lost.computeIfAbsent(method, m -> new ArrayDeque<>());
    synchronized (q) {
      for (int i = 0; i < count; i++) {
        q.add(Objects.requireNonNull(how, "how"));
      }
    }
    return this;
  }

  /**
   * Adds a text snippet (a file with mode {@code snippet}) that {@code files.info} answers with its
   * content, and returns the file object as a {@code message} event carries it in {@code files}.
   */
  public ObjectNode file(String id, String name, String content) {
    files.put(id, new Snippet(id, name, content));
    return fileJson(files.get(id));
  }

  /**
   * Keeps a message a person posted (at the top of the channel, or in the thread {@code threadTs}
   * when it is not null), as history and thread reads then return it, and returns it as Slack shows
   * it, its new {@code ts} included: the message an event, a shortcut or an offer is about.
   */
  public ObjectNode personPosted(String channel, String userId, String text, String threadTs) {
    String ts = String.format(Locale.ROOT, "1700000000.%06d", nextTs.getAndIncrement());
    ObjectNode m = JSON.createObjectNode().put("type", "message").put("user", userId).put("ts", ts).put("text", text);
    m.put("channel", channel);
    if (threadTs != null) {
      m.put("thread_ts", threadTs);
    }
    synchronized (messages) {
      messages.add(m);
    }
    ObjectNode copy = m.deepCopy();
    copy.remove("channel");
    return copy;
  }

  /** Returns the messages kept in a channel, threads included, oldest first, as Slack would return them. */
  public List<ObjectNode> messages(String channel) {
    synchronized (messages) {
      return messages.stream().filter(m -> m.path("channel").asText().equals(channel)).map(ObjectNode::deepCopy).toList();
    }
  }

  /** Returns the top-level messages kept in a channel, oldest first. */
  public List<ObjectNode> topLevel(String channel) {
    return messages(channel).stream().filter(m -> !m.has("thread_ts") || m.path("thread_ts").equals(m.path("ts"))).toList();
  }

  /** Returns the replies kept under a message, oldest first (the message itself not included). */
  public List<ObjectNode> replies(String channel, String threadTs) {
    return messages(channel).stream().filter(m -> m.path("thread_ts").asText().equals(threadTs)
        && !m.path("ts").asText().equals(threadTs)).toList();
  }

  /** Returns every call so far, oldest first. */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Returns the calls of one method ({@code response_url} for response URL posts). */
  public List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  /** Returns the calls of one method that Slack would have taken (HTTP 200 and {@code ok:true}). */
  public List<Call> accepted(String method) {
    return calls(method).stream().filter(Call::accepted).toList();
  }

  /** Forgets the recorded calls. */
  public void clearCalls() {
    calls.clear();
  }

  /** Waits until a call of {@code method} matches, and returns the first that does. */
  public Call await(String method, Predicate<Call> matching, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<Call> hit = calls(method).stream().filter(matching).findFirst();
      if (hit.isPresent()) {
        return hit.get();
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("no " + method + " call matched within " + timeout + "; calls: " + summary());
      }
      pause();
    }
  }

  /** Waits until there are at least {@code count} calls of {@code method}, and returns them. */
  public List<Call> awaitCount(String method, int count, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (calls(method).size() < count) {
      if (System.nanoTime() > end) {
        throw new AssertionError("expected " + count + " " + method + " calls within " + timeout + "; calls: " + summary());
      }
      pause();
    }
    return calls(method);
  }

  /** Returns one line per call, for failure messages. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    for (Call c : calls) {
      sb.append("\n  ").append(c.method()).append(' ').append(c.status()).append(' ')
          .append(abbreviate(c.params().toString(), 200));
    }
    return sb.toString();
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private String base() {
    InetSocketAddress a = server.getAddress();
    return "http://" + a.getAddress().getHostAddress() + ":" + a.getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      byte[] raw = exchange.getRequestBody().readAllBytes();
      String body = new String(raw, StandardCharsets.UTF_8);
      String method = path.startsWith("/api/") ? path.substring("/api/".length())
          : path.startsWith("/respond/") ? "response_url" : path.startsWith("/upload/") ? "upload" : path;
      if (method.equals("upload")) {
        uploads.put(path.substring("/upload/".length()), raw);
      }
      Map<String, String> params = method.equals("upload") ? Map.of()
          : params(exchange.getRequestHeaders().getFirst("Content-Type"), body, exchange.getRequestURI().getRawQuery());
      Map<String, List<String>> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
      Optional<Answer> scripted = next(method);
      Answer answer = scripted.orElseGet(() -> usual(method, params));
      Optional<Lost> losing = scripted.isPresent() || !answer.accepted() ? Optional.empty() : nextLost(method);
      if (!delay.isZero()) {
        Thread.sleep(delay.toMillis());
      }
      if (losing.isPresent()) {
        Answer gone = losing.get() == Lost.INTERNAL_ERROR ? Answer.error("internal_error") : new Answer(0, Map.of(), "");
        calls.add(new Call(method, params, body, headers, gone.status(), gone.body(), true, System.nanoTime()));
        if (losing.get() == Lost.TIMED_OUT) {
          Thread.sleep(HELD_ANSWER.toMillis());
        }
        if (losing.get() != Lost.INTERNAL_ERROR) {
          return; // closing the exchange before any header is sent drops the connection
        }
        answer = gone;
      } else {
        calls.add(new Call(method, params, body, headers, answer.status(), answer.body(), answer.accepted(), System.nanoTime()));
      }
      answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type",
          method.equals("response_url") ? "text/plain; charset=utf-8" : "application/json; charset=utf-8");
      exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        try (OutputStream o = exchange.getResponseBody()) {
          o.write(out);
        }
      }
    } catch (IOException | RuntimeException e) {
      // The client went away: nothing to answer.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Optional<Answer> next(String method) {
    Deque<Answer> q = scripts.get(method);
    if (q == null) {
      return Optional.empty();
    }
    synchronized (q) {
      return Optional.ofNullable(q.poll());
    }
  }

  private Optional<Lost> nextLost(String method) {
    Deque<Lost> q = lost.get(method);
    if (q == null) {
      return Optional.empty();
    }
    synchronized (q) {
      return Optional.ofNullable(q.poll());
    }
  }

  private Answer usual(String method, Map<String, String> p) {
    ObjectNode o = JSON.createObjectNode().put("ok", true);
    switch (method) {
      case "auth.test":
        o.put("url", "https://fake.slack.test/").put("team", "Fake team").put("user", "claude500")
            .put("team_id", TEAM_ID).put("user_id", BOT_USER_ID).put("bot_id", "BBOTFAKE");
        break;
      case "chat.postMessage": {
        String ts = String.format(Locale.ROOT, "1700000000.%06d", nextTs.getAndIncrement());
        o.put("channel", p.getOrDefault("channel", "")).put("ts", ts);
        o.set("message", keep(ts, p));
        break;
      }
      case "chat.update":
        o.put("channel", p.getOrDefault("channel", "")).put("ts", p.getOrDefault("ts", "")).put("text", p.getOrDefault("text", ""));
        edit(p);
        break;
      case "conversations.history":
        return page(p, history(p.getOrDefault("channel", "")).stream().filter(m -> inWindow(m, p)).toList());
      case "conversations.replies": {
        List<ObjectNode> thread = thread(p.getOrDefault("channel", ""), p.getOrDefault("ts", ""));
        return thread.isEmpty() ? Answer.error("thread_not_found") : page(p, thread);
      }
      case "files.info": {
        Snippet f = files.get(p.getOrDefault("file", ""));
        if (f == null) {
          return Answer.error("file_not_found");
        }
        o.set("file", fileJson(f));
        o.put("content", f.content()).put("is_truncated", false);
        break;
      }
      case "chat.unfurl":
        break;
      case "chat.postEphemeral":
        o.put("message_ts", String.format(Locale.ROOT, "1700000000.%06d", nextTs.getAndIncrement()));
        break;
      case "chat.getPermalink":
        o.put("channel", p.getOrDefault("channel", "")).put("permalink", "https://fake.slack.test/archives/"
            + p.getOrDefault("channel", "") + "/p" + p.getOrDefault("message_ts", "").replace(".", ""));
        break;
      case "users.info": {
        String id = p.getOrDefault("user", "");
        ObjectNode u = o.putObject("user").put("id", id).put("name", "user-" + id.toLowerCase(Locale.ROOT));
        u.putObject("profile").put("display_name", "name-" + id.toLowerCase(Locale.ROOT)).put("real_name", "Real " + id);
        break;
      }
      case "apps.connections.open":
        if (socketModeUrl == null) {
          return Answer.error("invalid_auth");
        }
        o.put("url", socketModeUrl);
        break;
      case "response_url":
        return new Answer(200, Map.of(), "ok");
      case "files.getUploadURLExternal": {
        String id = String.format(Locale.ROOT, "F0FAKE%04d", nextFile.getAndIncrement());
        o.put("file_id", id).put("upload_url", base() + "/upload/" + id);
        break;
      }
      case "upload":
        return new Answer(200, Map.of(), "OK");
      case "files.completeUploadExternal": {
        ArrayNode done = o.putArray("files");
        readJson(p.get("files")).filter(JsonNode::isArray).ifPresent(all -> all.forEach(f -> done.addObject()
            .put("id", f.path("id").asText()).put("title", f.path("title").asText())));
        break;
      }
      case "views.publish":
        readJson(p.get("view")).ifPresent(v -> o.set("view", v));
        break;
      default:
        return Answer.error("unknown_method");
    }
    return new Answer(200, Map.of(), o.toString());
  }

  /** Keeps a posted message as Slack shows it in history and returns a copy. */
  private ObjectNode keep(String ts, Map<String, String> p) {
    ObjectNode m = JSON.createObjectNode().put("type", "message").put("user", BOT_USER_ID).put("bot_id", "BBOTFAKE")
        .put("ts", ts).put("text", p.getOrDefault("text", ""));
    m.put("channel", p.getOrDefault("channel", ""));
    String thread = p.getOrDefault("thread_ts", "");
    if (!thread.isEmpty()) {
      m.put("thread_ts", thread);
      if (truthy(p.get("reply_broadcast"))) {
        m.put("subtype", "thread_broadcast");
      }
    }
    readJson(p.get("blocks")).ifPresent(b -> m.set("blocks", b));
    readJson(p.get("metadata")).ifPresent(md -> m.set("metadata", md));
    synchronized (messages) {
      messages.add(m);
    }
    ObjectNode copy = m.deepCopy();
    copy.remove("channel");
    return copy;
  }

  private void edit(Map<String, String> p) {
    synchronized (messages) {
      for (ObjectNode m : messages) {
        if (m.path("channel").asText().equals(p.getOrDefault("channel", "")) && m.path("ts").asText().equals(p.getOrDefault("ts", ""))) {
          m.put("text", p.getOrDefault("text", ""));
          readJson(p.get("blocks")).ifPresent(b -> m.set("blocks", b));
          m.putObject("edited").put("user", BOT_USER_ID).put("ts", m.path("ts").asText());
        }
      }
    }
  }

  /** A channel's history: top-level messages and broadcast replies, newest first. */
  private List<ObjectNode> history(String channel) {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode m : messages(channel)) {
      boolean topLevel = !m.has("thread_ts") || m.path("thread_ts").equals(m.path("ts"));
      if (topLevel || m.path("subtype").asText().equals("thread_broadcast")) {
        out.add(0, m);
      }
    }
    return out;
  }

  /** Whether a message is inside a history read's {@code oldest}..{@code latest} ({@code inclusive} or not). */
  private static boolean inWindow(ObjectNode m, Map<String, String> p) {
    BigDecimal ts = new BigDecimal(m.path("ts").asText("0"));
    boolean inclusive = truthy(p.get("inclusive"));
    String latest = p.getOrDefault("latest", "");
    String oldest = p.getOrDefault("oldest", "");
    if (!latest.isEmpty()) {
      int c = ts.compareTo(new BigDecimal(latest));
      if (c > 0 || (c == 0 && !inclusive)) {
        return false;
      }
    }
    if (!oldest.isEmpty()) {
      int c = ts.compareTo(new BigDecimal(oldest));
      return c > 0 || (c == 0 && inclusive);
    }
    return true;
  }

  /** A thread: its parent, then its replies, oldest first; empty when there is no such parent. */
  private List<ObjectNode> thread(String channel, String ts) {
    List<ObjectNode> in = messages(channel);
    List<ObjectNode> out = new ArrayList<>();
    in.stream().filter(m -> m.path("ts").asText().equals(ts)).findFirst().ifPresent(out::add);
    if (!out.isEmpty()) {
      out.addAll(replies(channel, ts));
    }
    return out;
  }

  /** One page of messages as {@code conversations.*} answers it: {@code limit}, {@code cursor}, metadata when asked. */
  private Answer page(Map<String, String> p, List<ObjectNode> all) {
    int limit = Math.max(1, Math.min(maxPage, parseInt(p.get("limit"), 100)));
    int from = Math.max(0, parseInt(p.getOrDefault("cursor", "").replace("offset:", ""), 0));
    boolean metadata = truthy(p.get("include_all_metadata"));
    ObjectNode o = JSON.createObjectNode().put("ok", true);
    ArrayNode list = o.putArray("messages");
    for (int i = from; i < all.size() && i < from + limit; i++) {
      ObjectNode m = all.get(i).deepCopy();
      m.remove("channel");
      if (!metadata) {
        m.remove("metadata");
      }
      list.add(m);
    }
    boolean more = from + limit < all.size();
    o.put("has_more", more);
    o.putObject("response_metadata").put("next_cursor", more ? "offset:" + (from + limit) : "");
    return new Answer(200, Map.of(), o.toString());
  }

  private static ObjectNode fileJson(Snippet f) {
    String preview = f.content().lines().limit(5).reduce((a, b) -> a + "\n" + b).orElse("");
    return JSON.createObjectNode().put("id", f.id()).put("name", f.name()).put("title", f.name())
        .put("mimetype", "text/plain").put("filetype", "text").put("pretty_type", "Plain Text").put("mode", "snippet")
        .put("size", f.content().getBytes(StandardCharsets.UTF_8).length).put("user", "U0ALICE")
        .put("url_private", "https://files.slack.test/files-pri/" + TEAM_ID + "-" + f.id() + "/" + f.name())
        .put("preview", preview).put("preview_is_truncated", !preview.equals(f.content()))
        .put("lines", (int) f.content().lines().count());
  }

  private static boolean truthy(String v) {
    return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
  }

  private static int parseInt(String v, int otherwise) {
    try {
      return v == null || v.isBlank() ? otherwise : Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  private static Optional<JsonNode> readJson(String v) {
    if (v == null || v.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(JSON.readTree(v));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Map<String, String> params(String contentType, String body, String rawQuery) {
    Map<String, String> out = new LinkedHashMap<>();
    if (rawQuery != null) {
      form(rawQuery, out);
    }
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      try {
        JsonNode node = JSON.readTree(body);
        if (node != null && node.isObject()) {
          for (Map.Entry<String, JsonNode> e : node.properties()) {
            out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
          }
        }
      } catch (IOException e) {
        out.put("_unparsed", body);
      }
    } else {
      form(body, out);
    }
    return out;
  }

  private static void form(String encoded, Map<String, String> out) {
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(k, v);
    }
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }

  private static void pause() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * One call the fake received.
   *
   * @param method the Web API method, or {@code response_url}
   * @param params its form fields or top-level JSON fields (objects and arrays as JSON text)
   * @param body the raw body
   * @param headers the headers, names in lower case
   * @param status the HTTP status the fake answered
   * @param answer the body the fake answered
   * @param accepted true when the answer was a success Slack would have acted on
   * @param atNanos when it arrived ({@link System#nanoTime()})
   */
  public record Call(String method, Map<String, String> params, String body, Map<String, List<String>> headers,
      int status, String answer, boolean accepted, long atNanos) {
    /** Copies. */
    public Call {
      params = Map.copyOf(params);
      headers = Map.copyOf(headers);
    }

    /** Returns a parameter, or the empty string. */
    public String param(String name) {
      return params.getOrDefault(name, "");
    }

    /** Returns a parameter read as JSON (e.g. {@code blocks}); a missing one is JSON null. */
    public JsonNode json(String name) {
      try {
        String v = params.get(name);
        return v == null ? JSON.nullNode() : JSON.readTree(v);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Returns the {@code ts} the fake answered (posts), or the empty string. */
    public String ts() {
      try {
        return JSON.readTree(answer).path("ts").asText("");
      } catch (IOException e) {
        return "";
      }
    }

    /** Returns every text in the blocks (sections, fields, context, buttons), joined by newlines. */
    public String blockText() {
      List<String> texts = new ArrayList<>();
      json("blocks").findValues("text").forEach(t -> texts.add(t.isTextual() ? t.asText() : t.path("text").asText()));
      return String.join("\n", texts);
    }
  }

  /** How {@link #loseAnswers} loses an answer after the call went through. */
  public enum Lost {
    /** The connection is closed before any answer is sent (a client reads that as a reset or timeout). */
    CONNECTION_DROPPED,
    /** Slack answers {@code ok:false, error:internal_error} although it took the call. */
    INTERNAL_ERROR,
    /**
     * No answer comes for {@link FakeSlackApi#HELD_ANSWER} (any sensible client read timeout is shorter), then
     * the connection is closed.
     */
    TIMED_OUT
  }

  /** A text snippet {@code files.info} knows. */
  private record Snippet(String id, String name, String content) {}

  /**
   * One answer the fake gives.
   *
   * @param status the HTTP status
   * @param headers extra response headers
   * @param body the body
   */
  public record Answer(int status, Map<String, String> headers, String body) {
    /** Copies. */
    public Answer {
      headers = Map.copyOf(headers);
      Objects.requireNonNull(body, "body");
    }

    /** Returns a 429 with {@code Retry-After}. */
    public static Answer rateLimited(int retryAfterSeconds) {
      return new Answer(429, Map.of("Retry-After", Integer.toString(retryAfterSeconds)),
          "{\"ok\":false,\"error\":\"ratelimited\"}");
    }

    /** Returns an HTTP error status with a short body. */
    public static Answer status(int status) {
      return new Answer(status, Map.of(), "upstream trouble");
    }

    /** Returns HTTP 200 with {@code ok:false} and this error. */
    public static Answer error(String error) {
      return new Answer(200, Map.of(), "{\"ok\":false,\"error\":\"" + error + "\"}");
    }

    boolean accepted() {
      return status == 200 && !body.contains("\"ok\":false");
    }
  }
}
