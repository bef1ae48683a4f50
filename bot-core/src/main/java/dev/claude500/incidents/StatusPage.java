package dev.claude500.incidents;

import dev.claude500.status.FetchResult;
import dev.claude500.status.IncidentList;
import dev.claude500.status.StatuspageClient;
import dev.claude500.status.Summary;

/** Where the watcher reads the page: the two answers it needs. Implementations never throw. */
public interface StatusPage {
  /** Returns the recent incidents, resolved ones and postmortems included. */
  FetchResult<IncidentList> incidents();

  /** Returns the summary: components, unresolved incidents, scheduled maintenances. */
  FetchResult<Summary> summary();

  /** Returns the page as a client reads it (conditional requests included). */
  static StatusPage of(StatuspageClient client) {
    return new StatusPage() {
      @Override
      public FetchResult<IncidentList> incidents() {
        return client.fetchIncidents();
      }

      @Override
      public FetchResult<Summary> summary() {
        return client.fetchSummary();
      }
    };
  }
}
