package dev.claude500.triage;

import dev.claude500.chat.ConversationKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What is kept of one triage for the team's views ({@code stats}, the Slack App Home), beyond the
 * conversation's own retention: where and by whom it ran, what it found and how it ended.
 *
 * @param workspace the workspace (Slack) or server (Discord) its channel belongs to; the
 *     platform's name where the platform has none (the console); {@link #WORKSPACE_UNKNOWN} while
 *     it could not be told (such a record counts in no workspace's views until a later save names it)
 * @param key its thread
 * @param startedBy the platform user id of who started it
 * @param startedAt when it started
 * @param version the conversation's stored version this record was made from: a record never
 *     replaces one made from a later version
 * @param branch the branch reached, once one was
 * @param verdict what the status check found: {@code red}, {@code green} or {@code unknown}, once it ran
 * @param outcome how it ended, once it did
 * @param firstMoveAt when the first branch advice (the first move) was given, once it was
 * @param endedAt when it ended, once it did
 * @param escalated true when the escalation report was handed over
 * @param incidentId the open incident the status check found (the one it waited on), if any
 */
public record TriageRecord(
    String workspace,
    ConversationKey key,
    String startedBy,
    Instant startedAt,
    long version,
    Optional<String> branch,
    Optional<String> verdict,
    Optional<TriageOutcome> outcome,
    Optional<Instant> firstMoveAt,
    Optional<Instant> endedAt,
    boolean escalated,
    Optional<String> incidentId) {
  /**
   * The workspace of a record made while its channel's workspace could not be told (a Discord
   * reconnect, a replica without the server's shard): no platform names a workspace so.
   */
  public static final String WORKSPACE_UNKNOWN = "?";

  /** Validates: nothing null, no blank workspace, no negative version. */
  public TriageRecord {
    if (Objects.requireNonNull(workspace, "workspace").isBlank()) {
      throw new IllegalArgumentException("workspace is blank");
    }
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(startedBy, "startedBy");
    Objects.requireNonNull(startedAt, "startedAt");
    if (version < 0) {
      throw new IllegalArgumentException("version is negative: " + version);
    }
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(firstMoveAt, "firstMoveAt");
    Objects.requireNonNull(endedAt, "endedAt");
    Objects.requireNonNull(incidentId, "incidentId");
  }

  /** Returns true when the record names its workspace (not {@link #WORKSPACE_UNKNOWN}). */
  public boolean workspaceKnown() {
    return !workspace.equals(WORKSPACE_UNKNOWN);
  }

  /** Returns true while the triage has not ended. */
  public boolean open() {
    return endedAt.isEmpty();
  }
}
