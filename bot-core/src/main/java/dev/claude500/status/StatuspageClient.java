package dev.claude500.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claude500.metrics.BotMetrics;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client for the public Atlassian Statuspage v2 API.
 *
 * <p>Each fetch tries the configured base URLs in order until one answers with JSON of the
 * expected shape, appending {@code /api/v2/...} to each. It remembers the last {@code ETag} and
 * body per URL and sends {@code If-None-Match}, so an unchanged page costs a {@code 304}. Every
 * fault (connection refused, timeout, 4xx/5xx, an HTML challenge page, truncated or garbage JSON,
 * a body over the size limit) is logged once where it is met and returned as {@link
 * FetchResult.Failed}; no method throws. A repeated identical fault is logged at debug level only.
 *
 * <p>Thread-safe: one instance serves all callers. Each attempt at one URL is bounded as a whole
 * (connection, headers and body) by the request timeout.
 */
public final class StatuspageClient {
  /** The setting that lists the base URLs, comma-separated. */
  public static final String STATUS_URL_SETTING = "CLAUDE500_STATUS_URL";

  /** The base URLs used when the setting is absent: the page's own host, then statuspage.io's. */
  public static final List<URI> DEFAULT_BASE_URLS =
      List.of(URI.create("https://status.claude.com"), URI.create("https://anthropic.statuspage.io"));

  /** A sensible connect timeout. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);

  /** A sensible timeout for one attempt at one URL. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

  /** The largest body accepted by default: 5 MiB (a real incidents.json is about 200 KB). */
  public static final int DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

  static final String SUMMARY_PATH = "/api/v2/summary.json";
  static final String INCIDENTS_PATH = "/api/v2/incidents.json";
  static final String UNRESOLVED_PATH = "/api/v2/incidents/unresolved.json";

  private static final Logger LOG = LoggerFactory.getLogger(StatuspageClient.class);
  private static final String USER_AGENT = "claude500-status/0.1 (+https://status.claude.com reader)";

  private final List<URI> baseUrls;
  private final Duration requestTimeout;
  private final int maxBodyBytes;
  private final HttpClient http;
  private final Endpoint<Summary> summary =
      new Endpoint<>("summary", SUMMARY_PATH, Summary.class, "status", "components");
  private final Endpoint<IncidentList> incidents =
      new Endpoint<>("incidents", INCIDENTS_PATH, IncidentList.class, "incidents");
  private final Endpoint<IncidentList> unresolved =
      new Endpoint<>("unresolved", UNRESOLVED_PATH, IncidentList.class, "incidents");
  private final BotMetrics metrics;
  private final Map<URI, String> lastProblem = new ConcurrentHashMap<>();

  /**
   * Creates a client with the default body limit.
   *
   * @param baseUrls the page's base URLs, tried in order (see {@link #parseBaseUrls(String)})
   * @param connectTimeout how long to wait for a connection
   * @param requestTimeout how long one attempt at one URL may take in all
   */
  public StatuspageClient(List<URI> baseUrls, Duration connectTimeout, Duration requestTimeout) {
    this(baseUrls, connectTimeout, requestTimeout, DEFAULT_MAX_BODY_BYTES);
  }

  /**
   * Creates a client.
   *
   * @param baseUrls the page's base URLs, tried in order (see {@link #parseBaseUrls(String)})
   * @param connectTimeout how long to wait for a connection
   * @param requestTimeout how long one attempt at one URL may take in all
   * @param maxBodyBytes the largest body accepted; a longer one is a failure
   */
  public StatuspageClient(
      List<URI> baseUrls, Duration connectTimeout, Duration requestTimeout, int maxBodyBytes) {
    this(baseUrls, connectTimeout, requestTimeout, maxBodyBytes, BotMetrics.none());
  }

