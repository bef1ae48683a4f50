package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claude500.testing.ProxiedDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ServiceTest {
  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A service on a fresh in-memory store, no platform, a status page that does not answer. */
  private static Settings settings() {
    return Settings.fromEnvironment(Map.of(
        "CLAUDE500_HTTP_PORT", "0",
        "CLAUDE500_STATUS_URL", "http://127.0.0.1:1",
        "CLAUDE500_DB_URL", "jdbc:h2:mem:service-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
  }

  @Test
  void healthAndReadinessAnswerAndReadinessFollowsTheStore() throws Exception {
    try (Core core = Core.build(settings(), Clock.systemUTC())) {
      Service service = Service.start(core);
      try {
        int port = service.httpPort();
        assertThat(get(port, "/healthz").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = get(port, "/readyz");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("ready\n");
        core.store.close();
        HttpResponse<String> notReady = get(port, "/readyz");
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).contains("store unreachable");
      } finally {
        service.stop();
      }
    }
  }

  @Test
  void stoppingClosesTheHttpPortFirstAndAgainIsHarmless() throws Exception {
    try (Core core = Core.build(settings(), Clock.systemUTC())) {
      Service service = Service.start(core);
      int port = service.httpPort();
      assertThat(get(port, "/healthz").statusCode()).isEqualTo(200);

      service.stop();
      service.stop();

      assertThatThrownBy(() -> get(port, "/healthz")).isInstanceOf(java.net.ConnectException.class);
      assertThat(service.notReady()).contains("stopping");
    }
  }

  @Test
  void readinessSaysWhenTheDatabaseIsAwayAndRecoversWithoutARestart() throws Exception {
    try (ProxiedDatabase db = ProxiedDatabase.h2()) {
      Settings settings = Settings.fromEnvironment(Map.of(
          "CLAUDE500_HTTP_PORT", "0",
          "CLAUDE500_STATUS_URL", "http://127.0.0.1:1",
          "CLAUDE500_DB_URL", db.url(),
          "CLAUDE500_DB_USER", db.user()));
      try (Core core = Core.build(settings, Clock.systemUTC())) {
        Service service = Service.start(core);
        try {
          int port = service.httpPort();
          assertThat(get(port, "/readyz").statusCode()).isEqualTo(200);

          db.cut();
          HttpResponse<String> away = get(port, "/readyz");
          assertThat(away.statusCode()).isEqualTo(503);
          assertThat(away.body()).isEqualTo("store unreachable\n");
          assertThat(get(port, "/healthz").statusCode()).as("alive all the same").isEqualTo(200);

          db.restore(core.store);
          assertThat(get(port, "/readyz").statusCode()).isEqualTo(200);
        } finally {
          service.stop();
        }
      }
    }
  }
}
