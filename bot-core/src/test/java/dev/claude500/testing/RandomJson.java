package dev.claude500.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;

/**
 * Random JSON for property tests of parsers: values of every type, nested to a bounded depth, with
 * texts and field names drawn from the vocabulary the parser looks for, so that it meets the names
 * it knows holding what it does not expect. Made from a {@link Random}, so a seed repeats a case.
 */
public final class RandomJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RandomJson() {}

  /**
   * Returns a value of any JSON type: a container (array or object of up to three members) only
   * while {@code depth} is above zero.
   *
   * @param texts what strings hold (a long run of {@code x} now and then too)
   * @param keys the field names of objects
   */
  public static JsonNode any(Random r, int depth, List<String> texts, List<String> keys) {
    switch (r.nextInt(depth > 0 ? 8 : 6)) {
      case 0:
        return NODES.nullNode();
      case 1:
        return NODES.numberNode(r.nextLong());
      case 2:
        return NODES.numberNode(r.nextDouble() * 1e300);
      case 3:
        return NODES.booleanNode(r.nextBoolean());
      case 4:
        return NODES.textNode(pick(r, texts));
      case 5:
        return NODES.textNode("x".repeat(r.nextInt(300)));
      case 6: {
        ArrayNode a = NODES.arrayNode();
        for (int i = 0, n = r.nextInt(4); i < n; i++) {
          a.add(any(r, depth - 1, texts, keys));
        }
        return a;
      }
      default: {
        ObjectNode o = NODES.objectNode();
        for (int i = 0, n = r.nextInt(4); i < n; i++) {
          o.set(pick(r, keys), any(r, depth - 1, texts, keys));
        }
        return o;
      }
    }
  }

  /** Returns one element of {@code from}, chosen by {@code r}. */
  public static <T> T pick(Random r, List<T> from) {
    return from.get(r.nextInt(from.size()));
  }
}
