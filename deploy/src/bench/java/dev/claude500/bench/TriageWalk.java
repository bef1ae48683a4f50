package dev.claude500.bench;

import dev.claude500.chat.Actor;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.Reply;
import dev.claude500.playbook.Playbook;
import dev.claude500.playbook.PlaybookLoader;
import dev.claude500.status.StatusSnapshot;
import dev.claude500.store.Store;
import dev.claude500.testing.FixedStatusSource;
import dev.claude500.testing.PrintedErrorLines;
import dev.claude500.testing.StatusFixtures;
import dev.claude500.testing.TriageEngines;
import dev.claude500.triage.Disposition;
import dev.claude500.triage.TriageEngine;
import dev.claude500.triage.TriageResult;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One walk of the built-in playbook to an escalation, input by input, as people in a thread give
 * them: {@code /claude500} with a real pasted 500 line (the bot reads the error and the green status
 * page itself), "while signing in", "same sign-in still fails", then the {@code /status} and {@code
 * /debug} output, which ends it with the report. After the last input the next one starts a new
 * triage in a new thread. Each input fails loudly when the engine did not apply it, so a changed
 * playbook cannot pass for a fast one. Not thread-safe.
 */
final class TriageWalk {
  /** The inputs of one walk. */
  static final int INPUTS = 5;

  static final String STATUS_OUTPUT = String.join("\n",
      "Claude Code v2.1.14",
      " L Session ID: 5b0d7d1e-3d1a-4a8e-9c55-0c6f2a0e51b7",
      " L cwd: /home/dev/work/payments-service",
      "Account",
      " L Login method: Claude Max account",
      " L Organization: Example Engineering",
      " L Email: dev@example.com",
      "Model",
      " L Default (claude-sonnet-4-5)",
      "Memory",
      " L project: CLAUDE.md",
      "IDE",
      " L Connected to VS Code extension");
  static final String DEBUG_OUTPUT = String.join("\n",
      "[DEBUG] Creating API request to /v1/messages?beta=true (attempt 1)",
      "[DEBUG] API request failed after 1712ms: 500 Internal server error",
      "[DEBUG] Retrying API request (attempt 2/10) in 1s",
      "[DEBUG] API request failed after 1650ms: 500 Internal server error",
      "[DEBUG] OAuth token refresh: token still valid for 42m");

  private static final Actor ALICE = new Actor("U0ALICE", "alice");

  private final TriageEngine engine;
  private final String pasted;
  private int cursor;
  private long triages;
  private ConversationKey key;
  private String token;

  TriageWalk(TriageEngine engine) {
    this.engine = engine;
    this.pasted = PrintedErrorLines.all().stream()
        .filter(r -> r.httpStatus().filter(s -> s == 500).isPresent() && r.requestId().isPresent())
        .findFirst().orElseThrow().withoutPrefix();
  }

  /**
   * Returns an engine like the launcher's, on {@code store}, with the built-in playbook and the
   * real green summary, fetched (as far as the engine can tell) just now.
   */
  static TriageEngine engine(Store store) {
    Playbook playbook = PlaybookLoader.builtIn();
    Clock clock = Clock.systemUTC();
    StatusSnapshot green = StatusSnapshot.fresh(StatusFixtures.greenSummary(), clock.instant());
    return TriageEngines.of(Map.of(playbook.id(), playbook), playbook.id(), store.conversations(),
        new FixedStatusSource(green), clock, Duration.ofMinutes(60));
  }

  /** Applies the next input; after the last, the next call starts a new triage. */
  TriageResult step() {
    TriageResult r = switch (cursor) {
      case 0 -> {
        triages++;
        key = new ConversationKey("slack", String.format(Locale.ROOT, "C%08d", triages % 1000),
            String.format(Locale.ROOT, "1700000000.%06d", triages));
        yield engine.start(key, ALICE, pasted);
      }
      case 1 -> engine.answer(key, ALICE, token, "login");
      case 2 -> engine.answer(key, ALICE, token, "still-failing");
      case 3 -> engine.reply(key, ALICE, STATUS_OUTPUT);
      default -> engine.reply(key, ALICE, DEBUG_OUTPUT);
    };
    if (r.disposition() != Disposition.APPLIED) {
      throw new IllegalStateException("input " + cursor + " of the walk was not applied: " + r.disposition());
    }
    boolean last = cursor == INPUTS - 1;
    if (last != r.ended().isPresent()) {
      throw new IllegalStateException("the walk " + (last ? "did not end" : "ended") + " at input " + cursor);
    }
    token = pendingToken(r.replies());
    cursor = last ? 0 : cursor + 1;
    return r;
  }

  /** Makes the next {@link #step()} start a new triage, leaving the current one open where it is. */
  void restart() {
    cursor = 0;
  }

  /** Returns the thread of the current triage. */
  ConversationKey key() {
    return key;
  }

  private static String pendingToken(List<Reply> replies) {
    for (Reply r : replies) {
      if (r instanceof Reply.Question q) {
        return q.token();
      }
      if (r instanceof Reply.TextRequest t) {
        return t.token();
      }
    }
    return null;
  }
}
