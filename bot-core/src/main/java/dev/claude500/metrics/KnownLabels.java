package dev.claude500.metrics;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The label values a bot knows at start, for {@link BotMetrics#startAtZero}: those that depend on how
 * it is set up (its components), and the closed sets every bot has (its constants: the results,
 * reasons and tables the places that count pass to {@link BotMetrics}; a new word there belongs here).
 *
 * @param playbooks the ids of the playbooks loaded
 * @param branches the branches their advice steps name
 * @param outcomes every way a triage can end, as counted ({@code resolved}, ..., and {@code none})
 * @param platforms the chat platforms configured, e.g. {@code slack}
 */
public record KnownLabels(Set<String> playbooks, Set<String> branches, Set<String> outcomes, Set<String> platforms) {
  /** The status page's endpoints the client fetches. */
  public static final List<String> STATUS_ENDPOINTS = List.of("summary", "incidents", "unresolved");
  /** What a status-page fetch can come to. */
  public static final List<String> FETCH_RESULTS = List.of("200", "304", "error");
  /** What an incident item can come to. */
  public static final List<String> POST_RESULTS = List.of("posted", "edited", "found", "deferred", "refused");
  /** The tables the retention purges. */
  public static final List<String> PURGED_TABLES = List.of("conversation", "seen_delivery", "post_ledger", "waiting_triage",
      "incident_hit", "triage_record");
  /** Why a connection is cut. */
  public static final List<String> CUT_REASONS = List.of("headers", "body");
  /** Why a request is refused. */
  public static final List<String> REFUSED_REASONS = List.of("too_large", "busy", "late");
  /** What a call to the status-page webhook can come to. */
  public static final List<String> POKE_RESULTS = List.of("now", "later", "joined", "unknown_token", "not_post", "relayed");

  /** Copies the sets; none may be null. */
  public KnownLabels {
    playbooks = Set.copyOf(Objects.requireNonNull(playbooks, "playbooks"));
    branches = Set.copyOf(Objects.requireNonNull(branches, "branches"));
    outcomes = Set.copyOf(Objects.requireNonNull(outcomes, "outcomes"));
    platforms = Set.copyOf(Objects.requireNonNull(platforms, "platforms"));
  }
}
