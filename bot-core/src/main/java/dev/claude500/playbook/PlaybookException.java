package dev.claude500.playbook;

import java.util.List;

/** A playbook that cannot be loaded; each problem names the step it is about. */
public final class PlaybookException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /** Creates an exception for a source and its problems. */
  public PlaybookException(String source, List<String> problems) {
    super("playbook " + source + ": " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Returns each problem, one sentence each, naming the step. */
  public List<String> problems() {
    return problems;
  }
}
