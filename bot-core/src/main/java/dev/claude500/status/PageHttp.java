package dev.claude500.status;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Sends the client's requests: each bounded as a whole (connection, headers and body) by the
 * request timeout, a body read only when it may be JSON and only up to the size limit, and every
 * failure described in a few words as a {@link FetchProblem}. Its HTTP client is made at the
 * first request: making one sets up TLS, close to half a second of a start-up that needs no page
 * read before it answers. Thread-safe.
 */
final class PageHttp {
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final int maxBodyBytes;
  private volatile HttpClient http;

  PageHttp(Duration connectTimeout, Duration requestTimeout, int maxBodyBytes) {
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Returns true once the HTTP client has been made (at the first request). */
  boolean clientMade() {
    return http != null;
  }

  /** Returns how long one request may take in all. */
  Duration requestTimeout() {
    return requestTimeout;
  }

  /** Sends {@code request} and returns the whole answer, or says why there is none. */
  HttpResponse<byte[]> send(HttpRequest request) throws FetchProblem {
    CompletableFuture<HttpResponse<byte[]>> future;
    try {
      future = client().sendAsync(request, this::bodyFor);
    } catch (IllegalArgumentException | SecurityException e) {
      throw new FetchProblem("cannot send: " + e.getMessage());
    }
    try {
      return future.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new FetchProblem("no complete answer within " + millis(requestTimeout));
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new FetchProblem("interrupted");
    } catch (ExecutionException e) {
      throw new FetchProblem(describe(e.getCause()));
    }
  }

  private HttpClient client() throws FetchProblem {
    HttpClient made = http;
    if (made != null) {
      return made;
    }
    synchronized (this) {
      if (http == null) {
        try {
          http = HttpClient.newBuilder()
              .connectTimeout(connectTimeout)
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build();
        } catch (RuntimeException e) { // no TLS context: the JDK's set-up is broken
          throw new FetchProblem("cannot make an HTTP client: " + e);
        }
      }
      return http;
    }
  }

  /** Returns true when the answer says it is HTML (an error page or a browser challenge). */
  static boolean isHtml(HttpHeaders headers) {
    return headers
        .firstValue("Content-Type")
        .map(t -> t.toLowerCase(Locale.ROOT).contains("html"))
        .orElse(false);
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

  private static String millis(Duration d) {
    return d.toMillis() + " ms";
  }
}
