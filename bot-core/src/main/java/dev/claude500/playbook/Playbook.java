package dev.claude500.playbook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated decision flow. Immutable and thread-safe; build one with {@link PlaybookLoader}.
 *
 * @param id the playbook's id, e.g. {@code claude-code-500}
 * @param title its title
 * @param start the first step's id
 * @param steps every step by id, in file order
 */
public record Playbook(String id, String title, String start, Map<String, Step> steps) {
  /** Copies the steps, keeping their order. */
  public Playbook {
    steps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(steps));
  }

  /** Returns the step with this id. */
  public Optional<Step> step(String stepId) {
    return Optional.ofNullable(steps.get(stepId));
  }

  /** Returns the step with this id, which must exist (validation guarantees targets do). */
  public Step require(String stepId) {
    Step step = steps.get(stepId);
    if (step == null) {
      throw new IllegalArgumentException("playbook " + id + " has no step " + stepId);
    }
    return step;
  }

  /** Returns the steps in file order. */
  public List<Step> stepList() {
    return List.copyOf(steps.values());
  }
}
