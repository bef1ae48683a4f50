package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.SlackRequests;
import dev.claude500.testing.SlackSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Slack's side of bot processes in HTTP mode: requests signed with the signing secret, sent to a
 * bot's {@code POST /slack/events} (or to several bots at the same instant, as when a retried
 * delivery or a second click reaches another replica), and the fake Slack Web API the bots call.
 */
final class SlackSide {
  private final SlackSigner signer;
  private final FakeSlackApi api;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  SlackSide(String signingSecret, FakeSlackApi api) {
    this.signer = new SlackSigner(signingSecret);
    this.api = api;
  }

  /** Returns the fake Web API. */
  FakeSlackApi api() {
    return api;
  }

  /** Sends a signed request and returns the answer; fails unless it is 200. */
  HttpResponse<String> send(URI events, String body, String contentType) {
    HttpResponse<String> r = join(sendAsync(events, body, contentType));
    assertThat(r.statusCode()).as("answer of %s to %s", events, body).isEqualTo(200);
    return r;
  }

  /** Sends the same signed request to every bot at once; fails unless each answers 200. */
  void sendToAll(List<URI> events, String body, String contentType) {
    List<CompletableFuture<HttpResponse<String>>> sent =
        events.stream().map(e -> sendAsync(e, body, contentType)).toList();
    for (CompletableFuture<HttpResponse<String>> f : sent) {
      assertThat(join(f).statusCode()).isEqualTo(200);
    }
  }

  /** Types {@code /claude500 <text>} in a channel; the bot's answer comes to {@link FakeSlackApi#responseUrl}. */
  void command(URI events, String channel, String text, String triggerId) {
    send(events, SlackRequests.command(channel, "U0ALICE", "alice", text, triggerId, api.responseUrl(triggerId)),
        SlackRequests.FORM);
  }

  private CompletableFuture<HttpResponse<String>> sendAsync(URI events, String body, String contentType) {
    HttpRequest request = signer.signedPost(events, body, contentType).timeout(Duration.ofSeconds(10)).build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> join(CompletableFuture<HttpResponse<String>> f) {
    try {
      return f.join();
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new UncheckedIOException(cause instanceof IOException io ? io : new IOException(cause));
    }
  }
}
