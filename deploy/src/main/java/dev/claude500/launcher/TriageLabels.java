package dev.claude500.launcher;

import dev.claude500.chat.ConversationKey;
import dev.claude500.playbook.Playbook;
import dev.claude500.status.StatusWords;
import dev.claude500.triage.TriageEngine;
import dev.claude500.triage.TriageView;
import java.util.Objects;
import java.util.Optional;

/**
 * Names a console triage so that two can be told apart where they share one screen: its playbook,
 * when it started, and the first line of the error it was started with, as in
 * {@code Claude Code 500 triage of 2026-04-15 14:02 UTC (“API Error: 500 …”)}. Thread-safe.
 */
final class TriageLabels {
  /** Characters of the first line shown: enough to tell two errors apart, short enough to head a line. */
  private static final int LINE_CHARS = 60;

  private final TriageEngine engine;

  TriageLabels(TriageEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  /** Returns the label of the triage in {@code key}'s thread; "triage" when it cannot be read. */
  String of(ConversationKey key) {
    return engine.find(key).map(this::of).orElse("triage");
  }

  private String of(TriageView view) {
    String title = engine.playbook(view.playbookId()).map(Playbook::title).orElse(view.playbookId());
    return title + " triage of " + StatusWords.time(view.startedAt())
        + view.firstLine().map(line -> " (“" + shortened(line) + "”)").orElse("");
  }

  private static String shortened(String line) {
    return line.codePointCount(0, line.length()) <= LINE_CHARS ? line
        : line.substring(0, line.offsetByCodePoints(0, LINE_CHARS - 1)) + "…";
  }

  /**
   * Returns what to say of a triage the console stops answering, while it is open: it is kept, and
   * when it closes; empty when it already ended.
   */
  Optional<String> leftOpen(ConversationKey key) {
    return engine.find(key).filter(TriageView::open).map(view -> "The " + of(view)
        + " is left open: it closes itself after " + StatusWords.age(engine.idleTimeout()) + " without an answer.");
  }
}
