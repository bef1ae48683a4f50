package dev.claude500.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.claude500.testing.StatusFixtures;
import dev.claude500.testing.StatusPageHistory;
import dev.claude500.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusJsonTest {
  private static List<Incident> archive;

  @BeforeAll
  static void readArchive() throws IOException {
    archive = StatusJson.readIncidentArray(TestData.bytes(StatusPageHistory.ARCHIVE));
  }

  static Stream<String> statusDataFiles() {
    return Stream.of(
        StatusPageHistory.ARCHIVE,
        StatusFixtures.RED_INCIDENTS_FILE,
        StatusFixtures.TWO_OPEN_INCIDENTS_FILE,
        StatusFixtures.GITHUB_SUMMARY_FILE);
  }

  @ParameterizedTest
  @MethodSource("statusDataFiles")
  void everyStatusDataFileParsesWithoutUnknownValues(String name) throws IOException {
    byte[] json = TestData.bytes(name);
    List<Incident> incidents;
    if (name.equals(StatusPageHistory.ARCHIVE)) {
      incidents = StatusJson.readIncidentArray(json);
    } else if (name.endsWith("summary.json")) {
      Summary summary = StatusJson.readSummary(json);
      assertThat(summary.status().indicator()).isNotEqualTo(StatusIndicator.UNKNOWN);
      assertThat(summary.components()).isNotEmpty().allSatisfy(c -> assertThat(c.status()).isNotEqualTo(ComponentStatus.UNKNOWN));
      incidents = summary.incidents();
    } else {
      IncidentList list = StatusJson.readIncidentList(json);
      assertThat(list.page().id()).isEqualTo("tymt9n04zgry");
      incidents = list.incidents();
    }
    assertThat(incidents).isNotEmpty();
    assertNoUnknowns(incidents);
  }

  @Test
  void theArchiveHoldsEveryIncidentAndUpdate() {
    assertThat(archive).hasSize(342);
    assertThat(archive.stream().mapToInt(i -> i.incidentUpdates().size()).sum()).isEqualTo(1074);
    assertThat(archive).allSatisfy(i -> assertThat(i.createdAt()).isNotNull());
  }

  @Test
  void theArchiveUsesEveryDocumentedValueAndNothingUnknown() {
    assertNoUnknowns(archive);
    assertThat(archive.stream().map(Incident::impact))
        .contains(Impact.NONE, Impact.MINOR, Impact.MAJOR, Impact.CRITICAL, Impact.MAINTENANCE);
    assertThat(archive.stream().flatMap(i -> i.incidentUpdates().stream()).map(IncidentUpdate::status))
        .contains(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED, IncidentStatus.MONITORING,
            IncidentStatus.RESOLVED, IncidentStatus.POSTMORTEM);
    assertThat(archive.stream().flatMap(i -> i.incidentUpdates().stream())
            .flatMap(u -> u.affectedComponents().stream()).map(AffectedComponent::newStatus))
        .contains(ComponentStatus.OPERATIONAL, ComponentStatus.DEGRADED_PERFORMANCE, ComponentStatus.PARTIAL_OUTAGE,
            ComponentStatus.MAJOR_OUTAGE, ComponentStatus.UNDER_MAINTENANCE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "minor", "major", "critical", "maintenance"})
  void everyDocumentedIndicatorAndImpactIsKnown(String word) {
    assertThat(StatusIndicator.fromWire(word)).isNotEqualTo(StatusIndicator.UNKNOWN);
    assertThat(Impact.fromWire(word)).isNotEqualTo(Impact.UNKNOWN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance"})
  void everyDocumentedComponentStatusIsKnown(String word) {
    assertThat(ComponentStatus.fromWire(word)).isNotEqualTo(ComponentStatus.UNKNOWN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"investigating", "identified", "monitoring", "resolved", "postmortem",
      "scheduled", "in_progress", "verifying", "completed"})
  void everyDocumentedIncidentAndMaintenanceStatusIsKnown(String word) {
    assertThat(IncidentStatus.fromWire(word)).isNotEqualTo(IncidentStatus.UNKNOWN);
  }

  @ParameterizedTest
  @EnumSource(value = ComponentStatus.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
  void componentStatusesRoundTripTheirWireWord(ComponentStatus status) {
    assertThat(ComponentStatus.fromWire(status.wire())).isEqualTo(status);
  }

  @Test
  void mapsSnakeCaseFieldsOntoTheRecords() throws IOException {
    IncidentList list = StatusJson.readIncidentList(StatusFixtures.redIncidentsJson());
    Incident red = list.incidents().get(0);
    assertThat(red.id()).isEqualTo(StatusFixtures.RED_INCIDENT_ID);
    assertThat(red.status()).isEqualTo(IncidentStatus.INVESTIGATING);
    assertThat(red.impact()).isEqualTo(Impact.CRITICAL);
    assertThat(red.createdAt()).isEqualTo(Instant.parse("2026-04-15T14:53:02.039Z"));
    assertThat(red.shortlink()).startsWith("https://stspg.io/");
    assertThat(red.incidentUpdates()).hasSize(2);
    IncidentUpdate latest = red.latestUpdate().orElseThrow();
    assertThat(latest.displayAt()).isEqualTo(Instant.parse("2026-04-15T14:55:35.814Z"));
    assertThat(latest.incidentId()).isEqualTo(red.id());
    assertThat(latest.affectedComponents()).extracting(AffectedComponent::code, AffectedComponent::newStatus)
        .contains(tuple("yyzkbfz2thpt", ComponentStatus.MAJOR_OUTAGE));
    assertThat(red.components()).extracting(Component::id).contains("yyzkbfz2thpt");
    assertThat(red.touches("yyzkbfz2thpt")).isTrue();
  }

  @Test
  void readsAnotherPagesSummary() throws IOException {
    Summary github = StatusJson.readSummary(StatusFixtures.githubSummaryJson());
    assertThat(github.page().name()).isEqualTo("GitHub");
    assertThat(github.status().indicator()).isEqualTo(StatusIndicator.MINOR);
    assertThat(github.status().description()).isEqualTo("Minor Service Outage");
    assertThat(github.incidents()).singleElement().satisfies(i -> {
      assertThat(i.isOpen()).isTrue();
      assertThat(i.incidentUpdates()).anySatisfy(u -> assertThat(u.affectedComponents()).isNotEmpty());
    });
    assertThat(github.components()).filteredOn(c -> c.name().equals("Packages"))
        .singleElement().extracting(Component::status).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
    assertThat(github.scheduledMaintenances()).isEmpty();
  }

  @Test
  void toleratesNullsMissingFieldsAndValuesItDoesNotKnow() throws IOException {
    String json = "{\"page\":null,\"status\":{\"indicator\":\"ultraviolet\"},\"components\":[{\"id\":\"a\","
        + "\"status\":null,\"position\":null,\"group\":null,\"brand_new_field\":[1,2]}],\"incidents\":null,"
        + "\"scheduled_maintenances\":[{\"id\":\"m\",\"status\":\"in_progress\",\"impact\":\"maintenance\","
        + "\"created_at\":\"\",\"scheduled_for\":\"2026-05-01T10:00:00Z\",\"incident_updates\":null}]}";
    Summary summary = StatusJson.readSummary(json.getBytes(StandardCharsets.UTF_8));
    assertThat(summary.page()).isNull();
    assertThat(summary.status().indicator()).isEqualTo(StatusIndicator.UNKNOWN);
    assertThat(summary.components()).singleElement().satisfies(c -> {
      assertThat(c.status()).isEqualTo(ComponentStatus.UNKNOWN);
      assertThat(c.position()).isZero();
      assertThat(c.group()).isFalse();
    });
    assertThat(summary.incidents()).isEmpty();
    Incident maintenance = summary.scheduledMaintenances().get(0);
    assertThat(maintenance.status()).isEqualTo(IncidentStatus.IN_PROGRESS);
    assertThat(maintenance.isMaintenance()).isTrue();
    assertThat(maintenance.createdAt()).isNull();
    assertThat(maintenance.incidentUpdates()).isEmpty();
  }

  @Test
  void refusesTruncatedOrTrailingGarbage() {
    byte[] red = StatusFixtures.redSummaryJson();
    byte[] truncated = Arrays.copyOf(red, red.length / 2);
    assertThatThrownBy(() -> StatusJson.readSummary(truncated)).isInstanceOf(IOException.class);
    byte[] doubled = (new String(red, StandardCharsets.UTF_8) + "}garbage").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> StatusJson.readSummary(doubled)).isInstanceOf(IOException.class);
  }

  @Test
  void writesWhatItReads() throws IOException {
    Summary red = StatusFixtures.redSummary();
    String written = new String(StatusJson.write(red), StandardCharsets.UTF_8);
    assertThat(written).contains("\"scheduled_maintenances\"", "\"incident_updates\"", "\"major_outage\"",
        "\"created_at\":\"2026-04-15T14:53:02.039Z\"").doesNotContain("\"open\"", "\"known\"");
    assertThat(StatusJson.readSummary(StatusJson.write(red))).isEqualTo(red);
  }

  private static void assertNoUnknowns(List<Incident> incidents) {
    assertThat(incidents).allSatisfy(i -> {
      assertThat(i.status()).as("status of %s", i.id()).isNotEqualTo(IncidentStatus.UNKNOWN);
      assertThat(i.impact()).as("impact of %s", i.id()).isNotEqualTo(Impact.UNKNOWN);
      assertThat(i.components()).allSatisfy(c -> assertThat(c.status()).isNotEqualTo(ComponentStatus.UNKNOWN));
      assertThat(i.incidentUpdates()).allSatisfy(u -> {
        assertThat(u.status()).as("update %s", u.id()).isNotEqualTo(IncidentStatus.UNKNOWN);
        assertThat(u.affectedComponents()).allSatisfy(a -> {
          assertThat(a.oldStatus()).isNotEqualTo(ComponentStatus.UNKNOWN);
          assertThat(a.newStatus()).isNotEqualTo(ComponentStatus.UNKNOWN);
        });
      });
    });
  }
}
