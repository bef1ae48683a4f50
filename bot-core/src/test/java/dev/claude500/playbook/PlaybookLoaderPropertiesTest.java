package dev.claude500.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claude500.testing.RandomJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The playbook loader on hostile input: arbitrary bytes, documents shaped like playbooks with
 * every field possibly missing, misspelt or of the wrong type, and the built-in playbook mutated.
 * It either returns a sound playbook or throws its own {@link PlaybookException} whose every
 * problem is one line naming the step or the problem; nothing else escapes. Mutations whose
 * problem is known in advance (a target renamed, a required text removed) are named exactly.
 */
class PlaybookLoaderPropertiesTest {
  private static final String SOURCE = "fuzz.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonNode BUILT_IN = builtInTree();

  private static final List<String> TYPES = List.of("question", "capture", "auto", "advice", "outcome", "Question",
      "teleport", "");
  private static final List<String> KEYS = List.of("id", "type", "text", "choices", "value", "label", "next",
      "errorKinds", "asks", "evidence", "skipLabel", "skipIfPresent", "check", "components", "routes", "branch",
      "title", "owner", "firstMove", "samePathCheck", "escalateWhen", "result", "resumeAt", "start", "steps", "extra");
  private static final List<String> IDS = List.of("a", "b", "c", "done", "start", "", " ", "a b", "ünïcødé");
  private static final List<String> WORDS = List.of("resolved", "escalate", "redirect", "wait", "status", "red",
      "green", "unknown", "purple", "SERVER_ERROR", "OVERLOADED", "rate_limit", "AUTH", "bogus", "Is it red?", "x");

  /** Required texts per step type, as the validator names them. */
  private static final Map<String, List<String>> REQUIRED = Map.of(
      "question", List.of("text"),
      "capture", List.of("text", "evidence", "next"),
      "advice", List.of("branch", "title", "owner", "firstMove", "samePathCheck", "escalateWhen", "next"),
      "outcome", List.of("text"));

  @Property(tries = 300)
  void anyBytesGiveAPlaybookOrItsOwnException(@ForAll("bytes") byte[] document) {
    loadsOrNamesItsProblems(document);
  }

  @Property(tries = 400)
  void documentsShapedLikePlaybooksGiveAPlaybookOrItsOwnException(@ForAll("seeds") long seed) {
    loadsOrNamesItsProblems(bytes(shaped(new Random(seed))));
  }

