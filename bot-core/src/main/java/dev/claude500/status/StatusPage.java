package dev.claude500.status;

import java.util.Objects;

/**
 * Where the page is read: the two answers a poll needs. {@link StatuspageClient} is the real one
 * ({@link #of(StatuspageClient)}); tests give pages in memory. Implementations never throw.
 */
public interface StatusPage {
  /** Returns the recent incidents, resolved ones and postmortems included. */
  FetchResult<IncidentList> incidents();

  /** Returns the summary: components, unresolved incidents, scheduled maintenances. */
  FetchResult<Summary> summary();

  /** Returns the page as a client reads it (conditional requests included). */
  static StatusPage of(StatuspageClient client) {
    Objects.requireNonNull(client, "client");
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