  /**
   * Creates a client that counts every attempt at a URL on {@code metrics} by its result.
   *
   * @param baseUrls the page's base URLs, tried in order (see {@link #parseBaseUrls(String)})
   * @param connectTimeout how long to wait for a connection
   * @param requestTimeout how long one attempt at one URL may take in all
   * @param maxBodyBytes the largest body accepted; a longer one is a failure
   * @param metrics where fetches are counted
   */
  public StatuspageClient(List<URI> baseUrls, Duration connectTimeout, Duration requestTimeout,
      int maxBodyBytes, BotMetrics metrics) {
    Objects.requireNonNull(baseUrls, "baseUrls");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    if (baseUrls.isEmpty()) {
      throw new IllegalArgumentException("baseUrls must not be empty");
    }
    this.baseUrls = baseUrls.stream().map(StatuspageClient::checkedBaseUrl).toList();
    this.requestTimeout = positive(requestTimeout, "requestTimeout");
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
    }
    this.maxBodyBytes = maxBodyBytes;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(positive(connectTimeout, "connectTimeout"))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /**
   * Returns the base URLs a {@value #STATUS_URL_SETTING} value names: comma-separated absolute
   * http(s) URLs, blanks ignored; {@link #DEFAULT_BASE_URLS} when the value is null or blank.
   *
   * @throws IllegalArgumentException naming the setting when a URL is not usable
   */
  public static List<URI> parseBaseUrls(String setting) {
    if (setting == null || setting.isBlank()) {
      return DEFAULT_BASE_URLS;
    }
    List<URI> urls = new ArrayList<>();
    for (String part : setting.split(",")) {
      String text = part.trim();
      if (text.isEmpty()) {
        continue;
      }
      try {
        urls.add(checkedBaseUrl(new URI(text)));
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw new IllegalArgumentException(
            STATUS_URL_SETTING + ": '" + text + "' is not an absolute http(s) URL", e);
      }
    }
    if (urls.isEmpty()) {
      throw new IllegalArgumentException(STATUS_URL_SETTING + ": no URL in '" + setting + "'");
    }
    return List.copyOf(urls);
  }

  /** Returns the base URLs this client tries, in order. */
  public List<URI> baseUrls() {
    return baseUrls;
  }

  /** Fetches {@code /api/v2/summary.json}: components, unresolved incidents, maintenances, status. */
  public FetchResult<Summary> fetchSummary() {
    return fetch(summary);
  }

  /** Fetches {@code /api/v2/incidents.json}: the 50 most recent incidents, resolved included. */
  public FetchResult<IncidentList> fetchIncidents() {
    return fetch(incidents);
  }

  /** Fetches {@code /api/v2/incidents/unresolved.json}: the incidents still open. */
  public FetchResult<IncidentList> fetchUnresolvedIncidents() {
    return fetch(unresolved);
  }

  private <T> FetchResult<T> fetch(Endpoint<T> endpoint) {
    List<String> problems = new ArrayList<>();
    for (URI base : baseUrls) {
      URI url = URI.create(base.toString().replaceAll("/+$", "") + endpoint.path);
      FetchResult<T> result;
      try {
        result = attempt(endpoint, url);
      } catch (Problem p) {
        result = new FetchResult.Failed<>(p.getMessage());
      } catch (RuntimeException e) {
        LOG.error("Unexpected fault fetching {}", url, e);
        result = new FetchResult.Failed<>("unexpected " + e);
      }
      metrics.statusFetch(endpoint.name, resultWord(result));
      if (!(result instanceof FetchResult.Failed<T> failed)) {
        if (lastProblem.remove(url) != null) {
          LOG.info("Status page {} answers again", url);
        }
        return result;
      }
      noteProblem(url, failed.reason());
      problems.add(url + ": " + failed.reason());
    }
    return new FetchResult.Failed<>(String.join("; ", problems));
  }

  private static String resultWord(FetchResult<?> result) {
    if (result instanceof FetchResult.Fetched) {
      return "200";
    }
    return result instanceof FetchResult.NotModified ? "304" : "error";
  }

  private <T> FetchResult<T> attempt(Endpoint<T> endpoint, URI url) throws Problem {
    Remembered<T> known = endpoint.memory.get(url);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(requestTimeout)
            .header("Accept", "application/json")
            .header("User-Agent", USER_AGENT)
            .GET();
    if (known != null) {
      request.header("If-None-Match", known.etag);
    }
    HttpResponse<byte[]> response = send(request.build());
    int code = response.statusCode();
    if (code == 304) {
      if (known == null) {
        throw new Problem("HTTP 304 though no If-None-Match was sent");
      }
      return new FetchResult.NotModified<>(known.value, url);
    }
    if (code / 100 != 2) {
      throw new Problem("HTTP " + code);
    }
    T value = endpoint.parse(response);
    response
        .headers()
        .firstValue("ETag")
        .ifPresentOrElse(
            etag -> endpoint.memory.put(url, new Remembered<>(etag, value)),
            () -> endpoint.memory.remove(url));
    return new FetchResult.Fetched<>(value, url);
  }

  private HttpResponse<byte[]> send(HttpRequest request) throws Problem {
    CompletableFuture<HttpResponse<byte[]>> future;
    try {
      future = http.sendAsync(request, this::bodyFor);
    } catch (IllegalArgumentException | SecurityException e) {
      throw new Problem("cannot send: " + e.getMessage());
    }
    try {
      return future.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new Problem("no complete answer within " + millis(requestTimeout));
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new Problem("interrupted");
    } catch (ExecutionException e) {
      throw new Problem(describe(e.getCause()));
    }
  }

