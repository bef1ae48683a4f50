package dev.claude500.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The corpora of real typed replies and real pasted errors in the test resources ({@code
 * corpus/}), collected from public reports and labelled by hand; see {@code corpus/README.md}.
 */
public final class Corpora {
  private Corpora() {}

  /**
   * A reply people wrote, and the choice it means.
   *
   * @param step the question it answers
   * @param text the reply
   * @param expected the choice's value, {@code none}, or {@code a|b} when it could mean either
   * @param source where it was written
   */
  public record TypedReply(String step, String text, String expected, String source) {}

  /**
   * A pasted error and what a careful engineer reads in it.
   *
   * @param source where it was pasted
   * @param text the paste
   * @param kind the error kind's name
   * @param status the HTTP status it shows
   * @param requestId the request id it carries
   * @param branch where it goes on a green status page ({@code ask}: the bot must ask where it shows up)
   */
  public record Paste(String source, String text, String kind, Optional<Integer> status, Optional<String> requestId,
      String branch) {}

  /** Returns every typed reply, in file order. */
  public static List<TypedReply> typedReplies() {
    List<TypedReply> out = new ArrayList<>();
    String[] lines = TestData.read("corpus/typed-replies.tsv").split("\n");
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] f = lines[i].split("\t", -1);
      out.add(new TypedReply(f[0], f[1], f[2], f[3]));
    }
    return out;
  }

  /** Returns every pasted error, in file order. */
  public static List<Paste> pastes() {
    try {
      List<Paste> out = new ArrayList<>();
      for (JsonNode n : new ObjectMapper().readTree(TestData.read("corpus/pasted-errors.json"))) {
        out.add(new Paste(n.path("source").asText(), n.path("text").asText(), n.path("kind").asText(),
            n.path("status").isInt() ? Optional.of(n.path("status").asInt()) : Optional.empty(),
            n.path("requestId").isTextual() ? Optional.of(n.path("requestId").asText()) : Optional.empty(),
            n.path("branch").asText()));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
