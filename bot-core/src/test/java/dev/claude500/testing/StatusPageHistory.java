package dev.claude500.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.claude500.status.IncidentList;
import dev.claude500.status.StatusJson;
import dev.claude500.status.Summary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The Anthropic status page's real history, replayed: what {@code summary.json}, {@code
 * incidents.json} and {@code incidents/unresolved.json} said at any instant, rebuilt from the
 * archive {@code data/statuspage/anthropic-all-incidents.json}. Serve a {@link PageState} with
 * {@link FakeStatusPage#servePage}.
 *
 * <p>The page at instant {@code T} is derived the way the data README describes it:
 *
 * <ul>
 *   <li>an incident appears when {@code created_at <= T} and its first update is shown ({@code
 *       display_at <= T}, else {@code created_at}); it keeps only the updates shown by {@code T};
 *   <li>its {@code status} is its latest kept update's; {@code updated_at} that update's time;
 *       {@code monitoring_at}/{@code resolved_at} the first kept monitoring/resolved update's time
 *       (else null); a {@code started_at} after {@code T} is dropped;
 *   <li>incidents.json holds the 50 newest by {@code created_at}; unresolved.json the open ones;
 *   <li>summary.json lists the six current Anthropic components (ids and names from the data
 *       README), each at the worst {@code new_status} that any open incident's latest update with
 *       affected components gave it, else operational; its indicator is the worst open impact.
 * </ul>
 *
 * <p>Known limits: an incident's {@code impact} and its {@code components} list are the archive's
 * final ones (the API keeps no history of them), with the components' statuses set to those
 * derived at {@code T}; the page has no scheduled maintenances. Immutable and thread-safe.
 */
public final class StatusPageHistory {
  /** The Anthropic page's id. */
  public static final String PAGE_ID = "tymt9n04zgry";

  /** The six Anthropic components, id to current name, in the page's order (data README). */
  public static final Map<String, String> ANTHROPIC_COMPONENTS = anthropicComponents();

  /** The archive's name on the class path (see {@link TestData}). */
  public static final String ARCHIVE = "data/statuspage/anthropic-all-incidents.json";

  private static final ObjectMapper JSON = StatusJson.newMapper();
  private static final Set<String> CLOSED = Set.of("resolved", "postmortem", "completed");
  private static final List<String> IMPACT_ORDER = List.of("none", "maintenance", "minor", "major", "critical");
  private static final List<String> COMPONENT_ORDER =
      List.of("operational", "under_maintenance", "degraded_performance", "partial_outage", "major_outage");
  private static final Map<String, String> DESCRIPTIONS =
      Map.of(
          "none", "All Systems Operational",
          "maintenance", "Service Under Maintenance",
          "minor", "Minor Service Outage",
          "major", "Partial System Outage",
          "critical", "Major System Outage");

  private final List<JsonNode> incidents;

  private StatusPageHistory(List<JsonNode> incidents) {
    this.incidents = List.copyOf(incidents);
  }

  /** Returns the Anthropic page's history from its archive (342 incidents, 2023-03 to 2026-08). */
  public static StatusPageHistory anthropic() {
    return Archive.HISTORY;
  }

  /** Returns a history made of these Statuspage incident objects (a bare JSON array). */
  public static StatusPageHistory of(byte[] incidentArray) {
    JsonNode root = readTree(incidentArray);
    if (!root.isArray()) {
      throw new IllegalArgumentException("expected a JSON array of incidents");
    }
    List<JsonNode> list = new ArrayList<>();
    root.forEach(list::add);
    return new StatusPageHistory(list);
  }

  /** Returns how many incidents the history holds. */
  public int size() {
    return incidents.size();
  }

  /** Returns the page as it stood at {@code t}. */
  public PageState at(Instant t) {
    Objects.requireNonNull(t, "t");
    List<ObjectNode> shown =
        incidents.stream()
            .map(i -> incidentAt(i, t))
            .flatMap(Optional::stream)
            .sorted(Comparator.comparing((ObjectNode i) -> time(i, "created_at")).reversed())
            .toList();
    List<ObjectNode> open = shown.stream().filter(StatusPageHistory::isOpen).toList();
    Map<String, String> componentStatus = componentStatuses(open);
    shown.forEach(i -> setComponentStatuses(i, componentStatus));
    Instant updated =
        shown.stream().map(i -> time(i, "updated_at")).max(Comparator.naturalOrder()).orElse(t);
    ObjectNode page = page(updated);
    return new PageState(
        t,
        bytes(summary(page, open, componentStatus)),
        bytes(listResponse(page, shown.subList(0, Math.min(50, shown.size())))),
        bytes(listResponse(page, open)));
  }

  /**
   * Returns the summary.json that goes with an incidents.json response (such as the verbatim ones
   * in the test data): its page, its open incidents, and the six components and indicator
   * derived from them as {@link #at} derives them.
   */
  public static byte[] summaryFor(byte[] incidentsJson) {
    JsonNode response = readTree(incidentsJson);
    List<ObjectNode> open = new ArrayList<>();
    response.path("incidents").forEach(i -> {
      if (isOpen(i)) {
        open.add((ObjectNode) i.deepCopy());
      }
    });
    ObjectNode page = response.path("page").isObject() ? (ObjectNode) response.get("page").deepCopy() : page(null);
    return bytes(summary(page, open, componentStatuses(open)));
  }

  /** Returns the summary.json of an all-green Anthropic page last updated at {@code updatedAt}. */
  public static byte[] greenSummary(Instant updatedAt) {
    return bytes(summary(page(updatedAt), List.of(), Map.of()));
  }

  private static Optional<ObjectNode> incidentAt(JsonNode incident, Instant t) {
    Instant created = time(incident, "created_at");
    if (created == null || created.isAfter(t)) {
      return Optional.empty();
    }
    JsonNode updates = incident.path("incident_updates");
    List<JsonNode> kept = new ArrayList<>();
    updates.forEach(u -> {
      Instant shown = shownAt(u);
      if (shown != null && !shown.isAfter(t)) {
        kept.add(u);
      }
    });
    if (updates.size() > 0 && kept.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode copy = incident.deepCopy();
    ArrayNode keptArray = copy.putArray("incident_updates");
    kept.forEach(u -> keptArray.add(u.deepCopy()));
    Instant started = time(incident, "started_at");
    if (started != null && started.isAfter(t)) {
      copy.putNull("started_at");
    }
    if (kept.isEmpty()) {
      return Optional.of(copy);
    }
    JsonNode latest = kept.stream().max(Comparator.comparing(StatusPageHistory::shownAt)).orElseThrow();
    copy.put("status", latest.path("status").asText());
    copy.put("updated_at", shownAt(latest).toString());
    putFirst(copy, "monitoring_at", kept, "monitoring"::equals);
    putFirst(copy, "resolved_at", kept, s -> s.equals("resolved") || s.equals("postmortem"));
    if (isOpen(copy)) {
      copy.putNull("resolved_at");
    }
    return Optional.of(copy);
  }

  private static void putFirst(ObjectNode incident, String field, List<JsonNode> updates, Predicate<String> status) {
    Optional<Instant> first =
        updates.stream()
            .filter(u -> status.test(u.path("status").asText()))
            .map(StatusPageHistory::shownAt)
            .min(Comparator.naturalOrder());
    if (first.isPresent()) {
      incident.put(field, first.get().toString());
    } else {
      incident.putNull(field);
    }
  }

  /** For each component any open incident's latest update named, the worst status it was given. */
  private static Map<String, String> componentStatuses(List<? extends JsonNode> open) {
    Map<String, String> statuses = new LinkedHashMap<>();
    for (JsonNode incident : open) {
      List<JsonNode> withComponents = new ArrayList<>();
      incident.path("incident_updates").forEach(u -> {
        if (u.path("affected_components").size() > 0 && shownAt(u) != null) {
          withComponents.add(u);
        }
      });
      withComponents.stream()
          .max(Comparator.comparing(StatusPageHistory::shownAt))
          .ifPresent(u -> u.path("affected_components").forEach(a ->
              statuses.merge(a.path("code").asText(), a.path("new_status").asText("operational"), StatusPageHistory::worseComponent)));
    }
    return statuses;
  }

  private static void setComponentStatuses(ObjectNode incident, Map<String, String> statuses) {
    incident.path("components").forEach(c -> {
      if (c instanceof ObjectNode component) {
        component.put("status", statuses.getOrDefault(component.path("id").asText(), "operational"));
      }
    });
  }

  private static ObjectNode summary(ObjectNode page, List<ObjectNode> open, Map<String, String> componentStatus) {
    ObjectNode summary = JSON.createObjectNode();
    summary.set("page", page);
    ArrayNode components = summary.putArray("components");
    int position = 1;
    for (Map.Entry<String, String> c : ANTHROPIC_COMPONENTS.entrySet()) {
      ObjectNode component = components.addObject();
      component.put("id", c.getKey());
      component.put("name", c.getValue());
      component.put("status", componentStatus.getOrDefault(c.getKey(), "operational"));
      component.put("position", position++);
      component.putNull("description");
      component.put("showcase", true);
      component.putNull("group_id");
      component.put("page_id", PAGE_ID);
      component.put("group", false);
      component.put("only_show_if_degraded", false);
    }
    ArrayNode incidents = summary.putArray("incidents");
    open.forEach(incidents::add);
    summary.putArray("scheduled_maintenances");
    String indicator =
        open.stream().map(i -> i.path("impact").asText("none")).reduce("none", StatusPageHistory::worseImpact);
    ObjectNode status = summary.putObject("status");
    status.put("indicator", indicator);
    status.put("description", DESCRIPTIONS.getOrDefault(indicator, "Unknown"));
    return summary;
  }

  private static ObjectNode listResponse(ObjectNode page, List<ObjectNode> incidents) {
    ObjectNode response = JSON.createObjectNode();
    response.set("page", page);
    ArrayNode array = response.putArray("incidents");
    incidents.forEach(array::add);
    return response;
  }

  private static ObjectNode page(Instant updatedAt) {
    ObjectNode page = JSON.createObjectNode();
    page.put("id", PAGE_ID);
    page.put("name", "Claude");
    page.put("url", "https://status.claude.com");
    page.put("time_zone", "Etc/UTC");
    if (updatedAt == null) {
      page.putNull("updated_at");
    } else {
      page.put("updated_at", updatedAt.toString());
    }
    return page;
  }

  private static String worseImpact(String a, String b) {
    return IMPACT_ORDER.indexOf(b) > IMPACT_ORDER.indexOf(a) ? b : a;
  }

  private static String worseComponent(String a, String b) {
    return COMPONENT_ORDER.indexOf(b) > COMPONENT_ORDER.indexOf(a) ? b : a;
  }

  private static boolean isOpen(JsonNode incident) {
    return !CLOSED.contains(incident.path("status").asText());
  }

  private static Instant shownAt(JsonNode update) {
    Instant display = time(update, "display_at");
    return display != null ? display : time(update, "created_at");
  }

  private static Instant time(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isEmpty() ? Instant.parse(value.asText()) : null;
  }

  private static JsonNode readTree(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> anthropicComponents() {
    Map<String, String> components = new LinkedHashMap<>();
    components.put("rwppv331jlwc", "claude.ai");
    components.put("0qbwn08sd68x", "Claude Console (platform.claude.com)");
    components.put("k8w3r06qmzrp", "Claude API (api.anthropic.com)");
    components.put("yyzkbfz2thpt", "Claude Code");
    components.put("bpp5gb3hpjcl", "Claude Cowork");
    components.put("0scnb50nvy53", "Claude for Government");
    return Collections.unmodifiableMap(components);
  }

  /** Loads the archive once, on first use. */
  private static final class Archive {
    static final StatusPageHistory HISTORY = load();

    private static StatusPageHistory load() {
      return of(TestData.bytes(ARCHIVE));
    }
  }

  /**
   * The page's three answers at one instant, as JSON bytes ready to serve.
   *
   * @param at the instant
   * @param summaryJson {@code /api/v2/summary.json}
   * @param incidentsJson {@code /api/v2/incidents.json}
   * @param unresolvedJson {@code /api/v2/incidents/unresolved.json}
   */
  public record PageState(Instant at, byte[] summaryJson, byte[] incidentsJson, byte[] unresolvedJson) {
    /** Returns the summary, parsed. */
    public Summary summary() {
      return parse(() -> StatusJson.readSummary(summaryJson));
    }

    /** Returns incidents.json, parsed. */
    public IncidentList incidents() {
      return parse(() -> StatusJson.readIncidentList(incidentsJson));
    }

    /** Returns unresolved.json, parsed. */
    public IncidentList unresolved() {
      return parse(() -> StatusJson.readIncidentList(unresolvedJson));
    }

    /**
     * Returns this page with every time in it (the {@code *_at} fields of the page, its incidents,
     * updates and components) passed through {@code time}, to the millisecond: the same page as if
     * it had happened at other moments, e.g. replayed today and faster. {@code time} should keep
     * order, so that the page stays consistent.
     */
    public PageState retimed(UnaryOperator<Instant> time) {
      return new PageState(time.apply(at), retime(summaryJson, time), retime(incidentsJson, time),
          retime(unresolvedJson, time));
    }

    private static byte[] retime(byte[] json, UnaryOperator<Instant> time) {
      JsonNode root = readTree(json);
      retime(root, time);
      return bytes(root);
    }

    private static void retime(JsonNode node, UnaryOperator<Instant> time) {
      if (node instanceof ArrayNode array) {
        array.forEach(n -> retime(n, time));
        return;
      }
      if (!(node instanceof ObjectNode object)) {
        return;
      }
      for (String name : object.properties().stream().map(Map.Entry::getKey).toList()) {
        JsonNode value = object.get(name);
        if (name.endsWith("_at") && value.isTextual() && !value.asText().isEmpty()) {
          Instant mapped = time.apply(Instant.parse(value.asText())).truncatedTo(ChronoUnit.MILLIS);
          object.set(name, TextNode.valueOf(mapped.toString()));
        } else {
          retime(value, time);
        }
      }
    }

    @Override
    public byte[] summaryJson() {
      return summaryJson.clone();
    }

    @Override
    public byte[] incidentsJson() {
      return incidentsJson.clone();
    }

    @Override
    public byte[] unresolvedJson() {
      return unresolvedJson.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PageState p
          && at.equals(p.at)
          && Arrays.equals(summaryJson, p.summaryJson)
          && Arrays.equals(incidentsJson, p.incidentsJson)
          && Arrays.equals(unresolvedJson, p.unresolvedJson);
    }

    @Override
    public int hashCode() {
      return Objects.hash(at, Arrays.hashCode(summaryJson), Arrays.hashCode(incidentsJson));
    }

    @Override
    public String toString() {
      return "PageState[" + at + "]";
    }

    private interface Reader<T> {
      T read() throws IOException;
    }

    private static <T> T parse(Reader<T> reader) {
      try {
        return reader.read();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
