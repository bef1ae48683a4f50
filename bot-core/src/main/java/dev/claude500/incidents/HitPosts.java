package dev.claude500.incidents;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatPort;
import dev.claude500.chat.HitCount;
import dev.claude500.chat.Reply;
import dev.claude500.status.Incident;
import dev.claude500.status.IncidentView;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
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
  /** Channels whose workspace is remembered at most (a channel never moves; the bound is for safety). */
  private static final int REMEMBERED = 10_000;

  private final IncidentHits hits;
  private final ConcurrentMap<ChannelRef, String> workspaces = new ConcurrentHashMap<>();

  HitPosts(IncidentHits hits) {
    this.hits = Objects.requireNonNull(hits, "hits");
  }

  /** Returns the post showing the incident as it is and the people hit by it in the channel's workspace. */
  Reply.Incident post(ChatPort port, ChannelRef channel, Incident incident) {
    IncidentView view = IncidentView.of(incident);
    try {
      HitScope scope = new HitScope(incident.id(), channel.platform(), workspace(port, channel));
      return new Reply.Incident(view, Optional.of(new HitCount(hits.count(scope))));
    } catch (RuntimeException e) {
      LOG.info("post of {} in {} goes without its count of people hit: {}", incident.id(), channel, e.toString());
      return new Reply.Incident(view, Optional.empty());
    }
  }

  private String workspace(ChatPort port, ChannelRef channel) {
    String known = workspaces.get(channel);
    if (known != null) {
      return known;
    }
    String asked = Objects.requireNonNull(port.workspace(channel), "workspace");
    if (workspaces.size() >= REMEMBERED) {
      workspaces.clear();
    }
    workspaces.put(channel, asked);
    return asked;
  }
}
