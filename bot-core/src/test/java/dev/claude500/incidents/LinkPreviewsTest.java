package dev.claude500.incidents;

import static dev.claude500.testing.StatusFixtures.RED_INCIDENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.Reply;
import dev.claude500.status.Impact;
import dev.claude500.status.StatusSnapshot;
import dev.claude500.testing.FixedStatusSource;
import dev.claude500.testing.StatusFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LinkPreviewsTest {
  private static final String LINK = "https://status.claude.com/incidents/" + RED_INCIDENT_ID;

  private final FixedStatusSource status = StatusFixtures.source(StatusFixtures.redSnapshot());
  private final LinkPreviews previews = new LinkPreviews(status);

  @Test
  @DisplayName("a link to an open incident previews it as its post shows it: name, impact, status, latest update, components")
  void knownIncident() {
    Map<String, Reply.Incident> shown = previews.previews(List.of(LINK));

    assertThat(shown).containsOnlyKeys(LINK);
    Reply.Incident preview = shown.get(LINK);
    assertThat(preview.view().id()).isEqualTo(RED_INCIDENT_ID);
    assertThat(preview.view().name()).isNotBlank();
    assertThat(preview.view().impact()).isEqualTo(Impact.CRITICAL);
    assertThat(preview.view().latest()).isPresent();
    assertThat(preview.view().components()).isNotEmpty();
    assertThat(preview.view().link()).isEqualTo(LINK);
  }

  @Test
  @DisplayName("the same incident reads from a link with a slash, a query, a fragment, http or capitals")
  void linkForms() {
    for (String link : List.of(LINK + "/", LINK + "?u=abc", LINK + "#update", "http://status.claude.com/incidents/"
        + RED_INCIDENT_ID, "https://STATUS.claude.com/incidents/" + RED_INCIDENT_ID.toUpperCase())) {
      assertThat(LinkPreviews.incidentId(link)).as(link).contains(RED_INCIDENT_ID);
      assertThat(previews.previews(List.of(link))).as(link).containsOnlyKeys(link);
    }
  }

  @Test
  @DisplayName("other hosts, other paths, unknown ids and garbage get no preview and no error")
  void nothingForTheRest() {
    List<String> links = List.of("https://status.claude.com/incidents/unknown0id99",
        "https://status.claude.com/", "https://status.claude.com/incidents/", "https://status.claude.com/history",
        "https://status.claude.com/incidents/" + RED_INCIDENT_ID + "/subscribe",
        "https://status.claude.com.evil.example/incidents/" + RED_INCIDENT_ID,
        "https://evil.example/incidents/" + RED_INCIDENT_ID,
        "https://user@status.claude.com/incidents/" + RED_INCIDENT_ID,
        "ftp://status.claude.com/incidents/" + RED_INCIDENT_ID,
        "https://status.claude.com/incidents/../incidents/" + RED_INCIDENT_ID,
        "not a link at all", "", "https://status.claude.com/incidents/" + "a".repeat(5_000), "::::");

    assertThat(previews.previews(links)).isEmpty();
    assertThat(previews.previews(new ArrayList<>(java.util.Arrays.asList(null, LINK)))).containsOnlyKeys(LINK);
  }

  @Test
  @DisplayName("of fifty links, only the first five links to incidents are looked at")
  void manyLinks() {
    List<String> links = new ArrayList<>();
    IntStream.range(0, 49).forEach(i -> links.add("https://status.claude.com/incidents/unknown" + i));
    links.add(LINK);
    int before = status.calls();

    assertThat(previews.previews(links)).isEmpty();
    assertThat(status.calls() - before).isEqualTo(LinkPreviews.MAX_LINKS);
    assertThat(previews.previews(List.of(LINK, LINK, LINK))).hasSize(1);
  }

  @Test
  @DisplayName("before the page was read, and for an incident no longer open on a green page, nothing is previewed")
  void unknownPage() {
    FixedStatusSource unknown = StatusFixtures.source(StatusSnapshot.unknown("not read yet"));

    assertThat(new LinkPreviews(unknown).previews(List.of(LINK))).isEmpty();
    assertThat(new LinkPreviews(StatusFixtures.source(StatusFixtures.greenSnapshot())).previews(List.of(LINK))).isEmpty();
  }
}
