package dev.claude500.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.claude500.status.Incident;
import dev.claude500.status.IncidentUpdate;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.StatusPageHistory;
import dev.claude500.testing.StatusPageHistory.PageState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Real incidents from the Anthropic page's archive, replayed one at a time: the newest ones that
 * never overlapped (each resolved before the next began), so the page at {@link #open(int)} shows
 * exactly one open incident and every earlier one resolved. Immutable.
 */
final class TrialIncidents {
  private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
  private static final Duration MARGIN = Duration.ofMinutes(1);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StatusPageHistory history;
  private final List<Incident> incidents;

  private TrialIncidents(StatusPageHistory history, List<Incident> incidents) {
    this.history = history;
    this.incidents = List.copyOf(incidents);
  }

  /** Picks {@code count} incidents, oldest first. */
  static TrialIncidents pick(int count) {
    PageState everything = StatusPageHistory.anthropic().at(LATEST);
    List<Incident> chosen = new ArrayList<>();
    Instant free = Instant.MIN;
    List<Incident> candidates = everything.incidents().incidents().stream()
        .filter(i -> !i.isOpen() && i.resolvedAt() != null && !i.incidentUpdates().isEmpty() && !i.isMaintenance())
        .sorted(Comparator.comparing(Incident::createdAt))
        .toList();
    for (Incident i : candidates) {
      if (i.createdAt().isAfter(free)) {
        chosen.add(i);
        free = i.resolvedAt().plus(MARGIN);
      }
    }
    if (chosen.size() < count) {
      throw new IllegalStateException("the archive has only " + chosen.size() + " incidents that do not overlap; "
          + count + " wanted");
    }
    List<Incident> trials = chosen.subList(chosen.size() - count, chosen.size());
    return new TrialIncidents(StatusPageHistory.of(only(everything.incidentsJson(), trials)), trials);
  }

  /** Returns how many incidents there are. */
  int size() {
    return incidents.size();
  }

  /** Returns incident {@code i} as it finally stood. */
  Incident incident(int i) {
    return incidents.get(i);
  }

  /** Returns the page before the first incident: all green, nothing listed. */
  PageState before() {
    return history.at(incidents.get(0).createdAt().minus(MARGIN));
  }

  /** Returns the page when incident {@code i}'s first update was shown: it is the one open incident. */
  PageState open(int i) {
    Incident incident = incidents.get(i);
    Instant first = incident.incidentUpdates().stream().map(IncidentUpdate::shownAt)
        .min(Comparator.naturalOrder()).orElse(incident.createdAt());
    return history.at(first.isBefore(incident.createdAt()) ? incident.createdAt() : first);
  }

  /** Returns the page just after incident {@code i} was resolved: nothing open. */
  PageState resolved(int i) {
    return history.at(incidents.get(i).resolvedAt().plus(Duration.ofSeconds(1)));
  }

  /** Serves a page state on all three paths, each with its ETag, stalled by {@code stall} (zero for none). */
  static void serve(FakeStatusPage page, PageState state, Duration stall) {
    page.serve(FakeStatusPage.SUMMARY, answer(state.summaryJson(), stall));
    page.serve(FakeStatusPage.INCIDENTS, answer(state.incidentsJson(), stall));
    page.serve(FakeStatusPage.UNRESOLVED, answer(state.unresolvedJson(), stall));
  }

  private static FakeStatusPage.Response answer(byte[] json, Duration stall) {
    return FakeStatusPage.Response.json(json).withEtag(FakeStatusPage.etagOf(json)).withDelay(stall);
  }

  /** The raw incident objects of an incidents.json response whose ids are those of {@code keep}, as a bare array. */
  private static byte[] only(byte[] incidentsJson, List<Incident> keep) {
    Set<String> ids = keep.stream().map(Incident::id).collect(Collectors.toSet());
    try {
      ArrayNode out = JSON.createArrayNode();
      for (JsonNode i : JSON.readTree(incidentsJson).path("incidents")) {
        if (ids.contains(i.path("id").asText())) {
          out.add(i);
        }
      }
      return JSON.writeValueAsBytes(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
