package dev.claude500.status;

import dev.claude500.metrics.BotMetrics;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
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
 * (connection, headers and body) by the request timeout. The work is shared out: {@link PageHttp}
 * sends, {@link ConditionalGet} remembers each endpoint's ETag, {@link JsonAnswer} reads the body;
 * this class tries the URLs in turn, counts and logs.
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

  private final List<URI> baseUrls;
  private final ConditionalGet<Summary> summary;
  private final ConditionalGet<IncidentList> incidents;
  private final ConditionalGet<IncidentList> unresolved;
  private final BotMetrics metrics;
  private final Map<URI, String> lastProblem = new ConcurrentHashMap<>();

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
    Duration attemptTimeout = positive(requestTimeout, "requestTimeout");
    if (maxBodyBytes <= 0) {
      throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
    }
    PageHttp http = new PageHttp(positive(connectTimeout, "connectTimeout"), attemptTimeout, maxBodyBytes);
    this.summary = new ConditionalGet<>("summary", SUMMARY_PATH,
        new JsonAnswer<>(Summary.class, "status", "components"), http);
    this.incidents = new ConditionalGet<>("incidents", INCIDENTS_PATH,
        new JsonAnswer<>(IncidentList.class, "incidents"), http);
    this.unresolved = new ConditionalGet<>("unresolved", UNRESOLVED_PATH,
        new JsonAnswer<>(IncidentList.class, "incidents"), http);
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

  private <T> FetchResult<T> fetch(ConditionalGet<T> endpoint) {
    List<String> problems = new ArrayList<>();
    for (URI base : baseUrls) {
      URI url = endpoint.at(base);
      FetchResult<T> result;
      try {
        result = endpoint.get(url);
      } catch (FetchProblem p) {
        result = new FetchResult.Failed<>(p.getMessage());
      } catch (RuntimeException e) {
        LOG.error("Unexpected fault fetching {}", url, e);
        result = new FetchResult.Failed<>("unexpected " + e);
      }
      metrics.statusFetch(endpoint.name(), resultWord(result));
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

  private void noteProblem(URI url, String reason) {
    String previous = lastProblem.put(url, reason);
    if (reason.equals(previous)) {
      LOG.debug("Status page {} still failing: {}", url, reason);
    } else {
      LOG.warn("Status page {} failed: {}", url, reason);
    }
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

}
