package dev.claude500.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claude500.metrics.BotMetrics;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.FakeStatusPage.Response;
import dev.claude500.testing.StatusFixtures;
import dev.claude500.testing.StatusSources;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatuspageClientTest {
  private static final Duration SHORT = Duration.ofMillis(300);

  private final FakeStatusPage page = FakeStatusPage.start();

  @AfterEach
  void stop() {
    page.close();
  }

  private StatuspageClient client(URI... bases) {
    return StatusSources.client(List.of(bases), SHORT, SHORT);
  }

  private StatuspageClient client() {
    return client(page.baseUrl());
  }

  @Test
  void fetchesTheSummary() {
    page.serveSummary(Response.json(StatusFixtures.redSummaryJson()));

    FetchResult<Summary> result = client().fetchSummary();

    assertThat(result).isInstanceOf(FetchResult.Fetched.class);
    FetchResult.Fetched<Summary> fetched = (FetchResult.Fetched<Summary>) result;
    assertThat(fetched.value().status().indicator()).isEqualTo(StatusIndicator.CRITICAL);
    assertThat(fetched.source()).isEqualTo(URI.create(page.baseUrl() + FakeStatusPage.SUMMARY));
    assertThat(page.lastRequest(FakeStatusPage.SUMMARY).orElseThrow().header("Accept")).contains("application/json");
  }

  @Test
  void fetchesRecentAndUnresolvedIncidents() {
    page.serveIncidents(Response.json(StatusFixtures.twoOpenIncidentsJson()));
    page.serveUnresolved(Response.json(StatusFixtures.redIncidentsJson()));
    StatuspageClient client = client();

    assertThat(client.fetchIncidents().toOptional()).hasValueSatisfying(l -> assertThat(l.incidents()).hasSize(50));
    assertThat(client.fetchUnresolvedIncidents().toOptional())
        .hasValueSatisfying(l -> assertThat(l.incidents().get(0).id()).isEqualTo(StatusFixtures.RED_INCIDENT_ID));
  }

  @Test
  void makesItsHttpClientAtTheFirstRequestNotAtStartUp() throws Exception {
    page.serveSummary(Response.json(StatusFixtures.redSummaryJson()));
    PageHttp http = new PageHttp(SHORT, SHORT, StatuspageClient.DEFAULT_MAX_BODY_BYTES);
    assertThat(http.clientMade()).as("made before any request").isFalse();

    HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(page.baseUrl() + FakeStatusPage.SUMMARY))
        .build());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(http.clientMade()).isTrue();
  }

  @Test
  void sendsTheLastEtagAndKeepsTheBodyOnNotModified() {
    page.serveSummary(Response.json(StatusFixtures.redSummaryJson()).withEtag("W/\"v1\""));
    StatuspageClient client = client();

    FetchResult<Summary> first = client.fetchSummary();
    FetchResult<Summary> second = client.fetchSummary();

    assertThat(first).isInstanceOf(FetchResult.Fetched.class);
    assertThat(second).isInstanceOf(FetchResult.NotModified.class);
    assertThat(second.toOptional()).isEqualTo(first.toOptional());
    List<FakeStatusPage.Request> requests = page.requests(FakeStatusPage.SUMMARY);
    assertThat(requests.get(0).header("If-None-Match")).isEmpty();
    assertThat(requests.get(1).header("If-None-Match")).contains("W/\"v1\"");
  }

  @Test
  void fetchesTheNewBodyWhenTheEtagChanges() {
    page.serveSummary(Response.json(StatusFixtures.redSummaryJson()).withEtag("\"red\""));
    StatuspageClient client = client();
    client.fetchSummary();

    page.serveSummary(Response.json(StatusFixtures.greenSummaryJson()).withEtag("\"green\""));
    FetchResult<Summary> next = client.fetchSummary();

    assertThat(next).isInstanceOf(FetchResult.Fetched.class);
    assertThat(next.toOptional().orElseThrow().status().indicator()).isEqualTo(StatusIndicator.NONE);
    assertThat(page.lastRequest(FakeStatusPage.SUMMARY).orElseThrow().header("If-None-Match")).contains("\"red\"");
  }

  @Test
  void treatsA304ItDidNotAskForAsAFailure() {
    page.serveSummary(Response.status(304));

    FetchResult<Summary> result = client().fetchSummary();

    assertThat(result).isInstanceOf(FetchResult.Failed.class);
    assertThat(reason(result)).contains("304");
  }

  @Test
  void reportsAServerError() {
    page.serveSummary(Response.text(503, "upstream unavailable"));

    assertThat(reason(client().fetchSummary())).contains("HTTP 503");
  }

  @Test
  void reportsAnHtmlChallengePage() {
    page.serveSummary(Response.challengePage());

    assertThat(reason(client().fetchSummary())).contains("HTML");
  }

  @Test
  void reportsHtmlEvenWhenLabelledJson() {
    page.serveSummary(Response.json("\n  <!doctype html><html><body>Just a moment...</body></html>"));

    assertThat(reason(client().fetchSummary())).contains("HTML");
  }

  @Test
  void reportsTruncatedJson() {
    page.serveSummary(Response.json(StatusFixtures.redSummaryJson()).truncatedTo(1000));

    assertThat(reason(client().fetchSummary())).contains("invalid JSON");
  }

  @Test
  void reportsGarbage() {
    byte[] noise = new byte[4096];
    new Random(500).nextBytes(noise);
    page.serveSummary(Response.json(noise));

    assertThat(client().fetchSummary()).isInstanceOf(FetchResult.Failed.class);
  }

  @Test
  void reportsJsonThatIsNotAStatuspageAnswer() {
    page.serveSummary(Response.json("{\"error\":\"maintenance window\"}"));
    page.serveIncidents(Response.json("[]"));
    StatuspageClient client = client();

    assertThat(reason(client.fetchSummary())).contains("not a Statuspage answer");
    assertThat(reason(client.fetchIncidents())).contains("not a Statuspage answer");
  }

  @Test
  void reportsJsonFollowedByGarbage() {
    page.serveSummary(Response.json(new String(StatusFixtures.greenSummaryJson(), StandardCharsets.UTF_8) + "}{"));

    assertThat(reason(client().fetchSummary())).contains("invalid JSON");
  }

  @Test
  void reportsALiteralNull() {
    page.serveSummary(Response.json("null"));

    assertThat(reason(client().fetchSummary())).contains("not a Statuspage answer");
  }

  @Test
  void reportsAnEmptyBody() {
    page.serveSummary(Response.json(""));

    assertThat(reason(client().fetchSummary())).contains("empty body");
  }

  @Test
  void givesUpOnAStalledAnswerWithinTheRequestTimeout() {
    page.serveSummary(Response.json(StatusFixtures.greenSummaryJson()).withDelay(Duration.ofSeconds(10)));

    long start = System.nanoTime();
    FetchResult<Summary> result = client().fetchSummary();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(reason(result)).contains("300 ms");
  }

  @Test
  void givesUpOnABodyThatStallsAfterItsHeaders() {
    page.serveSummary(Response.json(StatusFixtures.greenSummaryJson()).withBodyDelay(Duration.ofSeconds(10)));

    long start = System.nanoTime();
    FetchResult<Summary> result = client().fetchSummary();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(result).isInstanceOf(FetchResult.Failed.class);
  }

  @Test
  void refusesABodyOverTheLimit() {
    byte[] huge = new byte[2 * 1024 * 1024];
    Arrays.fill(huge, (byte) ' ');
    page.serveSummary(Response.json(huge));
    page.serveIncidents(Response.json(huge).chunkedBody());
    StatuspageClient client = new StatuspageClient(List.of(page.baseUrl()), SHORT, Duration.ofSeconds(2), 1024 * 1024,
        BotMetrics.none());

    assertThat(reason(client.fetchSummary())).contains("larger than 1048576 bytes");
    assertThat(reason(client.fetchIncidents())).contains("larger than 1048576 bytes");
  }

  @Test
  void reportsARefusedConnection() {
    URI closed;
    try (FakeStatusPage gone = FakeStatusPage.start()) {
      closed = gone.baseUrl();
    }

    assertThat(reason(client(closed).fetchSummary())).contains("refused");
  }

  @Test
  void fallsBackToTheNextUrlInOrder() {
    try (FakeStatusPage second = FakeStatusPage.start()) {
      page.serveSummary(Response.challengePage());
      second.serveSummary(Response.json(StatusFixtures.greenSummaryJson()));

      FetchResult<Summary> result = client(page.baseUrl(), second.baseUrl()).fetchSummary();

      assertThat(result).isInstanceOf(FetchResult.Fetched.class);
      assertThat(((FetchResult.Fetched<Summary>) result).source().getPort()).isEqualTo(second.baseUrl().getPort());
      assertThat(page.requestCount(FakeStatusPage.SUMMARY)).isEqualTo(1);
      assertThat(second.requestCount(FakeStatusPage.SUMMARY)).isEqualTo(1);
    }
  }

  @Test
  void staysWithTheFirstUrlWhileItAnswers() {
    try (FakeStatusPage second = FakeStatusPage.start()) {
      page.serveSummary(Response.json(StatusFixtures.greenSummaryJson()));
      second.serveSummary(Response.json(StatusFixtures.redSummaryJson()));

      FetchResult<Summary> result = client(page.baseUrl(), second.baseUrl()).fetchSummary();

      assertThat(result.toOptional().orElseThrow().status().indicator()).isEqualTo(StatusIndicator.NONE);
      assertThat(second.totalRequests()).isZero();
    }
  }

  @Test
  void namesEveryUrlWhenAllFail() {
    try (FakeStatusPage second = FakeStatusPage.start()) {
      page.serveSummary(Response.status(502));
      second.serveSummary(Response.challengePage());

      String reason = reason(client(page.baseUrl(), second.baseUrl()).fetchSummary());

      assertThat(reason).contains(page.baseUrl() + FakeStatusPage.SUMMARY + ": HTTP 502")
          .contains(second.baseUrl() + FakeStatusPage.SUMMARY + ": HTML");
    }
  }

  @Test
  void keepsEtagsPerUrl() {
    try (FakeStatusPage second = FakeStatusPage.start()) {
      page.serveSummary(Response.status(503));
      second.serveSummary(Response.json(StatusFixtures.greenSummaryJson()).withEtag("\"g\""));
      StatuspageClient client = client(page.baseUrl(), second.baseUrl());

      client.fetchSummary();
      FetchResult<Summary> again = client.fetchSummary();

      assertThat(again).isInstanceOf(FetchResult.NotModified.class);
      assertThat(page.requests(FakeStatusPage.SUMMARY)).allSatisfy(r -> assertThat(r.header("If-None-Match")).isEmpty());
      assertThat(second.lastRequest(FakeStatusPage.SUMMARY).orElseThrow().header("If-None-Match")).contains("\"g\"");
    }
  }

  @Test
  void readsTheUrlSetting() {
    assertThat(StatuspageClient.parseBaseUrls(null)).isEqualTo(StatuspageClient.DEFAULT_BASE_URLS);
    assertThat(StatuspageClient.parseBaseUrls("  ")).isEqualTo(StatuspageClient.DEFAULT_BASE_URLS);
    assertThat(StatuspageClient.DEFAULT_BASE_URLS).extracting(URI::toString)
        .containsExactly("https://status.claude.com", "https://anthropic.statuspage.io");
    assertThat(StatuspageClient.parseBaseUrls(" http://127.0.0.1:9/ , https://b.example/status,"))
        .extracting(URI::toString).containsExactly("http://127.0.0.1:9/", "https://b.example/status");
    assertThatThrownBy(() -> StatuspageClient.parseBaseUrls("status.claude.com"))
        .hasMessageStartingWith("CLAUDE500_STATUS_URL: 'status.claude.com'");
    assertThatThrownBy(() -> StatuspageClient.parseBaseUrls(" , "))
        .hasMessageStartingWith("CLAUDE500_STATUS_URL");
  }

  @Test
  void appendsTheApiPathToABaseWithAPath() {
    page.serve("/status/api/v2/summary.json", Response.json(StatusFixtures.greenSummaryJson()));

    FetchResult<Summary> result = client(URI.create(page.baseUrl() + "/status/")).fetchSummary();

    assertThat(result).isInstanceOf(FetchResult.Fetched.class);
  }

  private static String reason(FetchResult<?> result) {
    assertThat(result).isInstanceOf(FetchResult.Failed.class);
    return ((FetchResult.Failed<?>) result).reason();
  }
}
