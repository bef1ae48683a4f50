package dev.claude500.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's HTTP answers that carry a body (a health check, a refused signature) come back
 * at once, not after the client's delayed acknowledgement of the headers (about 40 ms on Linux each,
 * which Nagle's algorithm made every such answer wait for).
 */
class HttpAnswersIT {
  private static final Duration AT_ONCE = Duration.ofMillis(20);

  @Test
  @DisplayName("Answers with a body do not wait for the client's delayed ACK")
  void answersWithABodyComeAtOnce(@TempDir Path dir) throws Exception {
    try (ServiceRig rig = ServiceRig.start(Path.of(System.getProperty("claude500.jar")), dir, Duration.ofSeconds(30),
        TrialIncidents.pick(1), List.of())) {
      assertThat(medianNanos(rig, rig.requests::healthz, 200)).as("GET /healthz, ns").isLessThan(AT_ONCE.toNanos());
      assertThat(medianNanos(rig, () -> unsigned(rig.requests.command("C0HTTP", "U0HTTP", "status")), 401))
          .as("an unsigned POST /slack/events, ns").isLessThan(AT_ONCE.toNanos());
    }
  }

  private static HttpRequest unsigned(HttpRequest signed) {
    return HttpRequest.newBuilder(signed, (name, value) -> !name.toLowerCase(java.util.Locale.ROOT).startsWith("x-slack"))
        .build();
  }

  private static double medianNanos(ServiceRig rig, Supplier<HttpRequest> request, int status) throws Exception {
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      SlackClient.Answer a = rig.requests.send(request.get());
      assertThat(a.status()).isEqualTo(status);
      assertThat(a.body()).isNotEmpty();
      if (i >= 9) {
        nanos.add(a.nanos());
      }
    }
    return Samples.of(nanos).median();
  }
}
