package dev.claude500.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.errors.ErrorKind;
import dev.claude500.testing.StatusFixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A pasted 502, 503 or 504 goes the way a 500 goes, and the summary says why. */
class ServerErrorTriageTest {
  @Test
  @DisplayName("a pasted 503 is read as a server-side failure and checked against the status page")
  void aPasted503GoesThroughTheStatusCheck() {
    TriageHarness h =
        new TriageHarness(StatusFixtures.redSnapshot(), StatusFixtures.RED_AT.plusSeconds(20));

    // https://github.com/anthropics/claude-code/issues/7402
    h.start("API Error (503 upstream connect error or disconnect/reset before headers");

    assertThat(h.transcript())
        .contains("From the pasted line: 503, a server-side failure, read like a 500.")
        .contains("The status page is red");
  }

  @Test
  @DisplayName("the summary names a server-side failure only for SERVER")
  void theSummarySaysServerSideOnlyForServer() {
    ConversationState server = new ConversationState();
    server.errorKind = ErrorKind.SERVER;
    server.evidence.put(EvidenceKeys.HTTP_STATUS, "504");
    server.evidence.put(EvidenceKeys.ERROR_TYPE, "timeout_error");
    ConversationState internal = new ConversationState();
    internal.errorKind = ErrorKind.INTERNAL;
    internal.evidence.put(EvidenceKeys.HTTP_STATUS, "500");

    assertThat(Summaries.readError(server).toPlainString())
        .isEqualTo("From the pasted line: 504 timeout_error, a server-side failure, read like a 500.");
    assertThat(Summaries.readError(internal).toPlainString()).isEqualTo("From the pasted line: 500.");
  }
}
