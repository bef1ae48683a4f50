package dev.claude500.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.request.chat.ChatUnfurlRequest.UnfurlDetail;
import com.slack.api.model.event.LinkSharedEvent;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.Reply;
import dev.claude500.incidents.LinkPreviews;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Link unfurls: a link to an incident on {@code status.claude.com} posted in Slack ({@code
 * link_shared}) is shown under its message as the incident's current state, as an incident post
 * shows it, in the incident's impact colour ({@code chat.unfurl}). The event is acknowledged at
 * once; the previews ({@link LinkPreviews}: from the last read of the page, never a read per link)
 * and the call run on the worker. Of many links, the first {@link LinkPreviews#MAX_LINKS} to
 * incidents are unfurled, in one call; links to other hosts, unknown incidents and events Slack
 * cannot be answered for get nothing, and a refused {@code chat.unfurl} is logged, never shown.
 */
final class LinkUnfurls {
  private static final Logger LOG = LoggerFactory.getLogger(LinkUnfurls.class);

  private final LinkPreviews previews;
  private final Worker worker;
  private final WebApi web;

  LinkUnfurls(LinkPreviews previews, Worker worker, WebApi web) {
    this.previews = Objects.requireNonNull(previews, "previews");
    this.worker = Objects.requireNonNull(worker, "worker");
    this.web = Objects.requireNonNull(web, "web");
  }

  /** Handles a {@code link_shared} event: acknowledged at once, unfurled after. */
  Response onLinkShared(EventsApiPayload<LinkSharedEvent> payload, EventContext context) {
    LinkSharedEvent e = payload.getEvent();
    List<String> links = e == null || e.getLinks() == null ? List.of() : e.getLinks().stream()
        .filter(Objects::nonNull)
        .map(LinkSharedEvent.Link::getUrl)
        .filter(link -> LinkPreviews.incidentId(link).isPresent())
        .distinct()
        .limit(LinkPreviews.MAX_LINKS)
        .toList();
    Optional<WebApi.UnfurlTarget> target = e == null ? Optional.empty() : target(e);
    if (!links.isEmpty() && target.isPresent()) {
      worker.offer("unfurl " + links.size() + " link(s) in " + target.get(), () -> unfurl(target.get(), links),
          failure -> { });
    }
    return context.ack();
  }

  /**
   * Returns the message to unfurl in: by {@code unfurl_id} and {@code source} when Slack gives them
   * (a message still being written has no channel or ts yet), else by channel and ts.
   */
  private static Optional<WebApi.UnfurlTarget> target(LinkSharedEvent e) {
    if (present(e.getUnfurlId()) && present(e.getSource())) {
      return Optional.of(WebApi.UnfurlTarget.byUnfurlId(e.getUnfurlId(), e.getSource()));
    }
    if (ChannelRef.isValidId(e.getChannel()) && present(e.getMessageTs())) {
      return Optional.of(WebApi.UnfurlTarget.inMessage(e.getChannel(), e.getMessageTs()));
    }
    return Optional.empty();
  }

  private void unfurl(WebApi.UnfurlTarget target, List<String> links) {
    Map<String, Reply.Incident> shown = previews.previews(links);
    if (shown.isEmpty()) {
      return;
    }
    Map<String, UnfurlDetail> unfurls = new LinkedHashMap<>();
    shown.forEach((link, incident) -> unfurls.put(link, detail(incident)));
    try {
      web.unfurl(target, unfurls);
    } catch (SlackCallException ex) {
      LOG.info("could not unfurl {} link(s) in {}: {}", unfurls.size(), target, ex.getMessage());
    }
  }

  private static UnfurlDetail detail(Reply.Incident incident) {
    SlackMessage message = SlackMessages.render(incident);
    return UnfurlDetail.builder()
        .color(StatusMessages.colour(incident.view()))
        .fallback(message.text())
        .blocks(message.blocks())
        .build();
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
