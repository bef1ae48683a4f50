package dev.claude500.incidents;

import dev.claude500.status.FetchResult;
import dev.claude500.status.Incident;
import dev.claude500.status.IncidentList;
import dev.claude500.status.StatusPage;
import dev.claude500.status.Summary;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A status page in memory: the incidents and maintenances a test shows, or a failure. Not thread-safe. */
final class FakePage implements StatusPage {
  private static final URI SOURCE = URI.create("http://fake.test/api/v2/");
  private final Map<String, Incident> incidents = new LinkedHashMap<>();
  private List<Incident> maintenances = List.of();
  private String failure;
  private int reads;

  /** Shows these incidents (replacing any with the same id). */
  FakePage show(Incident... shown) {
    for (Incident i : shown) {
      incidents.put(i.id(), i);
    }
    return this;
  }

  /** Lists these maintenances in the summary, replacing the earlier list. */
  FakePage maintenances(Incident... listed) {
    maintenances = List.of(listed);
    return this;
  }

  /** Makes every read fail with this reason until {@link #recover()}. */
  FakePage fail(String reason) {
    failure = reason;
    return this;
  }

  FakePage recover() {
    failure = null;
    return this;
  }

  /** Returns how many reads began: a read asks for the summary first. */
  int reads() {
    return reads;
  }

  @Override
  public FetchResult<IncidentList> incidents() {
    if (failure != null) {
      return new FetchResult.Failed<>(failure);
    }
    List<Incident> newestFirst = new ArrayList<>(incidents.values());
    java.util.Collections.reverse(newestFirst);
    return new FetchResult.Fetched<>(new IncidentList(Pages.PAGE, newestFirst), SOURCE);
  }

  @Override
  public FetchResult<Summary> summary() {
    reads++;
    if (failure != null) {
      return new FetchResult.Failed<>(failure);
    }
    List<Incident> open = incidents.values().stream().filter(Incident::isOpen).toList();
    return new FetchResult.Fetched<>(Pages.summary(open, maintenances), SOURCE);
  }
}
