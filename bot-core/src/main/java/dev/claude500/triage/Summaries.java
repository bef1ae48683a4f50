package dev.claude500.triage;

import dev.claude500.chat.Text;
import dev.claude500.errors.ErrorKind;
import dev.claude500.errors.Origin;
import dev.claude500.playbook.Playbook;
import dev.claude500.playbook.Step;
import dev.claude500.status.ComponentState;
import dev.claude500.status.IncidentView;
import dev.claude500.status.StatusView;
import dev.claude500.status.StatusWords;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The engine's own sentences: status verdicts, advice cards, outcomes and summaries. */
final class Summaries {
  private Summaries() {}

  static String time(Instant t) {
    return StatusWords.time(t);
  }

  static Text statusVerdict(StatusVerdict v) {
    Text.Builder b = Text.builder();
    if (StatusVerdict.UNKNOWN.equals(v.result())) {
      b.plain("I could not read the status page just now (" + v.problem().orElse("no answer") + ")");
      v.asOf().ifPresent(t -> b.plain("; the last answer I have is from " + time(t)));
      return b.plain(", so I need you to look for me.").build();
    }
    String components = String.join(", ", v.componentNames());
    if (StatusVerdict.RED.equals(v.result())) {
      b.strong("The status page is red").plain(" for " + components);
      v.incident().ifPresent(i -> b.plain(": ").link(i.name(), i.link())
          .plain(" (" + i.impact().words() + " impact, " + i.status().words() + " since " + time(i.startedAt())
              + affected(i) + ")"));
      return b.plain(".").build();
    }
    b.strong("The status page is green").plain(" for " + components);
    v.asOf().ifPresent(t -> b.plain(" (as of " + time(t) + ")"));
    b.plain(".");
    for (IncidentView other : v.unrelated()) {
      b.plain(" Also open, elsewhere: ").link(other.name(), other.link()).plain(".");
    }
    return b.build();
  }

  private static String affected(IncidentView i) {
    List<String> names = i.components().stream().map(ComponentState::name).toList();
    return names.isEmpty() ? "" : "; touches " + String.join(", ", names);
  }

  static ConversationState.StatusRecord statusRecord(StatusVerdict v) {
    return new ConversationState.StatusRecord(
        v.result(),
        StatusView.colour(v.indicator()),
        v.incident().map(IncidentView::id).orElse(null),
        v.incident().map(IncidentView::name).orElse(null),
        v.incident().map(IncidentView::link).orElse(null),
        v.incident().map(i -> i.impact().words() + " impact, " + i.status().words()).orElse(null),
        v.asOf().orElse(null),
        false);
  }

  static ConversationState.StatusRecord statusToldByPerson(String result) {
    return new ConversationState.StatusRecord(result, result, null, null, null, null, null, true);
  }

  static Text advice(Step.Advice a) {
    String markup = "**" + a.title() + "** (branch: " + a.branch() + ")\n"
        + "**Likely owner:** " + a.owner() + "\n"
        + "**First move:** " + a.firstMove() + "\n"
        + "**Same-path check:** " + a.samePathCheck() + "\n"
        + "**Escalate when:** " + a.escalateWhen();
    return Text.parse(markup);
  }

  /**
   * Says which choice what was told earlier picked, and why: "You mentioned /login, so this is the
   * ... branch.", or for an error from a gateway, that the status page cannot explain it.
   */
  static Text guessed(Choices.Guess guess, Playbook playbook) {
    Text.Builder b = Text.builder();
    if (guess.origin() == Origin.GATEWAY) {
      b.plain("The error came from " + guess.said() + ", not from Anthropic's API, so status.claude.com cannot"
          + " explain it; ");
    } else if (guess.origin() == Origin.SIGN_IN) {
      b.plain("The error came from the sign-in page, so ");
    } else {
      b.plain("You mentioned ").code(guess.said()).plain(", so ");
    }
    Step.Answer answer = guess.answer();
    Optional<Step> next = playbook.step(answer.next());
    if (next.isPresent() && next.get() instanceof Step.Advice a) {
      return b.plain("this is the ").strong(a.branch()).plain(" branch.").build();
    }
    return b.plain("I take it as: ").strong(answer.label()).plain(".").build();
  }

  static Text outcome(Step.Outcome o) {
    return Text.parse(o.text());
  }

  static Text readError(ConversationState state) {
    Text.Builder b = Text.builder().plain("From the pasted line: ");
    String status = state.evidence.get(EvidenceKeys.HTTP_STATUS);
    String type = state.evidence.get(EvidenceKeys.ERROR_TYPE);
    String what = ((status == null ? "" : status) + " " + (type == null ? "" : type)).strip();
    b.strong(what.isEmpty() ? "an error without a status code" : what);
    if (state.errorKind == ErrorKind.SERVER) {
      b.plain(", a server-side failure, read like a 500");
    }
    String requestId = state.evidence.get(EvidenceKeys.REQUEST_ID);
    if (requestId != null) {
      b.plain(", request ").code(requestId);
    }
    String resets = state.evidence.get(EvidenceKeys.LIMIT_RESETS);
    if (resets != null) {
      b.plain(", a limit that resets ").strong(resets);
    }
    if (state.origin == Origin.GATEWAY && state.gateway != null) {
      b.plain(", answered by " + state.gateway);
    }
    return b.plain(".").build();
  }

  static Text abandoned(ConversationState state, Duration timeout) {
    String reached = state.branch == null ? "no branch reached yet" : "branch reached: " + state.branch;
    String answered = state.answers.isEmpty() ? "no answers"
        : state.answers.stream().map(a -> a.answer()).collect(Collectors.joining(" → "));
    return Text.builder()
        .strong("Triage closed")
        .plain(" after " + minutes(timeout) + " without an answer (" + reached + "; " + answered
            + "). Run /claude500 again to start over.")
        .build();
  }

  private static String minutes(Duration d) {
    long m = d.toMinutes();
    return m >= 1 ? m + (m == 1 ? " minute" : " minutes") : d.toSeconds() + " seconds";
  }
}
