package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claude500.chat.ChannelRef;
import dev.claude500.incidents.LedgerEntry;
import dev.claude500.incidents.PostLedger;
import dev.claude500.status.Incident;
import dev.claude500.status.IncidentStatus;
import dev.claude500.status.IncidentUpdate;
import dev.claude500.testing.FakeSlackApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one channel of the fake Slack shows of a replayed set of incidents, checked against the
 * history and the bot's own ledger: each incident one top-level post, edited to its final state;
 * each of its updates exactly once, either shown by that post when it was made (the ledger
 * records the update under the post's id) or as its own reply in the post's thread; a
 * resolution also sent to the channel; and no message anywhere in the channel posted twice (every
 * post carries its item key as message metadata).
 */
final class IncidentChannel {
  private final FakeSlackApi slack;
  private final ChannelRef channel;
  private final List<Incident> incidents;

  IncidentChannel(FakeSlackApi slack, String channelId, List<Incident> incidents) {
    this.slack = slack;
    this.channel = new ChannelRef("slack", channelId);
    this.incidents = List.copyOf(incidents);
  }

  /** Returns true when the ledger shows every update of every incident delivered and every post in its final state. */
  boolean complete(PostLedger ledger) {
    for (Incident i : incidents) {
      List<String> keys = keys(i);
      for (String key : keys) {
        if (ledger.find(channel, key).filter(LedgerEntry::isPosted).isEmpty()) {
          return false;
        }
      }
    }
    return true;
  }

  /** Waits until {@link #complete}; fails with the channel's record when it is not by then. */
  void awaitComplete(PostLedger ledger, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!complete(ledger)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("channel " + channel.channelId() + " did not get every update within " + timeout
            + "; it shows " + keysShown());
      }
      BotProcess.pause(Duration.ofMillis(100));
    }
  }

  /** Asserts that every incident and every update is in the channel exactly once (see the class comment). */
  void assertExactlyOnce(PostLedger ledger) {
    List<ObjectNode> messages = slack.messages(channel.channelId());
    Map<String, Long> count = messages.stream().collect(Collectors.groupingBy(IncidentChannel::itemKey,
        Collectors.counting()));
    assertThat(count).as("messages in %s by item key", channel.channelId())
        .allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1L));

    List<ObjectNode> top = slack.topLevel(channel.channelId());
    assertThat(top).extracting(IncidentChannel::itemKey).as("top-level posts in %s", channel.channelId())
        .containsExactlyInAnyOrderElementsOf(incidents.stream().map(i -> "incident/" + i.id()).toList());
    Map<String, ObjectNode> roots = top.stream().collect(Collectors.toMap(IncidentChannel::itemKey, Function.identity()));

    for (Incident incident : incidents) {
      ObjectNode root = roots.get("incident/" + incident.id());
      String rootTs = root.path("ts").asText();
      Map<String, ObjectNode> replies = slack.replies(channel.channelId(), rootTs).stream()
          .collect(Collectors.toMap(IncidentChannel::itemKey, Function.identity()));
      for (IncidentUpdate u : incident.incidentUpdates()) {
        String key = updateKey(u);
        LedgerEntry entry = ledger.find(channel, key)
            .orElseThrow(() -> new AssertionError(key + " of " + incident.name() + " never recorded in " + channel));
        String shownIn = entry.messageId().orElseThrow(() -> new AssertionError(key + " never posted: " + entry));
        if (shownIn.equals(rootTs)) {
          assertThat(replies).as("%s shown by the post itself", key).doesNotContainKey(key);
        } else {
          assertThat(replies).as("replies under %s", incident.name()).containsKey(key);
          assertThat(replies.get(key).path("ts").asText()).isEqualTo(shownIn);
          if (u.status() == IncidentStatus.RESOLVED) {
            assertThat(replies.get(key).path("subtype").asText()).as("a resolution also goes to the channel")
                .isEqualTo("thread_broadcast");
          }
        }
      }
      List<String> expected = incident.incidentUpdates().stream().map(IncidentChannel::updateKey).toList();
      assertThat(expected).as("every reply under %s is one of its updates", incident.name())
          .containsAll(replies.keySet());
      assertThat(root.path("blocks").toString()).as("the post of %s, as last edited", incident.name())
          .contains(incident.isOpen() ? incident.name() : "Resolved:");
    }
  }

  private List<String> keys(Incident i) {
    List<String> keys = new java.util.ArrayList<>();
    keys.add("incident/" + i.id());
    i.incidentUpdates().forEach(u -> keys.add(updateKey(u)));
    i.latestUpdate().ifPresent(u -> keys.add("edit/" + i.id() + "/" + u.id()));
    return keys;
  }

  private List<String> keysShown() {
    return slack.messages(channel.channelId()).stream().map(IncidentChannel::itemKey).toList();
  }

  /** The ledger's key of an update's reply (as the watcher keys it). */
  static String updateKey(IncidentUpdate u) {
    String kind = u.status() == IncidentStatus.RESOLVED ? "resolved"
        : u.status() == IncidentStatus.POSTMORTEM ? "postmortem" : "update";
    return kind + "/" + u.id();
  }

  /** Returns the item key a message carries in its metadata, or a placeholder naming its ts when it has none. */
  static String itemKey(JsonNode message) {
    return Optional.ofNullable(message.path("metadata").path("event_payload").path("item_key").textValue())
        .orElse("(no key) " + message.path("ts").asText());
  }
}
