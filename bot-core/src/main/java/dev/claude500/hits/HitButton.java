package dev.claude500.hits;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatPort;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Reply;
import dev.claude500.incidents.HitScope;
import dev.claude500.incidents.IncidentHits;
import dev.claude500.incidents.TopPosts;
import dev.claude500.store.Store;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the "I'm hit too" button does, the same on every platform: a first click counts the person
 * as hit by the post's incident in the post's workspace or server, the next takes it back; the
 * count is kept in the store, the incident's posts are edited to it ({@link HitEdits}), and the
 * person is told, for their eyes only, what happened. A repeated delivery of one click counts once;
 * a click on a post that is not the bot's post of that incident counts nothing. Thread-safe.
 */
public final class HitButton {
  private static final Logger LOG = LoggerFactory.getLogger(HitButton.class);

  private final Store store;
  private final HitEdits edits;
  private final Clock clock;

  /** Creates the handler, counting in {@code store} and editing posts through {@code edits}. */
  public HitButton(Store store, HitEdits edits, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.edits = Objects.requireNonNull(edits, "edits");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Applies a click made on {@code port}'s platform.
   *
   * @return what to tell the person who clicked, privately; empty for a repeated delivery of a click
   *     already applied (it was answered then)
   * @throws RuntimeException the store's failure, or the platform's when it cannot say which
   *     workspace the channel is in: nothing was counted, and the adapter apologises
   */
  public Optional<Reply.Message> click(ChatPort port, HitClick click) {
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(click, "click");
    ChannelRef channel = click.post().channel();
    if (!store.seenDeliveries().firstSeen(channel.platform() + ":hit-click:" + click.deliveryId(), clock.instant())) {
      LOG.debug("repeated delivery of hit click {} dropped", click.deliveryId());
      return Optional.empty();
    }
    Optional<MessageRef> top = TopPosts.find(store.ledger(), channel, click.incidentId());
    if (!top.equals(Optional.of(click.post()))) {
      LOG.info("hit click by {} on {} names incident {}, not posted there; nothing counted", click.personId(),
          click.post(), click.incidentId());
      return Optional.of(Reply.Message.of("That button is not on a post of this incident that I know of, so "
          + "nothing was counted."));
    }
    HitScope scope = edits.scope(click.incidentId(), port, channel);
    IncidentHits hits = store.incidentHits();
    boolean counted = hits.toggleClick(scope, click.personId(), clock.instant());
    int people = hits.count(scope);
    edits.changed(scope);
    return Optional.of(Reply.Message.of(answer(counted, counted || hits.countedByTriage(scope, click.personId()),
        people)));
  }

  private static String answer(boolean clicked, boolean stillCounted, int people) {
    String now = (people == 1 ? "1 person here is" : people + " people here are") + " hit now.";
    if (clicked) {
      return "You are counted as hit by this incident; " + now + " Click the button again to take it back.";
    }
    if (stillCounted) {
      return "Your click is taken back, but your triage that waits on this incident still counts you; " + now;
    }
    return "Taken back: you are no longer counted as hit by this incident; " + now;
  }
}
