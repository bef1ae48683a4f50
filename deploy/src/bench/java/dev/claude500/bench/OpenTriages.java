package dev.claude500.bench;

import dev.claude500.store.InMemoryStore;
import dev.claude500.triage.StoredConversation;
import dev.claude500.triage.TriageEngine;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * Run in a JVM of its own with the heap to test ({@code -Xmx256m}): opens {@code n} triages on the
 * in-memory store, each started with a real pasted 500 line and answered once, so it waits on the
 * branch's same-path check with its error line, status verdict and answers in its state; measures
 * the heap in use after a full collection before and after, with the store still reachable; prints
 * one line {@code open=<n> before=<bytes> after=<bytes> state=<average JSON chars>}.
 */
public final class OpenTriages {
  private OpenTriages() {}

  /** Entry point: {@code OpenTriages <n>}. */
  public static void main(String[] args) throws InterruptedException {
    int n = Integer.parseInt(args[0]);
    InMemoryStore store = new InMemoryStore();
    TriageEngine engine = TriageWalk.engine(store);
    TriageWalk walk = new TriageWalk(engine);
    openOne(walk);
    long before = usedAfterGc();
    long stateChars = 0;
    for (int i = 1; i < n; i++) {
      openOne(walk);
      if (i % 1000 == 0) {
        stateChars += state(store, walk);
      }
    }
    long after = usedAfterGc();
    if (store.conversations().find(walk.key()).filter(StoredConversation::open).isEmpty()) {
      throw new IllegalStateException("the last triage is not open");
    }
    long samples = Math.max(1, (n - 1) / 1000);
    System.out.printf(Locale.ROOT, "open=%d before=%d after=%d state=%d%n", n - 1, before, after,
        n > 1000 ? stateChars / samples : state(store, walk));
    Reference.reachabilityFence(store);
  }

  private static void openOne(TriageWalk walk) {
    walk.step();
    walk.step();
    walk.restart();
  }

  private static long state(InMemoryStore store, TriageWalk walk) {
    return store.conversations().find(walk.key()).orElseThrow().state().length();
  }

  /** Returns the heap in use after collections have stopped freeing anything. */
  static long usedAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      Thread.sleep(100);
      long now = memory.getHeapMemoryUsage().getUsed();
      if (now >= used - 64 * 1024) {
        return Math.min(now, used);
      }
      used = now;
    }
    return used;
  }
}
