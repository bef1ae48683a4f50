package dev.claude500.bench;

import dev.claude500.store.InMemoryStore;
import dev.claude500.triage.TriageResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: one triage input per operation (start, click or reply), on the in-memory store, walking
 * {@link TriageWalk} over and over; each iteration begins with an empty store. Every input loads the
 * conversation's JSON state, walks the playbook (error parsing, status check, redaction, the report)
 * and writes it back.
 */
@State(Scope.Thread)
public class TriageSteps {
  private TriageWalk walk;

  /** Starts each iteration with an empty store. */
  @Setup(Level.Iteration)
  public void emptyStore() {
    walk = new TriageWalk(TriageWalk.engine(new InMemoryStore()));
  }

  /** Applies one input. */
  @Benchmark
  public TriageResult step() {
    return walk.step();
  }
}
