package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.FakeSocketModeServer;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.StatusFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The launcher runs Slack in Socket Mode; /readyz follows the live connection")
class SlackSocketModeServiceTest {
  private static final Duration CONNECT = Duration.ofSeconds(10);
  /** Bolt looks at its connection every 5 s and, when it is gone, opens another. */
  private static final Duration RECONNECT = Duration.ofSeconds(30);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private FakeSlackApi slack;
  private FakeStatusPage page;
  private FakeSocketModeServer ws;
  private Core core;
  private Service service;

  @BeforeEach
  void start() throws Exception {
    slack = FakeSlackApi.start();
    page = FakeStatusPage.start();
    page.serveSummary(FakeStatusPage.Response.json(StatusFixtures.greenSummaryJson()));
    ws = FakeSocketModeServer.begin();
    slack.socketModeUrl(ws.url());
    Map<String, String> env = SlackServiceTest.environment(slack, page);
    env.put("SLACK_APP_TOKEN", "xapp-1-launcher-test");
    core = Core.build(Settings.fromEnvironment(env), Clock.systemUTC());
    service = Service.start(core);
  }

  @AfterEach
  void stop() {
    service.stop();
    core.close();
    ws.close();
    slack.close();
    page.close();
  }

  private HttpResponse<String> readyz() throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + "/readyz"))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> awaitReadyz(int status, Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    HttpResponse<String> r = readyz();
    while (r.statusCode() != status) {
      if (System.nanoTime() > end) {
        throw new AssertionError("/readyz still " + r.statusCode() + " " + r.body().strip() + " after " + timeout);
      }
      Thread.sleep(50);
      r = readyz();
    }
    return r;
  }

  @Test
  void readyzStaysReadyThroughARefreshAndSaysSlackNotConnectedOnlyWhileEveryConnectionIsLost() throws Exception {
    ws.awaitConnections(1, CONNECT);
    assertThat(readyz().body()).isEqualTo("ready\n");

    ws.refresh();
    ws.awaitConnections(2, CONNECT);
    ws.awaitClosed(1, CONNECT);
    HttpResponse<String> refreshed = readyz();
    assertThat(refreshed.statusCode()).as("/readyz after the refresh: %s", refreshed.body()).isEqualTo(200);

    ws.refuse(true);
    ws.dropAll();
    assertThat(awaitReadyz(503, CONNECT).body()).isEqualTo("slack not connected\n");

    ws.refuse(false);
    assertThat(awaitReadyz(200, RECONNECT).body()).isEqualTo("ready\n");
    assertThat(ws.connectionsOpened()).isEqualTo(3);
  }
}
