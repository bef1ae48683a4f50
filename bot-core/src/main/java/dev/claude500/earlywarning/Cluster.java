package dev.claude500.earlywarning;

import dev.claude500.errors.ErrorKind;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The triages of one workspace failing on a green page, and what they add up to.
 *
 * @param members the signals, first seen first
 */
record Cluster(List<Signal> members) {
  Cluster {
    members = members.stream().sorted(Comparator.comparing(Signal::firstAt)).toList();
  }

  /**
   * Returns true when the members make a cluster worth a warning: at least {@code threshold} of them
   * still fail on the same path after the first move, or reported the same kind of error.
   */
  boolean reaches(int threshold) {
    if (members.stream().filter(Signal::samePathFails).count() >= threshold) {
      return true;
    }
    return kinds().values().stream().anyMatch(n -> n >= threshold);
  }

  int size() {
    return members.size();
  }

  long samePathFails() {
    return members.stream().filter(Signal::samePathFails).count();
  }

  /** Returns how many members reported each kind of error, in the kinds' order. */
  Map<ErrorKind, Long> kinds() {
    return count(s -> s.kind().orElse(null));
  }

  /** Returns how many members reached each branch, by name. */
  Map<String, Long> branches() {
    return count(s -> s.branch().orElse(null));
  }

  Optional<Instant> first() {
    return members.stream().map(Signal::firstAt).min(Comparator.naturalOrder());
  }

  Optional<Instant> last() {
    return members.stream().map(Signal::lastAt).max(Comparator.naturalOrder());
  }

  /** Returns the earliest time a member was last seen: where a warning about exactly these starts. */
  Optional<Instant> since() {
    return members.stream().map(Signal::lastAt).min(Comparator.naturalOrder());
  }

  private <K extends Comparable<K>> Map<K, Long> count(Function<Signal, K> by) {
    return members.stream().map(by).filter(k -> k != null)
        .collect(Collectors.groupingBy(k -> k, TreeMap::new, Collectors.counting()));
  }
}
