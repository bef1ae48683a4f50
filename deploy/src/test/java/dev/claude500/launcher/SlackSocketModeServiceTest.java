package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.FakeSocketModeServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The launcher runs Slack in Socket Mode; /readyz follows the live connection")
class SlackSocketModeServiceTest {
  private static final Duration CONNECT = Duration.ofSeconds(10);
  /** Bolt looks at its connection every 5 s and, when it is gone, opens another. */
  private static final Duration RECONNECT = Duration.ofSeconds(30);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  @AutoClose
  private final FakeSocketModeServer ws = FakeSocketModeServer.begin();
  @AutoClose
  private final SlackService running =
      SlackService.start(Map.of("SLACK_APP_TOKEN", "xapp-1-launcher-test"), api -> api.socketModeUrl(ws.url()));
  private final Service service = running.service;

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
