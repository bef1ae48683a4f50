package dev.claude500.playbook;

import java.util.Set;

/** What an automatic step looks at, and the results it can route on. */
public enum AutoCheck {
  /** Is the status page red for the step's components? Results: red, green, unknown. */
  STATUS(Set.of("red", "green", "unknown"));

  private final Set<String> results;

  AutoCheck(Set<String> results) {
    this.results = results;
  }

  /** Returns every result the check can give; a step's routes must cover them all. */
  public Set<String> results() {
    return results;
  }
}
