package dev.claude500.bench;

import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.FakeStatusPage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The service in Slack HTTP mode as a process of the real jar, wired to a loopback fake Slack
 * ({@code SLACK_API_URL}) and a loopback fake status page ({@code CLAUDE500_STATUS_URL}), its
 * store the default H2 file in its own directory; and the signed requests that reach it.
 */
final class ServiceRig implements AutoCloseable {
  /** The signing secret the service checks requests with. */
  static final String SIGNING_SECRET = "bench-signing-secret";
  /** The path word of the service's status-page webhook ({@code CLAUDE500_WEBHOOK_TOKEN}). */
  static final String WEBHOOK_TOKEN = "bench-webhook-token-0123456789";
  /** How long the service may take to become healthy. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  final FakeSlackApi slack;
  final FakeStatusPage page;
  final ServiceProcess service;
  final SlackClient requests;
  final Duration pollInterval;
  final Duration startedIn;

  private ServiceRig(FakeSlackApi slack, FakeStatusPage page, ServiceProcess service, Duration pollInterval,
      Duration startedIn) {
    this.slack = slack;
    this.page = page;
    this.service = service;
    this.pollInterval = pollInterval;
    this.startedIn = startedIn;
    this.requests = new SlackClient(service.base(), SIGNING_SECRET, slack);
  }

  /**
   * Starts the fakes, shows the page before the trial incidents, starts the service in {@code dir}
   * (its JVM with options {@code jvm}) and waits until it is healthy.
   */
  static ServiceRig start(Path jar, Path dir, Duration pollInterval, TrialIncidents trials, List<String> jvm)
      throws Exception {
    FakeSlackApi slack = FakeSlackApi.start();
    FakeStatusPage page = FakeStatusPage.start();
    ServiceProcess service = null;
    try {
      TrialIncidents.serve(page, trials.before(), Duration.ZERO);
      service = ServiceProcess.start(jar, dir, environment(slack, page, pollInterval), jvm);
      Duration healthy = service.awaitHealthy(START_TIMEOUT);
      return new ServiceRig(slack, page, service, pollInterval, healthy);
    } catch (Exception e) {
      if (service != null) {
        service.close();
      }
      slack.close();
      page.close();
      throw e;
    }
  }

  /** Returns the settings of a service in Slack HTTP mode on these fakes. */
  static Map<String, String> environment(FakeSlackApi slack, FakeStatusPage page, Duration pollInterval) {
    return Map.of(
        "CLAUDE500_STATUS_URL", page.baseUrl().toString(),
        "CLAUDE500_POLL_INTERVAL", Long.toString(pollInterval.toSeconds()),
        "SLACK_BOT_TOKEN", "xoxb-bench",
        "SLACK_SIGNING_SECRET", SIGNING_SECRET,
        "SLACK_API_URL", slack.apiUrl(),
        "CLAUDE500_WEBHOOK_TOKEN", WEBHOOK_TOKEN);
  }

  /**
   * Calls the service's status-page webhook as the page would after an incident changed: the call
   * only wakes the poller, which reads the page at once.
   *
   * @throws IOException when the service does not answer 200
   */
  void pokeWebhook(String incidentId) throws IOException, InterruptedException {
    String body = "{\"meta\":{\"unsubscribe\":\"\",\"documentation\":\"\"},"
        + "\"page\":{\"id\":\"bench\",\"status_indicator\":\"major\",\"status_description\":\"\"},"
        + "\"incident\":{\"id\":\"" + incidentId + "\",\"status\":\"investigating\"}}";
    int status = service.postJson("/statuspage/webhook/" + WEBHOOK_TOKEN, body);
    if (status != 200) {
      throw new IOException("the status-page webhook answered " + status);
    }
  }

  /**
   * Subscribes channels to every incident with {@code /claude500 subscribe}, as a channel owner
   * would, and waits until each was answered.
   */
  void subscribe(List<String> channels, Duration timeout) throws IOException, InterruptedException {
    int before = slack.calls("response_url").size();
    for (String channel : channels) {
      requests.expectAck(channel, "U0OWNER", "subscribe");
    }
    List<FakeSlackApi.Call> answers = slack.awaitCount("response_url", before + channels.size(), timeout);
    for (FakeSlackApi.Call a : answers.subList(before, answers.size())) {
      if (!a.body().toLowerCase(java.util.Locale.ROOT).contains("subscribed")) {
        throw new IOException("a subscription was answered: " + a.body());
      }
    }
  }

  /** Returns the resident memory of the service, in bytes. */
  long residentBytes() throws IOException {
    return service.residentBytes();
  }

  @Override
  public void close() {
    service.close();
    slack.close();
    page.close();
  }
}
