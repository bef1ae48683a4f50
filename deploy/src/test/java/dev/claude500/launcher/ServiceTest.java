package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claude500.testing.DiskFaults;
import dev.claude500.testing.FaultDrill;
import dev.claude500.testing.ProxiedDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
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
          untilReadiness(port, 503, "store unreachable\n");
          assertThat(get(port, "/healthz").statusCode()).as("alive all the same").isEqualTo(200);

          db.restore(core.store);
          untilReadiness(port, 200, "ready\n");
        } finally {
          service.stop();
        }
      }
    }
  }

  @Test
  @DisplayName("H2 data files read-only for 10 s: /readyz says so meanwhile, and ready again soon after, without a restart")
  @SuppressWarnings("try") // the resource is the fault: held, not used
  void readinessSaysWhileTheH2FilesAreReadOnly() throws Exception {
    Path dir = Paths.get("target", "service-readonly-" + UUID.randomUUID()).toAbsolutePath();
    DiskFaults.requireImmutableFiles(dir);
    try (Core core = Core.build(settingsOnH2File(dir), Clock.systemUTC())) {
      Service service = Service.start(core);
      try {
        int port = service.httpPort();
        FaultDrill.writeBefore(core.store);
        untilReadiness(port, 200, "ready\n");

        try (DiskFaults.Immutable files = DiskFaults.immutable(dir)) {
          FaultDrill.writesFailThroughout(core.store, FaultDrill.FAULT);
          HttpResponse<String> during = get(port, "/readyz");
          assertThat(during.statusCode()).isEqualTo(503);
          assertThat(during.body()).isEqualTo("store read-only\n");
          assertThat(get(port, "/healthz").statusCode()).as("alive all the same").isEqualTo(200);
        }
        Duration back = untilReadiness(port, 200, "ready\n");

        System.out.printf("/readyz ready %d ms after the H2 files were writable again%n", back.toMillis());
        FaultDrill.everyWriteSucceedsAndNothingWasLost(core.store);
      } finally {
        service.stop();
      }
    }
  }

  @Test
  @DisplayName("A full disk under the H2 file (a filled tmpfs): /readyz says so meanwhile, and ready again soon after space is freed")
  void readinessSaysWhileTheDiskIsFull() throws Exception {
    try (DiskFaults.Tmpfs disk = DiskFaults.tmpfs(Paths.get("target").toAbsolutePath(), 16L << 20);
        Core core = Core.build(settingsOnH2File(disk.dir()), Clock.systemUTC())) {
      Service service = Service.start(core);
      try {
        int port = service.httpPort();
        FaultDrill.writeBefore(core.store);
        untilReadiness(port, 200, "ready\n");

        disk.fill();
        Duration found = untilReadiness(port, 503, "store disk full\n");
        FaultDrill.writesFailThroughout(core.store, FaultDrill.FAULT);
        assertThat(get(port, "/readyz").body()).isEqualTo("store disk full\n");
        disk.free();
        Duration back = untilReadiness(port, 200, "ready\n");

        System.out.printf("/readyz not ready %d ms after the disk filled up, ready %d ms after space was freed%n",
            found.toMillis(), back.toMillis());
        FaultDrill.everyWriteSucceedsAndNothingWasLost(core.store);
      } finally {
        service.stop();
      }
    }
  }

  /** A service on an H2 file in {@code dir}, no platform, a status page that does not answer. */
  private static Settings settingsOnH2File(Path dir) {
    return Settings.fromEnvironment(Map.of(
        "CLAUDE500_HTTP_PORT", "0",
        "CLAUDE500_STATUS_URL", "http://127.0.0.1:1",
        "CLAUDE500_DB_URL", "jdbc:h2:file:" + dir.resolve("claude500")));
  }

  /** Asks /readyz every 50 ms until it answers {@code status} with {@code body}; returns how long that took. */
  private static Duration untilReadiness(int port, int status, String body) throws InterruptedException {
    return FaultDrill.until(() -> {
      try {
        HttpResponse<String> r = get(port, "/readyz");
        return r.statusCode() == status && r.body().equals(body);
      } catch (Exception e) {
        throw new IllegalStateException("GET /readyz failed", e);
      }
    }, () -> "/readyz does not answer " + status + " " + body.strip());
  }
}
