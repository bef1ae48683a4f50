package dev.claude500.playbook;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.claude500.errors.ErrorKind;
import dev.claude500.errors.Origin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One step of a playbook. Steps name the steps that follow them by id; the loader checks that
 * every name resolves.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Step.Question.class, name = "question"),
  @JsonSubTypes.Type(value = Step.Capture.class, name = "capture"),
  @JsonSubTypes.Type(value = Step.Auto.class, name = "auto"),
  @JsonSubTypes.Type(value = Step.Advice.class, name = "advice"),
  @JsonSubTypes.Type(value = Step.Outcome.class, name = "outcome")
})
public sealed interface Step {
  /** Returns the step's id, unique in its playbook. */
  String id();

  /** Returns the ids of the steps this one can lead to. */
  List<String> targets();

  /** Returns true when the bot stops here to wait for a person. */
  default boolean waitsForPerson() {
    return this instanceof Question || this instanceof Capture;
  }

  /**
   * A question with buttons.
   *
   * @param id the step id
   * @param text the question
   * @param choices the answers; a choice may list the error kinds that answer it on its own when
   *     the person pasted such an error
   * @param asks when set, the person answers this automatic check in the bot's place (because the
   *     bot could not), and each choice's value is one of the check's results
   */
  record Question(String id, String text, List<Answer> choices, AutoCheck asks) implements Step {
    /** Never a null list. */
    public Question {
      choices = choices == null ? List.of() : List.copyOf(choices);
    }

    @Override
    public List<String> targets() {
      return choices.stream().map(Answer::next).toList();
    }
  }

  /**
   * One answer to a question.
   *
   * @param value the stable value the adapters send back
   * @param label what the person sees
   * @param next the step it leads to
   * @param errorKinds pasted errors of these kinds pick this answer without asking
   * @param says words and phrases that mean this answer when people write them ("log in",
   *     "/login", "that did it"); also read in what was told before the question was reached
   * @param origins a pasted error from one of these places (the sign-in page, a gateway) picks this
   *     answer on the way to a branch
   */
  record Answer(String value, String label, String next, List<ErrorKind> errorKinds, List<String> says,
      List<Origin> origins) {
    /** Never a null list. */
    public Answer {
      errorKinds = errorKinds == null ? List.of() : List.copyOf(errorKinds);
      origins = origins == null ? List.of() : List.copyOf(origins);
      says = says == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(says)); // nulls kept for the validator to name;
    }

    /** Returns an answer with no error kinds and no phrases, e.g. one the engine adds itself. */
    public static Answer of(String value, String label, String next, List<String> says) {
      return new Answer(value, label, next, List.of(), says, List.of());
    }
  }

  /**
   * A request for free text (an error line, {@code /status} output, {@code /debug} output...).
   *
   * @param id the step id
   * @param text the request
   * @param evidence the evidence key the text is stored under
   * @param next the step after it
   * @param skipLabel when set, a button that skips the step
   * @param skipIfPresent when true, the step is passed over if the evidence is already known
   */
  record Capture(
      String id, String text, String evidence, String next, String skipLabel, boolean skipIfPresent)
      implements Step {
    @Override
    public List<String> targets() {
      return next == null ? List.of() : List.of(next);
    }
  }

  /**
   * A step the bot answers itself.
   *
   * @param id the step id
   * @param check what to look at
   * @param components for the status check: the component ids that matter
   * @param routes the next step for each result of the check
   */
  record Auto(String id, AutoCheck check, List<String> components, Map<String, String> routes)
      implements Step {
    /** Never null collections. */
    public Auto {
      components = components == null ? List.of() : List.copyOf(components);
      routes = routes == null ? Map.of() : Map.copyOf(routes);
    }

    @Override
    public List<String> targets() {
      return List.copyOf(routes.values());
    }
  }

  /**
   * A branch's advice: who likely owns the problem, the first move, how to check it on the same
   * path, and when to escalate.
   *
   * @param id the step id
   * @param branch the branch's short name, recorded as "the branch tried"
   * @param title the branch's title
   * @param owner the likely owner
   * @param firstMove the first move
   * @param samePathCheck how to verify on the same failing path
   * @param escalateWhen when to stop and escalate
   * @param next the step after it (usually the same-path question)
   */
  record Advice(
      String id,
      String branch,
      String title,
      String owner,
      String firstMove,
      String samePathCheck,
      String escalateWhen,
      String next)
      implements Step {
    @Override
    public List<String> targets() {
      return next == null ? List.of() : List.of(next);
    }

    /** Returns every text a person reads. */
    public Stream<String> texts() {
      return Stream.of(title, owner, firstMove, samePathCheck, escalateWhen);
    }
  }

  /**
   * The end of a triage.
   *
   * @param id the step id
   * @param result how it ended
   * @param text what the bot says
   * @param resumeAt for {@link OutcomeKind#WAIT}: the step a follow-up resumes at
   */
  record Outcome(String id, OutcomeKind result, String text, String resumeAt) implements Step {
    @Override
    public List<String> targets() {
      return resumeAt == null ? List.of() : List.of(resumeAt);
    }
  }
}
