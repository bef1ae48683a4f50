package dev.claude500.incidents;

import dev.claude500.chat.ChannelMention;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatPort;
import dev.claude500.chat.HitCount;
import dev.claude500.chat.Reply;
import dev.claude500.status.Incident;
import dev.claude500.status.IncidentView;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an incident's top-level post for a channel, carrying how many people of the channel's
 * workspace or server are hit by it (from {@link IncidentHits}), so every post and every edit shows
 * the count as the store has it. When the count cannot be had (the platform cannot say which
 * workspace the channel is in), the post goes without it, logged; the next edit brings it back.
 * Thread-safe.
 */
final class HitPosts {
  private static final Logger LOG = LoggerFactory.getLogger(HitPosts.class);

  private final IncidentHits hits;
  private final Workspaces workspaces = new Workspaces();

  HitPosts(IncidentHits hits) {
    this.hits = Objects.requireNonNull(hits, "hits");
  }

  /**
   * Returns the post showing the incident as it is and the people hit by it in the channel's
   * workspace, calling out {@code mention}.
   */
  Reply.Incident post(ChatPort port, ChannelRef channel, Incident incident, ChannelMention mention) {
    IncidentView view = IncidentView.of(incident);
    try {
      HitScope scope = workspaces.scope(incident.id(), port, channel);
      return new Reply.Incident(view, mention, Optional.of(new HitCount(hits.count(scope))));
    } catch (RuntimeException e) {
      LOG.info("post of {} in {} goes without its count of people hit: {}", incident.id(), channel, e.toString());
      return new Reply.Incident(view, mention, Optional.empty());
    }
  }
}
