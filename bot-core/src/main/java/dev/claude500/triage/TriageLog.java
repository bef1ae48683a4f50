package dev.claude500.triage;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ConversationKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keeps a {@link TriageRecord} of every triage as the engine stores it: at its start, at its first
 * move, at its end, and at every write between (each write replaces the thread's record). Thread-safe.
 * A record that cannot be written (the store failing) is logged and skipped: it never undoes or
 * delays the input that made it beyond the write itself. A record made while the channel's workspace
 * cannot be told is written without it ({@link TriageRecord#WORKSPACE_UNKNOWN}): it keeps the
 * workspace an earlier save named, or waits for a later save to name one.
 */
public final class TriageLog {
  private static final TriageLog NONE = new TriageLog(null, channel -> channel.platform());

  private final TriageRecords records;
  private final Function<ChannelRef, String> workspaces;

  /**
   * Creates a log.
   *
   * @param records where the records go; null keeps none (see {@link #none()})
   * @param workspaces names the workspace or server a channel belongs to (a chat port's {@code
   *     workspace}); when it throws or names none, the record is saved without its workspace
   */
  public TriageLog(TriageRecords records, Function<ChannelRef, String> workspaces) {
    this.records = records;
    this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
  }

  /** Returns a log that keeps nothing. */
  public static TriageLog none() {
    return NONE;
  }

  /**
   * Notes in {@code state} the moments this write reached: its first move (the first branch advice),
   * its end (cleared again when a waiting triage is resumed). {@code hadFirstMove} is what the
   * stored version before this one said.
   */
  static void stamp(ConversationState state, boolean hadFirstMove, Instant now) {
    if (!hadFirstMove && state.questionsToFirstMove != null && state.firstMoveAt == null) {
      state.firstMoveAt = now;
    }
    if (state.open) {
      state.endedAt = null;
    } else if (state.endedAt == null) {
      state.endedAt = now;
    }
  }

  /** Records the triage as {@code state} (stored as {@code version}) shows it; never throws. */
  void record(ConversationKey key, ConversationState state, long version) {
    if (records == null) {
      return;
    }
    try {
      records.save(of(workspace(key), key, state, version));
    } catch (RuntimeException e) {
      TriageEngine.LOG.warn("The record of triage {} was not written: {}", key, e.toString());
    }
  }

  private String workspace(ConversationKey key) {
    return workspaceOf(workspaces, key.channelRef());
  }

  /**
   * Returns the workspace {@code workspaces} names for a channel, as records file it: {@link
   * TriageRecord#WORKSPACE_UNKNOWN} when it cannot be told now (it throws, or names none).
   */
  public static String workspaceOf(Function<ChannelRef, String> workspaces, ChannelRef channel) {
    try {
      String w = workspaces.apply(channel);
      return w == null || w.isBlank() ? TriageRecord.WORKSPACE_UNKNOWN : w;
    } catch (RuntimeException e) {
      TriageEngine.LOG.info("Workspace of {} unknown for now: {}", channel, e.toString());
      return TriageRecord.WORKSPACE_UNKNOWN;
    }
  }

  static TriageRecord of(String workspace, ConversationKey key, ConversationState state, long version) {
    Optional<ConversationState.StatusRecord> status = Optional.ofNullable(state.statusAtFailure);
    return new TriageRecord(workspace, key, state.startedBy == null ? "" : state.startedBy.id(), state.startedAt,
        version, Optional.ofNullable(state.branch), status.map(ConversationState.StatusRecord::result),
        Optional.ofNullable(state.outcome), Optional.ofNullable(state.firstMoveAt),
        Optional.ofNullable(state.endedAt), state.outcome == TriageOutcome.ESCALATED,
        status.map(ConversationState.StatusRecord::incidentId).filter(id -> !id.isBlank()));
  }
}
