package dev.claude500.bot;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a {@code /claude500} line asks for. */
public sealed interface Command {
  /** {@code /claude500 help}. */
  record Help() implements Command {}

  /** {@code /claude500 status}. */
  record Status() implements Command {}

  /**
   * {@code /claude500 subscribe [component ...]}.
   *
   * @param components the names given; empty means every component
   */
  record Subscribe(List<String> components) implements Command {
    /** Copies the names. */
    public Subscribe {
      components = List.copyOf(components);
    }
  }

  /** {@code /claude500 unsubscribe}. */
  record Unsubscribe() implements Command {}

  /** {@code /claude500 subscriptions}. */
  record Subscriptions() implements Command {}

  /** {@code /claude500 playbooks}: the playbooks a triage can walk. */
  record Playbooks() implements Command {}

  /**
   * {@code /claude500 [triage] [pasted text]} or {@code /claude500 playbook <id> [pasted text]}.
   *
   * @param pasted the text pasted with the command, possibly empty
   * @param playbook the playbook named, when one was
   */
  record Triage(String pasted, Optional<String> playbook) implements Command {
    /** Validates. */
    public Triage {
      Objects.requireNonNull(pasted, "pasted");
      Objects.requireNonNull(playbook, "playbook");
    }
  }
}
