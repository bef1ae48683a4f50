package dev.claude500.bench;

import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.SlackRequests;
import dev.claude500.testing.SlackSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests to the service as Slack sends them: slash commands to {@code POST /slack/events},
 * form-encoded and signed with the signing secret, each with a trigger id of its own and a {@code
 * response_url} on the fake Slack; and the bare {@code GET /healthz} to compare them with.
 * Thread-safe.
 */
final class SlackClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();
  private final URI events;
  private final URI healthz;
  private final SlackSigner signer;
  private final FakeSlackApi slack;
  private final AtomicLong triggers = new AtomicLong();
  private final String run = Long.toString(System.currentTimeMillis(), 36);

  SlackClient(URI base, String signingSecret, FakeSlackApi slack) {
    this.events = base.resolve("/slack/events");
    this.healthz = base.resolve("/healthz");
    this.signer = new SlackSigner(signingSecret);
    this.slack = slack;
  }

  /** What the service answered and how long it took, from sending the request to reading the whole answer. */
  record Answer(int status, String body, long nanos) {
    /** Returns true for a 200 whose body is not the "busy" refusal. */
    boolean acknowledged() {
      return status == 200 && !body.contains("busy right now");
    }
  }

  /** Returns a signed {@code /claude500 <text>} typed by {@code user} in {@code channel}. */
  HttpRequest command(String channel, String user, String text) {
    String trigger = "bench-" + run + "-" + triggers.incrementAndGet();
    String form = SlackRequests.command(channel, user, user.toLowerCase(Locale.ROOT), text, trigger,
        slack.responseUrl(trigger));
    return signer.signedPost(events, form, SlackRequests.FORM).timeout(TIMEOUT).build();
  }

  /** Returns {@code GET /healthz}. */
  HttpRequest healthz() {
    return HttpRequest.newBuilder(healthz).timeout(TIMEOUT).build();
  }

  /** Sends a request and waits for the whole answer. */
  Answer send(HttpRequest request) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body(), System.nanoTime() - t0);
  }

  /** Sends a request without waiting; the answer's time runs from this call. */
  CompletableFuture<Answer> sendAsync(HttpRequest request) {
    long t0 = System.nanoTime();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(r -> new Answer(r.statusCode(), r.body(), System.nanoTime() - t0));
  }

  /** Sends a signed slash command and fails unless the service acknowledged it. */
  Answer expectAck(String channel, String user, String text) throws IOException, InterruptedException {
    Answer a = send(command(channel, user, text));
    if (!a.acknowledged()) {
      throw new IOException("/claude500 " + text + " in " + channel + " was answered " + a.status() + " " + a.body());
    }
    return a;
  }
}
