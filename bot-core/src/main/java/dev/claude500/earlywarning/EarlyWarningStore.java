package dev.claude500.earlywarning;

import dev.claude500.chat.ChannelRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the early warning keeps the triages failing on a green page and the warnings about them,
 * shared by every replica: a workspace has at most one open warning, whoever opens it. Instants are
 * kept to the microsecond. Thread-safe.
 */
public interface EarlyWarningStore {
  /**
   * Records a triage failing on a green page; a triage already recorded is merged with it ({@link
   * Signal#merge}), keeping its workspace and first time.
   */
  void record(Signal signal);

  /** Returns the signals of a workspace last seen at or after {@code since}, first seen first. */
  List<Signal> signals(String workspace, Instant since);

  /**
   * Opens a warning unless its workspace has an open one.
   *
   * @return true when this caller opened it; false when the workspace had an open warning already
   */
  boolean open(Warning warning);

  /** Returns the open warning of a workspace. */
  Optional<Warning> openIn(String workspace);

  /** Returns the open warnings and those closed at or after {@code closedSince}, oldest first. */
  List<Warning> active(Instant closedSince);

  /**
   * Closes an open warning.
   *
   * @return true when this caller closed it; false when it was closed already or is unknown
   */
  boolean close(String id, Warning.Closing closing);

  /**
   * Claims the sending of one of a warning's messages in a channel: the caller that claims it queues
   * it, and no other.
   *
   * @return true when this caller claimed it now; false when it was claimed before
   */
  boolean claimItem(String warningId, ChannelRef channel, String itemKey, Instant now);

  /**
   * Deletes signals last seen before {@code cutoff} and warnings closed before it (with their
   * claimed messages), up to {@code limit} of each.
   *
   * @return how many rows went
   */
  int purgeBefore(Instant cutoff, int limit);
}