  @Property(tries = 400)
  void theBuiltInMutatedGivesAPlaybookOrItsOwnException(@ForAll("seeds") long seed) {
    Random r = new Random(seed);
    JsonNode tree = BUILT_IN.deepCopy();
    for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
      tree = mutate(tree, r);
    }
    byte[] document = bytes(tree);
    if (r.nextInt(30) == 0) {
      String nested = "[".repeat(1_500) + new String(document, StandardCharsets.UTF_8) + "]".repeat(1_500);
      document = nested.getBytes(StandardCharsets.UTF_8);
    } else if (r.nextInt(8) == 0) {
      document = java.util.Arrays.copyOf(document, r.nextInt(document.length));
    } else if (r.nextInt(8) == 0) {
      document[r.nextInt(document.length)] = (byte) "{}[],:\"\\x0 \u00ff".charAt(r.nextInt(12));
    }
    loadsOrNamesItsProblems(document);
  }

  @Property(tries = 200)
  void aTargetRenamedIsNamedWithItsStep(@ForAll("seeds") long seed) {
    Random r = new Random(seed);
    ObjectNode tree = (ObjectNode) BUILT_IN.deepCopy();
    List<ObjectNode> withTargets = new ArrayList<>();
    tree.path("steps").forEach(s -> {
      if (s.has("next") || s.has("choices") || s.has("routes")) {
        withTargets.add((ObjectNode) s);
      }
    });
    ObjectNode step = withTargets.get(r.nextInt(withTargets.size()));
    String nowhere = "nowhere-" + r.nextInt(1000);
    if (step.has("next")) {
      step.put("next", nowhere);
    } else if (step.has("choices")) {
      ArrayNode choices = (ArrayNode) step.get("choices");
      ((ObjectNode) choices.get(r.nextInt(choices.size()))).put("next", nowhere);
    } else {
      ObjectNode routes = (ObjectNode) step.get("routes");
      List<String> results = new ArrayList<>();
      routes.fieldNames().forEachRemaining(results::add);
      routes.put(results.get(r.nextInt(results.size())), nowhere);
    }

    assertThat(problems(bytes(tree)))
        .contains("step " + step.path("id").asText() + " leads to unknown step " + nowhere);
  }

  @Property(tries = 200)
  void aRequiredTextRemovedIsNamedWithItsStep(@ForAll("seeds") long seed) {
    Random r = new Random(seed);
    ObjectNode tree = (ObjectNode) BUILT_IN.deepCopy();
    List<ObjectNode> steps = new ArrayList<>();
    tree.path("steps").forEach(s -> {
      if (REQUIRED.containsKey(s.path("type").asText())) {
        steps.add((ObjectNode) s);
      }
    });
    ObjectNode step = steps.get(r.nextInt(steps.size()));
    List<String> fields = REQUIRED.get(step.path("type").asText());
    String field = fields.get(r.nextInt(fields.size()));
    if (r.nextBoolean()) {
      step.remove(field);
    } else {
      step.put(field, r.nextBoolean() ? "" : " \t ");
    }

    assertThat(problems(bytes(tree))).contains("step " + step.path("id").asText() + " has no " + field);
  }

  @Test
  void aChainOfSevenThousandAutomaticStepsUnderOneMegabyteLoads() {
    StringBuilder json = new StringBuilder("{\"id\":\"chain\",\"title\":\"T\",\"start\":\"0\",\"steps\":[");
    int n = 7_000;
    for (int i = 0; i < n; i++) {
      json.append("{\"id\":\"").append(i).append("\",\"type\":\"advice\",\"branch\":\"b\",\"title\":\"t\",\"owner\":\"o\","
          + "\"firstMove\":\"f\",\"samePathCheck\":\"s\",\"escalateWhen\":\"e\",\"next\":\"").append(i + 1).append("\"},");
    }
    json.append("{\"id\":\"").append(n).append("\",\"type\":\"outcome\",\"result\":\"resolved\",\"text\":\"Done.\"}]}");
    byte[] document = json.toString().getBytes(StandardCharsets.UTF_8);
    assertThat(document.length).isLessThan((int) PlaybookLoader.MAX_FILE_BYTES);

    assertThat(PlaybookLoader.parse(SOURCE, document).stepList()).hasSize(n + 1);
  }

  @Test
  void aDocumentOverOneMegabyteIsRefusedWithoutReadingIt() {
    byte[] huge = new byte[(int) PlaybookLoader.MAX_FILE_BYTES + 1];
    java.util.Arrays.fill(huge, (byte) '[');
    assertThat(problems(huge)).containsExactly("the document is larger than 1 MB");
  }

  /** Either a sound playbook, or its own exception with one-line problems; nothing else. */
  private static void loadsOrNamesItsProblems(byte[] document) {
    Playbook p;
    try {
      p = PlaybookLoader.parse(SOURCE, document);
    } catch (PlaybookException e) {
      assertThat(e.getMessage()).startsWith("playbook " + SOURCE + ": ");
      assertThat(e.problems()).isNotEmpty().allSatisfy(problem -> {
        assertThat(problem).isNotBlank().doesNotContain("\n");
        assertThat(problem).matches("(?s)(step |the |not a valid playbook document: |cannot read: ).*");
      });
      return;
    }
    assertThat(p.steps()).containsKey(p.start());
    Set<String> seen = new HashSet<>();
    List<String> todo = new ArrayList<>(List.of(p.start()));
    while (!todo.isEmpty()) {
      String id = todo.remove(todo.size() - 1);
      if (seen.add(id)) {
        Step step = p.require(id);
        assertThat(step.targets()).allSatisfy(t -> assertThat(p.steps()).containsKey(t));
        todo.addAll(step.targets());
      }
    }
    assertThat(seen).isEqualTo(p.steps().keySet());
  }

  private static List<String> problems(byte[] document) {
    try {
      PlaybookLoader.parse(SOURCE, document);
    } catch (PlaybookException e) {
      return e.problems();
    }
    throw new AssertionError("expected the playbook to be refused: " + new String(document, StandardCharsets.UTF_8));
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
    Arbitrary<byte[]> jsonish = Arbitraries.strings().withChars("{}[]\":,0123456789.-+eEtrufalsn \n\\u/idtypesx")
        .ofMaxLength(2_000).map(s -> s.getBytes(StandardCharsets.UTF_8));
    return Arbitraries.oneOf(noise, jsonish);
  }

  /** A document shaped like a playbook, each part possibly missing, misspelt or of the wrong type. */
  private static JsonNode shaped(Random r) {
    ObjectNode doc = NODES.objectNode();
    maybe(r, () -> doc.set("id", idOrJunk(r)));
    maybe(r, () -> doc.set("title", r.nextInt(5) == 0 ? junk(r, 1) : NODES.textNode("T")));
    maybe(r, () -> doc.set("start", idOrJunk(r)));
    if (r.nextInt(10) > 0) {
      ArrayNode steps = doc.putArray("steps");
      for (int i = 0, n = r.nextInt(9); i < n; i++) {
        steps.add(r.nextInt(20) == 0 ? junk(r, 1) : step(r));
      }
    }
    if (r.nextInt(10) == 0) {
      doc.set(KEYS.get(r.nextInt(KEYS.size())), junk(r, 2));
    }
    return doc;
  }

  private static JsonNode step(Random r) {
    ObjectNode s = NODES.objectNode();
    maybe(r, () -> s.set("id", idOrJunk(r)));
    maybe(r, () -> s.put("type", TYPES.get(r.nextInt(TYPES.size()))));
    for (int i = 0, n = r.nextInt(8); i < n; i++) {
      String key = KEYS.get(r.nextInt(KEYS.size()));
      switch (key) {
        case "choices" -> {
          ArrayNode choices = s.putArray(key);
          for (int c = 0, m = r.nextInt(4); c < m; c++) {
            ObjectNode choice = choices.addObject();
            maybe(r, () -> choice.put("value", WORDS.get(r.nextInt(WORDS.size()))));
            maybe(r, () -> choice.put("label", "Label"));
            maybe(r, () -> choice.set("next", idOrJunk(r)));
            maybe(r, () -> choice.putArray("errorKinds").add(WORDS.get(r.nextInt(WORDS.size()))));
          }
        }
        case "routes" -> {
          ObjectNode routes = s.putObject(key);
          for (int c = 0, m = r.nextInt(5); c < m; c++) {
            routes.set(WORDS.get(r.nextInt(WORDS.size())), idOrJunk(r));
          }
        }
        case "next", "resumeAt" -> s.set(key, idOrJunk(r));
        case "skipIfPresent" -> s.set(key, r.nextBoolean() ? NODES.booleanNode(r.nextBoolean()) : junk(r, 1));
        default -> s.set(key, r.nextInt(4) == 0 ? junk(r, 1) : NODES.textNode(WORDS.get(r.nextInt(WORDS.size()))));
      }
    }
    return s;
  }

  private static JsonNode idOrJunk(Random r) {
    return r.nextInt(6) == 0 ? junk(r, 1) : NODES.textNode(IDS.get(r.nextInt(IDS.size())));
  }

  /** A value of any JSON type, nested at most {@code depth} deeper. */
  private static JsonNode junk(Random r, int depth) {
    return RandomJson.any(r, depth, WORDS, KEYS);
  }

  /** Applies one random change somewhere in the tree; returns the (possibly new) root. */
  private static JsonNode mutate(JsonNode root, Random r) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    JsonNode target = containers.get(r.nextInt(containers.size()));
    int what = r.nextInt(9);
    if (target instanceof ObjectNode o && !o.isEmpty()) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      String name = names.get(r.nextInt(names.size()));
      switch (what) {
        case 0 -> o.remove(name);
        case 1 -> o.set(name, junk(r, 2));
        case 2 -> o.set(KEYS.get(r.nextInt(KEYS.size())), o.get(name));
        case 3 -> o.put(name, IDS.get(r.nextInt(IDS.size())));
        case 4 -> o.put(name, WORDS.get(r.nextInt(WORDS.size())));
        default -> o.set(name, junk(r, 0));
      }
    } else if (target instanceof ArrayNode a && !a.isEmpty()) {
      int i = r.nextInt(a.size());
      switch (what) {
        case 0 -> a.remove(i);
        case 1 -> a.add(a.get(i).deepCopy());
        case 2 -> a.set(i, junk(r, 2));
        case 3 -> a.insert(0, a.remove(i));
        default -> a.addNull();
      }
    }
    return root;
  }

  private static void collect(JsonNode node, List<JsonNode> into) {
    if (node.isContainerNode()) {
      into.add(node);
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        collect(it.next(), into);
      }
    }
  }

  private static void maybe(Random r, Runnable part) {
    if (r.nextInt(6) > 0) {
      part.run();
    }
  }

  private static byte[] bytes(JsonNode tree) {
    try {
      return JSON.writeValueAsBytes(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode builtInTree() {
    try (InputStream in = PlaybookLoader.class.getResourceAsStream(PlaybookLoader.BUILT_IN)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
