package dev.claude500.triage;

import dev.claude500.chat.Actor;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.Reply;
import dev.claude500.chat.Text;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.playbook.Playbook;
import dev.claude500.status.StatusSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks people through a playbook, one conversation per thread.
 *
 * <p>Every input loads the conversation from the store, applies the input through the step function
 * ({@link TriageSteps}: the playbook walk, answers in words, evidence), and writes it back with
 * optimistic concurrency ({@link ConversationWrites}), so two replicas (or two clicks) racing on one
 * question apply it once.
 * Thread-safe; never blocks on the status page for longer than its source's bounded wait.
 *
 * <p>Two hooks connect it to the incident watcher without it knowing of one: an {@link
 * EndListener} told of each ended triage (a waiting one is followed up when its incident clears),
 * and {@link StartNotes} that add a note when the status check finds an open incident (a link to
 * the channel's post about it). Its metrics count triages started, the branches they reach and how
 * they end.
 */
public final class TriageEngine {
  /** The value of the "skip" alternative on text requests. */
  public static final String SKIP = Choices.SKIP;

  static final Logger LOG = LoggerFactory.getLogger(TriageEngine.class);
  private static final int EXPIRE_BATCH = 200;

  private final Map<String, Playbook> playbooks;
  private final String defaultPlaybook;
  private final ConversationStore store;
  private final StatusSource status;
  private final Clock clock;
  private final Duration idleTimeout;
  private final StartNotes startNotes;
  private final BotMetrics metrics;
  private final TriageSteps steps;
  private final ConversationWrites writes;

  /**
   * Told of every triage an input ended (resolved, escalated, redirected, waiting, or closed for
   * being idle), after the ending was stored.
   */
  @FunctionalInterface
  public interface EndListener {
    /**
     * Takes note of an ended triage. Called on the thread that applied the input; should be quick.
     * An exception it throws is logged and does not undo or hide the input's result.
     */
    void ended(TriageView view);
  }

  /**
   * Adds a note when a triage's status check finds an open incident, e.g. a link to the channel's
   * own post about it.
   */
  @FunctionalInterface
  public interface StartNotes {
    /**
     * Returns a note to show after the status verdict, if there is one. Called while an input is
     * applied, so it should be quick; it may be called again for the same input when a concurrent
     * write forces a retry. An exception it throws is logged and the note left out.
     *
     * @param key the triage's thread
     * @param incidentId the open incident the status check found
     */
    Optional<Text> noteFor(ConversationKey key, String incidentId);
  }

  /**
   * Creates an engine.
   *
   * @param playbooks the playbooks by id
   * @param defaultPlaybook the id of the one a plain start walks
   * @param store where conversations live
   * @param status the status page
   * @param clock the time
   * @param idleTimeout how long a triage may wait for an answer before it closes itself
   * @param endListener told of every triage an input ends, after the ending was stored
   * @param startNotes adds its note after a status verdict that found an open incident
   * @param metrics where each triage started, each branch reached and each ending (with the
   *     questions it asked) are recorded
   * @param greenFailures told of each triage that starts failing on a green page, or goes further at it
   * @param log keeps a record of every triage for the team's views ({@link TriageLog#none()}: none)
   */
  public TriageEngine(Map<String, Playbook> playbooks, String defaultPlaybook,
      ConversationStore store, StatusSource status, Clock clock, Duration idleTimeout,
      EndListener endListener, StartNotes startNotes, BotMetrics metrics, GreenFailures greenFailures, TriageLog log) {
    this.playbooks = Map.copyOf(playbooks);
    this.defaultPlaybook = Objects.requireNonNull(defaultPlaybook, "defaultPlaybook");
    if (!this.playbooks.containsKey(defaultPlaybook)) {
      throw new IllegalArgumentException("defaultPlaybook: no playbook " + defaultPlaybook);
    }
    this.store = Objects.requireNonNull(store, "store");
    this.status = Objects.requireNonNull(status, "status");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive");
    }
    this.idleTimeout = idleTimeout;
    this.startNotes = Objects.requireNonNull(startNotes, "startNotes");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.steps = new TriageSteps(this.playbooks, status, clock, startNotes);
    this.writes = new ConversationWrites(store, clock, endListener, metrics, greenFailures, log);
  }

  /** Returns the ids of the playbooks this engine knows. */
  public List<String> playbookIds() {
    return playbooks.keySet().stream().sorted().toList();
  }

  /** Returns the playbook a plain start walks. */
  public Playbook defaultPlaybook() {
    return playbooks.get(defaultPlaybook);
  }

  /** Returns how long a triage may wait for an answer before {@link #expireIdle} closes it. */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  /** Returns the playbook with this id. */
  public Optional<Playbook> playbook(String id) {
    return Optional.ofNullable(playbooks.get(id));
  }

  /**
   * Starts a triage of the default playbook in a thread.
   *
   * @param pasted text pasted with the command, possibly empty
   * @return {@link Disposition#STALE} with no replies when the thread already has a triage
   */
  public TriageResult start(ConversationKey key, Actor actor, String pasted) {
    return start(key, actor, pasted, defaultPlaybook);
  }

  /** Starts a triage of a named playbook in a thread; see {@link #start(ConversationKey, Actor, String)}. */
  public TriageResult start(ConversationKey key, Actor actor, String pasted, String playbookId) {
    return start(key, actor, pasted, playbookId, actor);
  }

  /**
   * Starts a triage of a named playbook in a thread for someone other than who started it (a triage
   * of a message someone else posted): the escalation report names both.
   *
   * @param hit the person the error hit (the message's author); {@code actor} for a triage of one's own
   * @see #start(ConversationKey, Actor, String)
   */
  public TriageResult start(ConversationKey key, Actor actor, String pasted, String playbookId, Actor hit) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(hit, "hit");
    Playbook playbook = playbooks.get(playbookId);
    if (playbook == null) {
      throw new IllegalArgumentException("playbookId: no playbook " + playbookId);
    }
    Instant now = clock.instant();
    ConversationState state = new ConversationState();
    state.playbookId = playbook.id();
    state.stepId = playbook.start();
    state.startedAt = now;
    state.startedBy = actor;
    state.hit = hit.id().equals(actor.id()) ? null : hit;
    TriageResult result = steps.start(key, state, pasted == null ? "" : pasted);
    state.updatedAt = now;
    writes.stampNew(state, now);
    if (!store.create(new StoredConversation(key, state.toJson(), 0, state.open, now))) {
      return TriageResult.nothing(Disposition.STALE);
    }
    writes.created(key, state);
    metrics.triageStarted(state.playbookId);
    writes.countBranch(null, state);
    writes.tellGreen(key, 0, state);
    return writes.told(result);
  }

  /**
   * Applies a clicked answer.
   *
   * @param token the token of the question or text request the click belongs to
   * @param value the choice's value
   */
  public TriageResult answer(ConversationKey key, Actor actor, String token, String value) {
    return writes.mutate(key, state -> steps.answer(key, state, actor, token, value));
  }

  /**
   * Applies free text written in the thread: the answer to a text request, or a question answered
   * by a choice's value, label or number, by words that mean a choice ("when I log in", "nope, same
   * error"), or by a pasted error line that picks one. Two choices that fit equally get a "Did you
   * mean ...?" question ({@link Disposition#APPLIED}); nothing that fits gets {@link
   * Disposition#NOT_UNDERSTOOD} with a hint listing the choices.
   */
  public TriageResult reply(ConversationKey key, Actor actor, String text) {
    return writes.mutate(key, state -> steps.reply(key, state, actor, text));
  }

  /**
   * Resumes a triage that ended waiting for an incident to clear, at its playbook's resume step.
   *
   * @param note what to say first (e.g. "The incident is resolved")
   * @return {@link Disposition#STALE} when the triage is not waiting
   */
  public TriageResult resume(ConversationKey key, Text note) {
    return writes.mutate(key, state -> steps.resume(key, state, note));
  }

  /**
   * Returns again what {@link #resume} returned for a triage, while nobody has answered since: the
   * note and the question it asked. For posters that resumed a triage and then lost its replies (a
   * crash or a refused post before they were all shown). Writes nothing.
   *
   * @return {@link Disposition#STALE} with no replies when the triage was not resumed, was answered
   *     since, or ended; {@link Disposition#NO_TRIAGE} when there is none
   */
  public TriageResult replayResume(ConversationKey key, Text note) {
    Objects.requireNonNull(note, "note");
    Optional<StoredConversation> stored = store.find(Objects.requireNonNull(key, "key"));
    if (stored.isEmpty()) {
      return TriageResult.nothing(Disposition.NO_TRIAGE);
    }
    ConversationState state = ConversationState.fromJson(stored.get().state());
    if (!state.open || state.resumedTurn == null || state.resumedTurn != state.turn) {
      return TriageResult.nothing(Disposition.STALE);
    }
    Optional<Reply> pending = steps.pendingPrompt(state);
    if (pending.isEmpty()) {
      return TriageResult.nothing(Disposition.STALE);
    }
    List<Reply> replies = new ArrayList<>();
    if (!note.isEmpty()) {
      replies.add(new Reply.Message(note));
    }
    replies.add(pending.get());
    return new TriageResult(Disposition.APPLIED, replies, Optional.empty());
  }

  /**
   * Closes every triage idle for longer than the timeout, each with a short summary.
   *
   * @return the closed triages and what to post in each
   */
  public List<Expired> expireIdle() {
    Instant now = clock.instant();
    List<Expired> closed = new ArrayList<>();
    for (StoredConversation c : store.findOpenIdleSince(now.minus(idleTimeout), EXPIRE_BATCH)) {
      TriageResult r = writes.mutate(c.key(), state -> steps.expire(c.key(), state, idleTimeout));
      if (r.disposition() == Disposition.APPLIED) {
        closed.add(new Expired(c.key(), r));
      }
    }
    return closed;
  }

  /** Returns the triage in a thread, open or ended. */
  public Optional<TriageView> find(ConversationKey key) {
    return store.find(key).map(c -> steps.view(key, ConversationState.fromJson(c.state())));
  }

  /**
   * Returns the question or text request an open triage in a thread waits on, as it was asked: its
   * token and its choices. For adapters that cannot carry a whole choice in a button and match what
   * was clicked against this. Writes nothing.
   */
  public Optional<Reply> pending(ConversationKey key) {
    return store.find(Objects.requireNonNull(key, "key"))
        .map(c -> ConversationState.fromJson(c.state()))
        .filter(state -> state.open)
        .flatMap(steps::pendingPrompt);
  }

  /**
   * A triage closed for being idle.
   *
   * @param key its thread
   * @param result the summary to post and the ended view
   */
  public record Expired(ConversationKey key, TriageResult result) {}
}
