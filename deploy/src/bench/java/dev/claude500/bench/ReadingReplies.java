package dev.claude500.bench;

import dev.claude500.errors.ErrorTextParser;
import dev.claude500.playbook.AnswerMatcher;
import dev.claude500.playbook.Playbook;
import dev.claude500.playbook.PlaybookLoader;
import dev.claude500.playbook.Step;
import dev.claude500.testing.Corpora;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: reading one thing a person wrote, taken in turn from the corpora of real typed replies and
 * real pasted errors. A reply is matched against its question's choices; a paste is parsed for its
 * error and read for clues at "Where does the 500 show up?", as a triage's first message is.
 */
@State(Scope.Thread)
public class ReadingReplies {
  private final List<Step.Question> questions = new ArrayList<>();
  private final List<String> texts = new ArrayList<>();
  private final List<Boolean> pastes = new ArrayList<>();
  private int next;

  /** Loads the corpora and the built-in playbook's questions. */
  @Setup
  public void load() {
    Playbook playbook = PlaybookLoader.builtIn();
    for (Corpora.TypedReply r : Corpora.typedReplies()) {
      questions.add((Step.Question) playbook.require(r.step()));
      texts.add(r.text());
      pastes.add(false);
    }
    Step.Question where = (Step.Question) playbook.require("where");
    for (Corpora.Paste p : Corpora.pastes()) {
      questions.add(where);
      texts.add(p.text());
      pastes.add(true);
    }
  }

  /** Reads the next entry. */
  @Benchmark
  public Object read() {
    int i = next;
    next = (next + 1) % texts.size();
    if (pastes.get(i)) {
      return List.of(ErrorTextParser.parse(texts.get(i)), AnswerMatcher.clues(questions.get(i).choices(), texts.get(i)));
    }
    return AnswerMatcher.reply(questions.get(i).choices(), texts.get(i));
  }

  /** Returns the figure: the sampled time of one read, with its p99 against the 1 ms target. */
  static List<Figure> figures(EngineThroughput.Result r) {
    return List.of(new Figure("Understanding: one typed reply or pasted error read (matcher + parser over the corpora,"
        + " JMH sample time, 1 thread)", Units.nanos(r.stepMedianNanos()), Units.nanos(r.stepP99Nanos()),
        Units.count(r.stepsPerSecond()) + " reads/s", "p99 < 1 ms", Figure.Verdict.of(r.stepP99Nanos() < 1_000_000)));
  }
}
