package dev.claude500.store;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ConversationKey;
import dev.claude500.earlywarning.EarlyWarningStore;
import dev.claude500.earlywarning.Signal;
import dev.claude500.earlywarning.Warning;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The early warning's store in memory, for tests: it behaves like the JDBC one (merges, one open
 * warning a workspace, the same orders, microsecond instants). Thread-safe; every operation is atomic.
 */
public final class InMemoryEarlyWarnings implements EarlyWarningStore {
  private final Map<ConversationKey, Signal> signals = new LinkedHashMap<>();
  private final Map<String, Warning> warnings = new LinkedHashMap<>();
  /** Claimed messages, "platform channel key" to the warning's id. */
  private final Map<String, String> items = new LinkedHashMap<>();

  /** Creates an empty store. */
  public InMemoryEarlyWarnings() {}

  @Override
  public synchronized void record(Signal signal) {
    Objects.requireNonNull(signal, "signal");
    Signal kept = new Signal(signal.key(), signal.workspace(), signal.kind(), signal.branch(), signal.samePathFails(),
        Micros.truncate(signal.firstAt()), Micros.truncate(signal.lastAt()));
    signals.merge(signal.key(), kept, Signal::merge);
  }

  @Override
  public synchronized List<Signal> signals(String workspace, Instant since) {
    Objects.requireNonNull(workspace, "workspace");
    Instant from = Micros.truncate(Objects.requireNonNull(since, "since"));
    return signals.values().stream()
        .filter(s -> s.workspace().equals(workspace) && !s.lastAt().isBefore(from))
        .sorted(Comparator.comparing(Signal::firstAt).thenComparing(s -> s.key().platform())
            .thenComparing(s -> s.key().channel()).thenComparing(s -> s.key().thread()))
        .toList();
  }

  @Override
  public synchronized boolean open(Warning w) {
    Objects.requireNonNull(w, "warning");
    if (!w.isOpen()) {
      throw new IllegalArgumentException("warning: only an open warning can be opened");
    }
    if (warnings.containsKey(w.id()) || openIn(w.workspace()).isPresent()) {
      return false;
    }
    warnings.put(w.id(), new Warning(w.id(), w.workspace(), Micros.truncate(w.firstAt()),
        Micros.truncate(w.openedAt()), w.openedWith(), Optional.empty()));
    return true;
  }

  @Override
  public synchronized Optional<Warning> openIn(String workspace) {
    Objects.requireNonNull(workspace, "workspace");
    return warnings.values().stream().filter(w -> w.isOpen() && w.workspace().equals(workspace)).findFirst();
  }

  @Override
  public synchronized List<Warning> active(Instant closedSince) {
    Instant from = Micros.truncate(Objects.requireNonNull(closedSince, "closedSince"));
    return warnings.values().stream()
        .filter(w -> w.closing().map(c -> !c.at().isBefore(from)).orElse(true))
        .sorted(Comparator.comparing(Warning::openedAt).thenComparing(Warning::id))
        .toList();
  }

  @Override
  public synchronized boolean close(String id, Warning.Closing closing) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(closing, "closing");
    Warning w = warnings.get(id);
    if (w == null || !w.isOpen()) {
      return false;
    }
    Warning.Closing kept = new Warning.Closing(Micros.truncate(closing.at()), closing.incidentId(),
        closing.incidentName(), closing.incidentLink());
    warnings.put(id, new Warning(w.id(), w.workspace(), w.firstAt(), w.openedAt(), w.openedWith(), Optional.of(kept)));
    return true;
  }

  @Override
  public synchronized boolean claimItem(String warningId, ChannelRef channel, String itemKey, Instant now) {
    Checks.requireNonBlank(warningId, "warningId");
    Objects.requireNonNull(channel, "channel");
    Checks.requireNonBlank(itemKey, "itemKey");
    Objects.requireNonNull(now, "now");
    return items.putIfAbsent(channel.platform() + " " + channel.channelId() + " " + itemKey, warningId) == null;
  }

  @Override
  public synchronized int purgeBefore(Instant cutoff, int limit) {
    Objects.requireNonNull(cutoff, "cutoff");
    Checks.requireLimit(limit);
    Instant before = Micros.truncate(cutoff);
    List<ConversationKey> oldSignals = new ArrayList<>(signals.values().stream()
        .filter(s -> s.lastAt().isBefore(before)).sorted(Comparator.comparing(Signal::lastAt))
        .map(Signal::key).limit(limit).toList());
    oldSignals.forEach(signals::remove);
    List<String> oldWarnings = warnings.values().stream()
        .filter(w -> w.closing().map(c -> c.at().isBefore(before)).orElse(false))
        .map(Warning::id).limit(limit).toList();
    oldWarnings.forEach(warnings::remove);
    items.values().removeIf(oldWarnings::contains);
    return oldSignals.size() + oldWarnings.size();
  }
}
