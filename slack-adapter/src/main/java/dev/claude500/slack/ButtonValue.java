package dev.claude500.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * What a button carries back when it is clicked: the token of the question it belongs to and the
 * chosen value, as a small JSON object in the button's {@code value}.
 *
 * @param token the question's or text request's token
 * @param value the choice's value
 */
record ButtonValue(String token, String value) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Returns the button value Slack will send back. */
  String encode() {
    ObjectNode node = JSON.createObjectNode().put("t", token).put("v", value);
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads a button value; empty when it is not one of ours (or garbled). */
  static Optional<ButtonValue> decode(String raw) {
    if (raw == null || raw.isEmpty() || raw.length() > SlackMessages.MAX_BUTTON_VALUE) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(raw);
      if (node == null || !node.path("t").isTextual() || !node.path("v").isTextual()) {
        return Optional.empty();
      }
      return Optional.of(new ButtonValue(node.get("t").asText(), node.get("v").asText()));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
