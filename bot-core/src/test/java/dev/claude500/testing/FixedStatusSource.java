package dev.claude500.testing;

import dev.claude500.status.StatusSnapshot;
import dev.claude500.status.StatusSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link StatusSource} that answers whatever snapshot the test set, for code that reads the page
 * without needing HTTP (the triage engine, renderers). Counts its calls. Thread-safe.
 */
public final class FixedStatusSource implements StatusSource {
  private final AtomicReference<StatusSnapshot> snapshot;
  private final AtomicInteger calls = new AtomicInteger();

  /** Creates a source answering {@code snapshot}. */
  public FixedStatusSource(StatusSnapshot snapshot) {
    this.snapshot = new AtomicReference<>(Objects.requireNonNull(snapshot, "snapshot"));
  }

  /** Makes the source answer {@code next} from now on. */
  public void set(StatusSnapshot next) {
    snapshot.set(Objects.requireNonNull(next, "next"));
  }

  /** Returns how many times {@link #current()} or {@link #peek()} was called. */
  public int calls() {
    return calls.get();
  }

  @Override
  public StatusSnapshot current() {
    calls.incrementAndGet();
    return snapshot.get();
  }

  @Override
  public StatusSnapshot peek() {
    calls.incrementAndGet();
    return snapshot.get();
  }
}
