package dev.claude500.launcher;

import dev.claude500.testing.SlackSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.IntSupplier;

/** Sends requests to a running service's {@code POST /slack/events}, signed as Slack signs them, or not at all. */
final class SlackEvents {
  private final HttpClient client = HttpClient.newHttpClient();
  private final SlackSigner signer;
  private final IntSupplier port;

  /** Signs with {@code signingSecret}; {@code port} is the service's HTTP port once it runs. */
  SlackEvents(String signingSecret, IntSupplier port) {
    this.signer = new SlackSigner(signingSecret);
    this.port = port;
  }

  /** Posts {@code body}, signed now when {@code sign} is true. */
  HttpResponse<String> post(String body, String contentType, boolean sign) throws IOException, InterruptedException {
    URI events = URI.create("http://127.0.0.1:" + port.getAsInt() + "/slack/events");
    HttpRequest.Builder b = sign ? signer.signedPost(events, body, contentType) : SlackSigner.post(events, body, contentType);
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
