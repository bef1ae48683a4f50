package dev.claude500.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.event.MessageEvent;
import dev.claude500.adapters.AdapterServices;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.Text;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offer of a triage under a pasted error ({@code /claude500 autodetect on}): a new top-level
 * message from a person, in a channel that turned autodetect on, whose text holds a Claude Code API
 * error the core reads as 500, 529, 429 or 401, gets one message that only its author sees ({@code
 * chat.postEphemeral}): what the error is, the status page as last read, and a button ({@link
 * OfferButton}) that starts the triage in that message's thread.
 *
 * <p>Thread replies, edits and every other subtype, bots' messages (the bot's own included) and
 * messages without text are passed over on the spot; the rest are looked at on the worker, after
 * the event's acknowledgement. Nothing of a message without such an error is kept. At most one
 * offer per message (whatever Slack redelivers, whichever replica takes it) and one per person per
 * {@link dev.claude500.commands.Autodetect#OFFER_GAP}, both claimed in the store before the offer
 * is sent. Thread-safe.
 */
final class PasteOffers {
  /** The action id of the offer's button. */
  static final String ACTION = "claude500_offer";

  private static final Logger LOG = LoggerFactory.getLogger(PasteOffers.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AdapterServices services;
  private final Worker worker;
  private final WebApi web;
  private final String botUserId;

  PasteOffers(AdapterServices services, Worker worker, WebApi web, String botUserId) {
    this.services = Objects.requireNonNull(services, "services");
    this.worker = Objects.requireNonNull(worker, "worker");
    this.web = Objects.requireNonNull(web, "web");
    this.botUserId = botUserId == null ? "" : botUserId;
  }

  /**
   * The message an offer is for, as its button carries it back.
   *
   * @param channelId the message's channel
   * @param ts the message's {@code ts}
   */
  record Target(String channelId, String ts) {
    /** Returns the button value Slack sends back on a click. */
    String encode() {
      return JSON.createObjectNode().put("c", channelId).put("m", ts).toString();
    }

    /** Reads a button value; empty when it is not an offer's (or garbled). */
    static Optional<Target> decode(String raw) {
      if (raw == null || raw.isEmpty() || raw.length() > SlackMessages.MAX_BUTTON_VALUE) {
        return Optional.empty();
      }
      try {
        JsonNode node = JSON.readTree(raw);
        String channel = node == null ? null : node.path("c").asText(null);
        String ts = node == null ? null : node.path("m").asText(null);
        return ChannelRef.isValidId(channel) && ChannelRef.isValidId(ts)
            ? Optional.of(new Target(channel, ts)) : Optional.empty();
      } catch (JsonProcessingException e) {
        return Optional.empty();
      }
    }
  }

  /** Looks at a {@code message} event: a new top-level message from a person may get an offer. */
  void consider(MessageEvent e) {
    if (e == null || e.getSubtype() != null || e.getBotId() != null || e.getText() == null || e.getText().isBlank()
        || !ChannelRef.isValidId(e.getChannel()) || !ChannelRef.isValidId(e.getUser()) || e.getUser().equals(botUserId)
        || !ChannelRef.isValidId(e.getTs()) || (e.getThreadTs() != null && !e.getThreadTs().equals(e.getTs()))) {
      return;
    }
    String channel = e.getChannel();
    String user = e.getUser();
    String ts = e.getTs();
    String text = e.getText();
    worker.offer("offer under a message in " + channel, () -> offer(channel, user, ts, text), failure -> { });
  }

  private void offer(String channelId, String userId, String ts, String text) {
    Optional<Text> offer = services.commands().offer(SlackText.plain(text));
    if (offer.isEmpty()) {
      return;
    }
    ChannelRef channel = new ChannelRef(SlackAdapter.PLATFORM, channelId);
    if (!services.commands().autodetect().isOn(channel)) {
      return;
    }
    if (!services.store().seenDeliveries().firstSeen("slack:offer:" + channelId + ":" + ts, services.clock().instant())) {
      LOG.debug("offer under {} {} already made", channelId, ts);
      return;
    }
    if (!services.commands().autodetect().claimOffer(channel, userId)) {
      LOG.debug("no offer to {} under {} {}: one was made to them lately", userId, channelId, ts);
      return;
    }
    try {
      web.postEphemeral(channelId, userId, null, message(offer.get(), new Target(channelId, ts)));
    } catch (SlackCallException ex) {
      LOG.info("offer to {} in {} not shown: {}", userId, channelId, ex.getMessage());
    }
  }

  /** Returns the offer as Block Kit: its words, the button, and how to stop such offers. */
  static SlackMessage message(Text offer, Target target) {
    ButtonElement button = ButtonElement.builder().actionId(ACTION).style("primary")
        .text(PlainTextObject.builder().text("Triage it in the thread").emoji(true).build())
        .value(target.encode())
        .build();
    return new MessageBuilder().section(SlackMarkdown.of(offer))
        .buttons(List.of(button))
        .hint("`/claude500 autodetect off` stops these offers in this channel.")
        .build(offer.toPlainString());
  }
}
