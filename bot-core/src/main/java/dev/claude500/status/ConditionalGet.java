package dev.claude500.status;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One endpoint of the page, fetched with conditional requests: it remembers, per URL, the last
 * body and its {@code ETag} and sends {@code If-None-Match}, so an unchanged page costs a {@code
 * 304} and yields the body remembered. Thread-safe.
 *
 * @param <T> what the endpoint's body maps to
 */
final class ConditionalGet<T> {
  private static final String USER_AGENT = "claude500-status/0.1 (+https://status.claude.com reader)";

  private final String name;
  private final String path;
  private final JsonAnswer<T> answer;
  private final PageHttp http;
  private final Map<URI, Remembered<T>> memory = new ConcurrentHashMap<>();

  /**
   * @param name the endpoint's name in metrics
   * @param path its path under a base URL, e.g. {@code /api/v2/summary.json}
   * @param answer reads its body
   * @param http sends the requests
   */
  ConditionalGet(String name, String path, JsonAnswer<T> answer, PageHttp http) {
    this.name = name;
    this.path = path;
    this.answer = answer;
    this.http = http;
  }

  /** Returns the endpoint's name in metrics. */
  String name() {
    return name;
  }

  /** Returns the endpoint's full URL under {@code base}. */
  URI at(URI base) {
    return URI.create(base.toString().replaceAll("/+$", "") + path);
  }

  /** Fetches the endpoint at {@code url}: a new body, the remembered one on a {@code 304}, or why neither. */
  FetchResult<T> get(URI url) throws FetchProblem {
    Remembered<T> known = memory.get(url);
    HttpRequest.Builder request = HttpRequest.newBuilder(url)
        .timeout(http.requestTimeout())
        .header("Accept", "application/json")
        .header("User-Agent", USER_AGENT)
        .GET();
    if (known != null) {
      request.header("If-None-Match", known.etag());
    }
    HttpResponse<byte[]> response = http.send(request.build());
    int code = response.statusCode();
    if (code == 304) {
      if (known == null) {
        throw new FetchProblem("HTTP 304 though no If-None-Match was sent");
      }
      return new FetchResult.NotModified<>(known.value(), url);
    }
    if (code / 100 != 2) {
      throw new FetchProblem("HTTP " + code);
    }
    T value = answer.read(response.headers(), response.body());
    response.headers().firstValue("ETag").ifPresentOrElse(
        etag -> memory.put(url, new Remembered<>(etag, value)),
        () -> memory.remove(url));
    return new FetchResult.Fetched<>(value, url);
  }

  /** The last body and its ETag at one URL. */
  private record Remembered<T>(String etag, T value) {}
}
