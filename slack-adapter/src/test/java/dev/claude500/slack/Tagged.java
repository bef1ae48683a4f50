package dev.claude500.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claude500.testing.FakeSlackApi;
import java.util.List;

/** Finds the messages a loopback Slack keeps by the item key the adapter tagged them with. */
final class Tagged {
  private Tagged() {}

  /** Returns the messages in {@code channel}, threads included, whose metadata carries {@code itemKey}. */
  static List<ObjectNode> in(FakeSlackApi fake, String channel, String itemKey) {
    return fake.messages(channel).stream()
        .filter(m -> m.path("metadata").path("event_payload").path(PostTag.ITEM_KEY).asText().equals(itemKey)).toList();
  }
}
