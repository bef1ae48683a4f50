package dev.claude500.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Hosts an {@link EventsEndpoint} on the JDK's HTTP server for the adapter's tests, as the
 * launcher's server hosts it in the bot: the head screened first, then the body read (at most
 * {@link EventsEndpoint#MAX_BODY} bytes are kept; beyond, the endpoint is handed what was kept and
 * answers 413), then the endpoint's answer written.
 */
final class JdkHost implements HttpHandler {
  private final EventsEndpoint endpoint;
  private final Clock clock;

  JdkHost(EventsEndpoint endpoint, Clock clock) {
    this.endpoint = endpoint;
    this.clock = clock;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Instant arrived = clock.instant();
      String from = exchange.getRemoteAddress().getAddress().getHostAddress();
      Optional<EventsEndpoint.Answer> early = endpoint.screen(exchange.getRequestMethod(),
          exchange.getRequestHeaders()::getFirst, from);
      if (early.isPresent()) {
        write(exchange, early.get());
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(EventsEndpoint.MAX_BODY + 1);
        in.transferTo(OutputStream.nullOutputStream()); // a test's own body: the sender sees the answer
      }
      write(exchange, endpoint.answer(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), body, from,
          arrived));
    }
  }

  private static void write(HttpExchange exchange, EventsEndpoint.Answer a) throws IOException {
    exchange.getResponseHeaders().putAll(a.headers());
    byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
    if (a.contentType() != null && bytes.length > 0) {
      exchange.getResponseHeaders().set("Content-Type", a.contentType());
    }
    exchange.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
