package dev.claude500.testing;

import dev.claude500.status.StatusJson;
import dev.claude500.status.StatusSnapshot;
import dev.claude500.status.Summary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Ready-made status pages built from the real data in {@code data/statuspage/} (see {@link TestData}): a red page
 * (the critical incident of 2026-04-15), a page with two open incidents (2026-04-25), and a green
 * page. Each comes as JSON bytes to serve with {@link FakeStatusPage} and as a parsed {@link
 * Summary} or {@link StatusSnapshot} to hand to code directly (see {@link FixedStatusSource}).
 */
public final class StatusFixtures {
  /** When the red snapshot was taken. */
  public static final Instant RED_AT = Instant.parse("2026-04-15T15:02:18Z");

  /** The red page's open incident: "Elevated errors on Claude.ai, API, Claude Code", critical. */
  public static final String RED_INCIDENT_ID = "f00h6l76tsjs";

  /** When the two-open-incidents snapshot was taken. */
  public static final Instant TWO_OPEN_AT = Instant.parse("2026-04-25T01:56:22Z");

  /** The instant the green page is dated. */
  public static final Instant GREEN_AT = Instant.parse("2026-04-16T12:00:00Z");

  /** The verbatim incidents.json taken during the critical incident. */
  public static final String RED_INCIDENTS_FILE = "data/statuspage/anthropic-incidents-2026-04-15T15-02-18Z.json";

  /** The verbatim incidents.json with two unresolved incidents. */
  public static final String TWO_OPEN_INCIDENTS_FILE = "data/statuspage/anthropic-incidents-2026-04-25T01-56-22Z.json";

  /** GitHub's verbatim summary.json (indicator minor, one open incident). */
  public static final String GITHUB_SUMMARY_FILE = "data/statuspage/githubstatus-summary.json";

  private StatusFixtures() {}

  /** Returns the verbatim incidents.json of the red page. */
  public static byte[] redIncidentsJson() {
    return bytes(RED_INCIDENTS_FILE);
  }

  /**
   * Returns the red page's summary.json: indicator critical, the critical incident open, claude.ai,
   * Console, API and Claude Code in major outage (derived from the verbatim incidents.json).
   */
  public static byte[] redSummaryJson() {
    return StatusPageHistory.summaryFor(redIncidentsJson());
  }

  /** Returns {@link #redSummaryJson()} parsed. */
  public static Summary redSummary() {
    return parse(redSummaryJson());
  }

  /** Returns a fresh snapshot of the red page taken at {@link #RED_AT}. */
  public static StatusSnapshot redSnapshot() {
    return StatusSnapshot.fresh(redSummary(), RED_AT);
  }

  /** Returns the verbatim incidents.json with two unresolved incidents (monitoring, investigating). */
  public static byte[] twoOpenIncidentsJson() {
    return bytes(TWO_OPEN_INCIDENTS_FILE);
  }

  /** Returns the summary.json that goes with {@link #twoOpenIncidentsJson()}: indicator minor. */
  public static byte[] twoOpenSummaryJson() {
    return StatusPageHistory.summaryFor(twoOpenIncidentsJson());
  }

  /** Returns {@link #twoOpenSummaryJson()} parsed. */
  public static Summary twoOpenSummary() {
    return parse(twoOpenSummaryJson());
  }

  /** Returns an all-green summary.json: the six components operational, no incidents. */
  public static byte[] greenSummaryJson() {
    return StatusPageHistory.greenSummary(GREEN_AT);
  }

  /** Returns {@link #greenSummaryJson()} parsed. */
  public static Summary greenSummary() {
    return parse(greenSummaryJson());
  }

  /** Returns a fresh snapshot of the green page taken at {@link #GREEN_AT}. */
  public static StatusSnapshot greenSnapshot() {
    return StatusSnapshot.fresh(greenSummary(), GREEN_AT);
  }

  /** Returns GitHub's verbatim summary.json. */
  public static byte[] githubSummaryJson() {
    return bytes(GITHUB_SUMMARY_FILE);
  }

  /** Returns a source that always answers this snapshot. */
  public static FixedStatusSource source(StatusSnapshot snapshot) {
    return new FixedStatusSource(snapshot);
  }

  private static Summary parse(byte[] json) {
    try {
      return StatusJson.readSummary(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(String name) {
    return TestData.bytes(name);
  }
}
