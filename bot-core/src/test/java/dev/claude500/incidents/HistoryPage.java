package dev.claude500.incidents;

import dev.claude500.status.FetchResult;
import dev.claude500.status.IncidentList;
import dev.claude500.status.StatusPage;
import dev.claude500.status.Summary;
import dev.claude500.testing.StatusPageHistory;
import java.net.URI;
import java.time.Instant;

/** The Anthropic page as it stood at a moment of its real history, read without HTTP. Not thread-safe. */
final class HistoryPage implements StatusPage {
  private static final URI SOURCE = URI.create("http://history.test/api/v2/");
  private IncidentList incidents;
  private Summary summary;

  HistoryPage(Instant at) {
    at(at);
  }

  /** Shows the page as it stood at {@code t}. */
  HistoryPage at(Instant t) {
    StatusPageHistory.PageState state = StatusPageHistory.anthropic().at(t);
    incidents = state.incidents();
    summary = state.summary();
    return this;
  }

  @Override
  public FetchResult<IncidentList> incidents() {
    return new FetchResult.Fetched<>(incidents, SOURCE);
  }

  @Override
  public FetchResult<Summary> summary() {
    return new FetchResult.Fetched<>(summary, SOURCE);
  }
}
