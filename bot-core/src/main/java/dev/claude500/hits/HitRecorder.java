package dev.claude500.hits;

import dev.claude500.chat.ChannelRef;
import dev.claude500.incidents.ChatPorts;
import dev.claude500.incidents.HitScope;
import dev.claude500.incidents.IncidentHits;
import dev.claude500.triage.TriageEngine;
import dev.claude500.triage.TriageOutcome;
import dev.claude500.triage.TriageView;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the person a triage is for (the author of the message it was started on, else who started
 * it) as hit by the incident it ends up waiting on, in the
 * workspace or server of the triage's channel; a triage that ends any other way no longer counts
 * its person. The posts of each count it changes are edited ({@link HitEdits}). A triage still
 * counts after its incident cleared, so an ended incident's post keeps saying how many were hit.
 * Give it to the {@link TriageEngine} beside the waiting-triage recorder. Thread-safe; a failure
 * is logged, and that triage's person goes uncounted.
 */
public final class HitRecorder implements TriageEngine.EndListener {
  private static final Logger LOG = LoggerFactory.getLogger(HitRecorder.class);

  private final IncidentHits hits;
  private final ChatPorts ports;
  private final HitEdits edits;
  private final Clock clock;

  /** Creates the recorder. */
  public HitRecorder(IncidentHits hits, ChatPorts ports, HitEdits edits, Clock clock) {
    this.hits = Objects.requireNonNull(hits, "hits");
    this.ports = Objects.requireNonNull(ports, "ports");
    this.edits = Objects.requireNonNull(edits, "edits");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void ended(TriageView view) {
    try {
      Set<HitScope> changed = new LinkedHashSet<>(hits.forgetTriage(view.key()));
      boolean waiting = view.outcome().filter(o -> o == TriageOutcome.WAITING).isPresent();
      if (waiting && view.statusIncidentId().isPresent()) {
        String incidentId = view.statusIncidentId().get();
        ChannelRef channel = view.key().channelRef();
        HitScope scope = ports.find(channel.platform()).map(p -> edits.scope(incidentId, p, channel))
            .orElseGet(() -> new HitScope(incidentId, channel.platform(), channel.platform()));
        hits.triageWaits(scope, view.hit().id(), view.key(), clock.instant());
        changed.add(scope);
      }
      changed.forEach(edits::changed);
    } catch (RuntimeException e) {
      LOG.warn("who is hit not updated for the triage in {}: {}", view.key(), e.toString());
    }
  }
}
