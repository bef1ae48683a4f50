package dev.claude500.incidents;

import dev.claude500.chat.ConversationKey;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Who is hit by an incident, per {@link HitScope}: people who said so with the "I'm hit too"
 * button, and people whose triage waits on the incident. A person is counted once in a scope
 * however many reasons they have. Kept in the store, so every replica counts the same people.
 * Thread-safe; every operation is atomic.
 */
public interface IncidentHits {
  /** How a person's own "I'm hit too" mark is recorded. */
  String CLICK = "click";

  /** Returns how a triage's mark is recorded: {@code triage <channel> <thread>}. */
  static String via(ConversationKey triage) {
    return "triage " + triage.channel() + " " + triage.thread();
  }

  /**
   * Flips a person's own mark in a scope: sets it when absent, takes it back when present.
   *
   * @return true when the mark is set now, false when it was taken back
   */
  boolean toggleClick(HitScope scope, String personId, Instant now);

  /** Records that a person's triage in a thread waits on the scope's incident (again: no change). */
  void triageWaits(HitScope scope, String personId, ConversationKey triage, Instant now);

  /** Forgets what a triage recorded; returns the scopes it was counted in (each once). */
  List<HitScope> forgetTriage(ConversationKey triage);

  /** Returns how many people are counted in a scope. */
  int count(HitScope scope);

  /** Returns true when a person is counted in a scope through a waiting triage of theirs. */
  boolean countedByTriage(HitScope scope, String personId);

  /**
   * Returns how many people are counted for each of these incidents, over every platform and
   * workspace (people of different workspaces are different people); incidents nobody is hit by
   * are absent.
   */
  Map<String, Integer> people(Collection<String> incidentIds);

  /**
   * Forgets up to {@code limit} marks made before {@code cutoff}, oldest first.
   *
   * @return how many were forgotten
   * @throws IllegalArgumentException when {@code limit} is negative
   */
  int purgeBefore(Instant cutoff, int limit);
}
