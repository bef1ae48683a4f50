package dev.claude500.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback Statuspage for tests: a real HTTP server on {@code 127.0.0.1} and a free port that
 * answers {@link #SUMMARY}, {@link #INCIDENTS} and {@link #UNRESOLVED} (or any path) with whatever
 * the test set, and records every request.
 *
 * <p>Point a client at it with {@link #baseUrl()} (e.g. as {@code CLAUDE500_STATUS_URL}). A {@link
 * Response} is raw bytes with a status, a content type, an optional {@code ETag} (a request whose
 * {@code If-None-Match} matches gets {@code 304}), and optional stalls before the headers or the
 * body. {@link #servePage(StatusPageHistory.PageState)} serves the Anthropic page as it stood at an
 * instant of its real history, for replay tests. Paths not set answer {@code 404}.
 *
 * <pre>{@code
 * try (FakeStatusPage page = FakeStatusPage.start()) {
 *   page.serve(FakeStatusPage.SUMMARY, Response.json(StatusFixtures.redSummaryJson()).withEtag("\"v1\""));
 *   // ... run the code under test against page.baseUrl() ...
 *   assertThat(page.requestCount(FakeStatusPage.SUMMARY)).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>Thread-safe: responses may be changed while requests are served; each request sees either the
 * old or the new response. {@link #close()} stops the server and interrupts stalled answers.
 */
public final class FakeStatusPage implements AutoCloseable {
  /** The summary's path. */
  public static final String SUMMARY = "/api/v2/summary.json";
  /** The recent incidents' path. */
  public static final String INCIDENTS = "/api/v2/incidents.json";
  /** The unresolved incidents' path. */
  public static final String UNRESOLVED = "/api/v2/incidents/unresolved.json";

  private final HttpServer server;
  private final ExecutorService threads;
  private final Map<String, Response> responses = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();

  private FakeStatusPage(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /** Starts a fake page on a free loopback port, serving nothing yet (every path answers 404). */
  public static FakeStatusPage start() {
    AtomicInteger n = new AtomicInteger();
    ExecutorService threads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "fake-status-page-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setExecutor(threads);
      FakeStatusPage page = new FakeStatusPage(server, threads);
      server.createContext("/", page::handle);
      server.start();
      return page;
    } catch (IOException e) {
      threads.shutdownNow();
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the base URL to give a client, e.g. {@code http://127.0.0.1:54321}, no trailing slash. */
  public URI baseUrl() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
  }

  /** Sets the answer for one path (e.g. {@link #SUMMARY}); returns this page. */
  public FakeStatusPage serve(String path, Response response) {
    responses.put(Objects.requireNonNull(path, "path"), Objects.requireNonNull(response, "response"));
    return this;
  }

  /** Sets the answer for {@link #SUMMARY}; returns this page. */
  public FakeStatusPage serveSummary(Response response) {
    return serve(SUMMARY, response);
  }

  /** Sets the answer for {@link #INCIDENTS}; returns this page. */
  public FakeStatusPage serveIncidents(Response response) {
    return serve(INCIDENTS, response);
  }

  /** Sets the answer for {@link #UNRESOLVED}; returns this page. */
  public FakeStatusPage serveUnresolved(Response response) {
    return serve(UNRESOLVED, response);
  }

  /** Sets the same answer for all three Statuspage paths (e.g. a 503 or an HTML challenge). */
  public FakeStatusPage serveEverywhere(Response response) {
    return serve(SUMMARY, response).serve(INCIDENTS, response).serve(UNRESOLVED, response);
  }

  /**
   * Serves the page as it stood at one instant (see {@link StatusPageHistory#at}) on all three
   * paths, each with a weak {@code ETag} derived from its bytes, so an unchanged page answers 304.
   */
  public FakeStatusPage servePage(StatusPageHistory.PageState state) {
    serve(SUMMARY, Response.json(state.summaryJson()).withEtag(etagOf(state.summaryJson())));
    serve(INCIDENTS, Response.json(state.incidentsJson()).withEtag(etagOf(state.incidentsJson())));
    return serve(UNRESOLVED, Response.json(state.unresolvedJson()).withEtag(etagOf(state.unresolvedJson())));
  }

  /** Forgets the answer for a path; it answers 404 again. */
  public FakeStatusPage clear(String path) {
    responses.remove(path);
    return this;
  }

  /** Returns how many requests reached this path (304s and stalled ones included). */
  public int requestCount(String path) {
    AtomicInteger count = counts.get(path);
    return count == null ? 0 : count.get();
  }

  /** Returns how many requests reached any path. */
  public int totalRequests() {
    return requests.size();
  }

  /** Returns the requests to a path, oldest first. */
  public List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  /** Returns the most recent request to a path, if any. */
  public Optional<Request> lastRequest(String path) {
    List<Request> to = requests(path);
    return to.isEmpty() ? Optional.empty() : Optional.of(to.get(to.size() - 1));
  }

  /** Forgets the counts and recorded requests (the answers stay). */
  public void resetRequests() {
    counts.clear();
    requests.clear();
  }

  /** Stops the server at once and interrupts any answer still stalling. */
  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  /** Returns a weak ETag for these bytes, as Statuspage sends them. */
  public static String etagOf(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "W/\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      Request request = Request.of(exchange.getRequestMethod(), path, exchange.getRequestHeaders());
      counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      requests.add(request);
      Response response = responses.getOrDefault(path, Response.NOT_FOUND);
      if (!pause(response.delay())) {
        return;
      }
      Headers headers = exchange.getResponseHeaders();
      if (response.etag() != null) {
        headers.set("ETag", response.etag());
        if (matches(request.header("If-None-Match"), response.etag())) {
          exchange.sendResponseHeaders(304, -1);
          return;
        }
      }
      if (response.contentType() != null) {
        headers.set("Content-Type", response.contentType());
      }
      byte[] body = response.body();
      boolean noBody = body.length == 0 || response.status() == 204 || "HEAD".equals(request.method());
      exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.chunked() ? 0 : body.length);
      if (noBody || !pause(response.bodyDelay())) {
        return;
      }
      OutputStream out = exchange.getResponseBody();
      out.write(body);
      out.flush();
    } catch (IOException e) {
      // The client went away (a timeout, a cancelled oversized body): nothing to answer.
    }
  }

  private static boolean pause(Duration delay) {
    if (delay.isZero()) {
      return true;
    }
    try {
      Thread.sleep(delay.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static boolean matches(Optional<String> ifNoneMatch, String etag) {
    if (ifNoneMatch.isEmpty()) {
      return false;
    }
    String wanted = weak(etag);
    return Arrays.stream(ifNoneMatch.get().split(","))
        .map(String::trim)
        .anyMatch(tag -> tag.equals("*") || weak(tag).equals(wanted));
  }

  private static String weak(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }

  /**
   * One answer the fake gives.
   *
   * @param status the HTTP status
   * @param contentType the {@code Content-Type}, or null for none
   * @param body the body's bytes (sent as they are, so they may be truncated or garbage)
   * @param etag the {@code ETag} to send and to honour in {@code If-None-Match}, or null
   * @param delay how long to stall before sending the headers
   * @param bodyDelay how long to stall after the headers, before the body
   * @param chunked whether to send the body chunked, without a {@code Content-Length}
   */
  public record Response(
      int status,
      String contentType,
      byte[] body,
      String etag,
      Duration delay,
      Duration bodyDelay,
      boolean chunked) {
    static final Response NOT_FOUND = text(404, "not found");

    /** Validates and copies. */
    public Response {
      if (status < 100 || status > 999) {
        throw new IllegalArgumentException("status out of range: " + status);
      }
      body = body == null ? new byte[0] : body.clone();
      delay = delay == null ? Duration.ZERO : delay;
      bodyDelay = bodyDelay == null ? Duration.ZERO : bodyDelay;
    }

    /** Returns a 200 with these JSON bytes. */
    public static Response json(byte[] body) {
      return new Response(200, "application/json; charset=utf-8", body, null, null, null, false);
    }

    /** Returns a 200 with this JSON text. */
    public static Response json(String body) {
      return json(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns a 200 with this HTML, as a browser challenge page answers. */
    public static Response html(String body) {
      return new Response(200, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), null, null, null, false);
    }

    /** Returns a browser-challenge page of the kind that has stood in front of the status page. */
    public static Response challengePage() {
      return html(
          "<!DOCTYPE html><html><head><title>Just a moment...</title></head>"
              + "<body><noscript>Enable JavaScript and cookies to continue</noscript></body></html>");
    }

    /** Returns an answer with this status and plain-text body. */
    public static Response text(int status, String body) {
      return new Response(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8), null, null, null, false);
    }

    /** Returns an answer with this status and no body. */
    public static Response status(int status) {
      return new Response(status, null, null, null, null, null, false);
    }

    /** Returns this answer with an {@code ETag}. */
    public Response withEtag(String tag) {
      return new Response(status, contentType, body, tag, delay, bodyDelay, chunked);
    }

    /** Returns this answer with a different status. */
    public Response withStatus(int code) {
      return new Response(code, contentType, body, etag, delay, bodyDelay, chunked);
    }

    /** Returns this answer with a different content type (null for none). */
    public Response withContentType(String type) {
      return new Response(status, type, body, etag, delay, bodyDelay, chunked);
    }

    /** Returns this answer stalled before its headers. */
    public Response withDelay(Duration stall) {
      return new Response(status, contentType, body, etag, stall, bodyDelay, chunked);
    }

    /** Returns this answer stalled between its headers and its body. */
    public Response withBodyDelay(Duration stall) {
      return new Response(status, contentType, body, etag, delay, stall, chunked);
    }

    /** Returns this answer sent chunked, so the client cannot know its length beforehand. */
    public Response chunkedBody() {
      return new Response(status, contentType, body, etag, delay, bodyDelay, true);
    }

    /** Returns this answer with only its first {@code length} bytes, as a cut connection leaves it. */
    public Response truncatedTo(int length) {
      return new Response(status, contentType, Arrays.copyOf(body, Math.min(length, body.length)), etag, delay, bodyDelay, chunked);
    }

    @Override
    public byte[] body() {
      return body.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Response r
          && status == r.status
          && chunked == r.chunked
          && Objects.equals(contentType, r.contentType)
          && Arrays.equals(body, r.body)
          && Objects.equals(etag, r.etag)
          && delay.equals(r.delay)
          && bodyDelay.equals(r.bodyDelay);
    }

    @Override
    public int hashCode() {
      return Objects.hash(status, contentType, Arrays.hashCode(body), etag, delay, bodyDelay, chunked);
    }

    @Override
    public String toString() {
      return "Response[" + status + " " + contentType + ", " + body.length + " bytes, etag " + etag
          + ", delay " + delay + ", bodyDelay " + bodyDelay + (chunked ? ", chunked]" : "]");
    }
  }

  /**
   * One request the fake received.
   *
   * @param method the HTTP method
   * @param path the path, without query
   * @param headers the headers, names in lower case
   */
  public record Request(String method, String path, Map<String, List<String>> headers) {
    /** Copies the headers. */
    public Request {
      headers = Map.copyOf(headers);
    }

    static Request of(String method, String path, Headers raw) {
      Map<String, List<String>> headers = new TreeMap<>();
      raw.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
      return new Request(method, path, headers);
    }

    /** Returns the first value of a header (any case), if it was sent. */
    public Optional<String> header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
  }
}
