package dev.claude500.triage;

import dev.claude500.chat.Reply;
import dev.claude500.chat.Text;
import dev.claude500.playbook.Playbook;
import dev.claude500.status.IncidentView;
import dev.claude500.status.StatusSnapshot;
import dev.claude500.status.StatusView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the escalation report: every piece of evidence support asks for, taken from the
 * conversation (already redacted and bounded), as fields and as one plain-text body to copy.
 */
final class ReportWriter {
  private static final String NONE = "not captured";

  private ReportWriter() {}

  static Reply.Report write(ConversationState state, Playbook playbook, StatusSnapshot now, Clock clock) {
    String errorLine = state.evidence.getOrDefault(EvidenceKeys.ERROR_LINE, NONE);
    String requestId = state.evidence.getOrDefault(EvidenceKeys.REQUEST_ID, NONE);
    String atFailure = statusAtFailure(state);
    String statusNow = statusNow(StatusView.of(now, clock));
    String branch = state.branch == null ? "none reached" : state.branch;
    String result = state.samePathResult == null ? "still failing" : state.samePathResult;

    List<Reply.Field> fields = List.of(
        new Reply.Field("Error line", errorLine),
        new Reply.Field("Request id", requestId),
        new Reply.Field("Status page when it failed", atFailure),
        new Reply.Field("Status page now", statusNow),
        new Reply.Field("Branch tried", branch),
        new Reply.Field("Result on the same path", result));

    StringBuilder body = new StringBuilder();
    body.append(playbook.title()).append(": escalation report\n");
    body.append("Started ").append(Summaries.time(state.startedAt)).append(" by ")
        .append(state.startedBy.displayName())
        .append(state.hit == null ? "" : " for " + state.hit.displayName() + ", whom the error hit")
        .append("; written ")
        .append(Summaries.time(clock.instant())).append('\n');
    for (Reply.Field f : fields) {
      body.append(f.name()).append(": ").append(oneLine(f.value())).append('\n');
    }
    section(body, "/status output", state.evidence.get(EvidenceKeys.STATUS_OUTPUT));
    section(body, "/debug output or smallest repro", state.evidence.get(EvidenceKeys.DEBUG_OUTPUT));
    section(body, "Text pasted at the start", state.evidence.get(EvidenceKeys.PASTED_TEXT));
    body.append("\nSteps taken:\n");
    int n = 1;
    for (ConversationState.AnswerRecord a : state.answers) {
      body.append("  ").append(n++).append(". ").append(oneLine(a.question())).append(" -> ")
          .append(oneLine(a.answer())).append(" (")
          .append(a.automatic() ? "from the pasted line" : a.actorName()).append(")\n");
    }
    Text headline = Text.builder()
        .strong("Escalation report")
        .plain(": same path still fails after the " + branch + " fix; ready to send to support.")
        .build();
    return new Reply.Report(headline, fields, body.toString());
  }

  private static String statusAtFailure(ConversationState state) {
    ConversationState.StatusRecord s = state.statusAtFailure;
    if (s == null) {
      return "unknown (the page could not be read)";
    }
    StringBuilder b = new StringBuilder(s.result());
    if (s.answeredByPerson()) {
      b.append(" (as reported by the person; the page could not be read)");
    }
    if (s.incidentName() != null) {
      b.append(": ").append(s.incidentName()).append(" (").append(s.incidentState()).append(") ")
          .append(s.incidentLink());
    }
    if (s.asOf() != null) {
      b.append(", as of ").append(Summaries.time(s.asOf()));
    }
    return b.toString();
  }

  private static String statusNow(StatusView view) {
    if (view.isUnknown()) {
      return "unknown (the page could not be read)";
    }
    List<String> parts = new ArrayList<>();
    parts.add(view.colour() + (view.description().isEmpty() ? "" : " (" + view.description() + ")"));
    for (IncidentView i : view.incidents()) {
      parts.add("open: " + i.name() + " " + i.link());
    }
    view.asOf().ifPresent(t -> parts.add("as of " + Summaries.time(t)));
    return String.join(", ", parts);
  }

  private static void section(StringBuilder body, String title, String value) {
    if (value != null && !value.isBlank()) {
      body.append('\n').append(title).append(":\n").append(value.strip()).append('\n');
    }
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
