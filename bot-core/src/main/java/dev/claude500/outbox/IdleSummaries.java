package dev.claude500.outbox;

import dev.claude500.triage.TriageEngine;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes triages left idle past the engine's timeout and sends each one's summary into its thread
 * through the outbox, after any of its replies still queued; a triage of a platform this process
 * does not run is closed without a summary. Run it on a schedule; it never throws.
 */
public final class IdleSummaries implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(IdleSummaries.class);

  private final TriageEngine engine;
  private final Outbox outbox;
  private final Consumer<TriageEngine.Expired> afterQueued;

  /** Hears of nothing: for a process whose surfaces need not know when a triage was closed. */
  public static final Consumer<TriageEngine.Expired> NOBODY_AFTER = expired -> { };

  /**
   * Creates the task; {@code afterQueued} hears of each closed triage once its summary is queued
   * (and sent, when its thread was free), e.g. for a console to stop answering it, or {@link
   * #NOBODY_AFTER}.
   */
  public IdleSummaries(TriageEngine engine, Outbox outbox, Consumer<TriageEngine.Expired> afterQueued) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.afterQueued = Objects.requireNonNull(afterQueued, "afterQueued");
  }

  /** Closes the idle triages and queues their summaries. */
  @Override
  public void run() {
    try {
      for (TriageEngine.Expired e : engine.expireIdle()) {
        if (!outbox.serves(e.key().platform())) {
          LOG.debug("idle triage {} closed; no {} connection here to post its summary", e.key(), e.key().platform());
          continue;
        }
        try {
          outbox.send(Outgoing.triageReplies(e.key(), e.result().replies()));
        } catch (RuntimeException failed) {
          LOG.warn("summary of idle triage {} not queued: {}", e.key(), failed.toString());
        }
        afterQueued.accept(e);
      }
    } catch (RuntimeException e) {
      LOG.warn("closing idle triages failed, will try again: {}", e.toString());
    }
  }
}