  private HttpResponse.BodySubscriber<byte[]> bodyFor(HttpResponse.ResponseInfo info) {
    // Error pages and HTML challenges are judged by status and headers alone: never read them.
    if (info.statusCode() / 100 != 2 || isHtml(info.headers())) {
      return LimitedBodySubscriber.discarding();
    }
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    return LimitedBodySubscriber.upTo(maxBodyBytes, declared);
  }

  private String describe(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof HttpConnectTimeoutException) {
        return "no connection within the connect timeout";
      }
      if (t instanceof HttpTimeoutException) {
        return "no answer within " + millis(requestTimeout);
      }
      if (t instanceof LimitedBodySubscriber.TooLarge) {
        return t.getMessage();
      }
      if (t instanceof ConnectException) {
        return "connection refused or unreachable";
      }
      if (t instanceof UnknownHostException) {
        return "unknown host";
      }
      if (t instanceof SSLException) {
        return "TLS failure: " + t.getMessage();
      }
    }
    String message = error == null ? null : error.getMessage();
    String kind = error == null ? "unknown error" : error.getClass().getSimpleName();
    return message == null ? kind : kind + ": " + message;
  }

  private void noteProblem(URI url, String reason) {
    String previous = lastProblem.put(url, reason);
    if (reason.equals(previous)) {
      LOG.debug("Status page {} still failing: {}", url, reason);
    } else {
      LOG.warn("Status page {} failed: {}", url, reason);
    }
  }

  static boolean isHtml(HttpHeaders headers) {
    return headers
        .firstValue("Content-Type")
        .map(t -> t.toLowerCase(Locale.ROOT).contains("html"))
        .orElse(false);
  }

  private static URI checkedBaseUrl(URI url) {
    Objects.requireNonNull(url, "base URL");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https"))
        || url.getHost() == null
        || url.getQuery() != null
        || url.getFragment() != null) {
      throw new IllegalArgumentException("not an absolute http(s) base URL: " + url);
    }
    return url;
  }

  private static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d);
    }
    return d;
  }

  private static String millis(Duration d) {
    return d.toMillis() + " ms";
  }

  /** The last body and its ETag at one URL. */
  private record Remembered<T>(String etag, T value) {}

  /** One endpoint: where it lives, what it parses into, what a valid answer must contain. */
  private static final class Endpoint<T> {
    final String name;
    final String path;
    final Class<T> type;
    final List<String> required;
    final Map<URI, Remembered<T>> memory = new ConcurrentHashMap<>();

    Endpoint(String name, String path, Class<T> type, String... required) {
      this.name = name;
      this.path = path;
      this.type = type;
      this.required = List.of(required);
    }

    T parse(HttpResponse<byte[]> response) throws Problem {
      if (isHtml(response.headers())) {
        throw new Problem("HTML instead of JSON (a browser challenge?)");
      }
      byte[] body = response.body();
      int first = firstNonBlank(body);
      if (first < 0) {
        throw new Problem("empty body");
      }
      if (body[first] == '<') {
        throw new Problem("HTML instead of JSON (a browser challenge?)");
      }
      JsonNode tree;
      try {
        tree = StatusJson.mapper().readTree(body);
      } catch (IOException e) {
        throw new Problem("invalid JSON: " + oneLine(e.getMessage()));
      }
      List<String> missing =
          required.stream().filter(f -> tree == null || !tree.path(f).isContainerNode()).toList();
      if (!missing.isEmpty()) {
        throw new Problem("JSON without " + String.join(", ", missing) + ": not a Statuspage answer");
      }
      try {
        return StatusJson.mapper().treeToValue(tree, type);
      } catch (IOException | IllegalArgumentException e) {
        throw new Problem("unexpected JSON: " + oneLine(e.getMessage()));
      }
    }

    private static int firstNonBlank(byte[] body) {
      int i = 0;
      // Skip a UTF-8 byte-order mark.
      if (body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF) {
        i = 3;
      }
      for (; i < body.length; i++) {
        if (!Character.isWhitespace(body[i])) {
          return i;
        }
      }
      return -1;
    }

    private static String oneLine(String message) {
      if (message == null) {
        return "(no detail)";
      }
      String line = message.lines().findFirst().orElse("");
      return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
  }

  /** One attempt's failure, turned into {@link FetchResult.Failed} by {@link #fetch}. */
  private static final class Problem extends Exception {
    Problem(String reason) {
      super(reason, null, false, false);
    }
  }
}
