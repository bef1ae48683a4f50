package dev.claude500.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.Message;
import dev.claude500.adapters.AdapterServices;
import dev.claude500.chat.Actor;
import dev.claude500.chat.ChannelRef;
import dev.claude500.commands.Apology;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A click on the button of an offer under a pasted error ({@link PasteOffers}): acknowledged at
 * once, then on the worker the message is read again from Slack (its text as it is now) and
 * triaged in its thread by {@link MessageTriage}, the person who clicked answering. The offer is
 * then replaced by a line saying the triage started; anything else (the message gone, a thread
 * that already has a triage) is said in its place, to the person who clicked only. A repeated
 * delivery (same {@code trigger_id}) is dropped.
 */
final class OfferButton implements BlockActionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(OfferButton.class);

  private final AdapterServices services;
  private final Worker worker;
  private final WebApi web;
  private final MessageTriage triage;
  private final UserNames names;

  OfferButton(AdapterServices services, Worker worker, WebApi web, MessageTriage triage, UserNames names) {
    this.services = Objects.requireNonNull(services, "services");
    this.worker = Objects.requireNonNull(worker, "worker");
    this.web = Objects.requireNonNull(web, "web");
    this.triage = Objects.requireNonNull(triage, "triage");
    this.names = Objects.requireNonNull(names, "names");
  }

  @Override
  public Response apply(BlockActionRequest request, ActionContext context) {
    Optional<Click> click = Click.of(request.getPayload());
    click.ifPresent(c -> {
      boolean queued = worker.offer("offer taken by " + c.userId(), () -> run(c),
          failure -> tell(c, SlackMessages.render(Apology.forFailure(failure)), false));
      if (!queued) {
        tell(c, SlackMessages.notice(CommandListener.BUSY, CommandListener.BUSY), false);
      }
    });
    return context.ack();
  }

  private void run(Click c) {
    if (c.triggerId() != null && !services.store().seenDeliveries().firstSeen("slack:offer-click:" + c.triggerId(),
        services.clock().instant())) {
      LOG.info("repeated click on an offer {} dropped", c.triggerId());
      return;
    }
    Optional<Message> message = web.message(c.target().channelId(), c.target().ts());
    if (message.isEmpty()) {
      tell(c, SlackMessages.notice("That message is gone, so there is nothing to triage. Type `/claude500` and "
          + "paste the error to start a triage.", "That message is gone. Type /claude500 and paste the error."), true);
      return;
    }
    Actor asker = names.actor(c.userId(), c.userName());
    String delivery = c.triggerId() != null ? c.triggerId() : "offer/" + c.target().ts();
    if (triage.start(c.target().channelId(), message.get(), asker, delivery, shown -> tell(c, shown, true))) {
      tell(c, SlackMessages.notice("Triage started in that message's thread.", "Triage started in that message's thread."),
          true);
    }
  }

  /** Shows a message to the person who clicked, only to them; in place of the offer when {@code replace}. */
  private void tell(Click c, SlackMessage message, boolean replace) {
    if (c.responseUrl() == null) {
      LOG.warn("no response_url to answer {} in {}", c.userId(), c.target().channelId());
      return;
    }
    try {
      web.respondToClick(c.responseUrl(), message, replace);
    } catch (SlackCallException e) {
      LOG.warn("answer to {} in {} not delivered: {}", c.userId(), c.target().channelId(), e.getMessage());
    }
  }

  /** What a click on an offer's button says. */
  private record Click(PasteOffers.Target target, String userId, String userName, String triggerId,
      String responseUrl) {

    static Optional<Click> of(BlockActionPayload p) {
      if (p == null || p.getActions() == null || p.getActions().size() != 1 || p.getUser() == null
          || !ChannelRef.isValidId(p.getUser().getId())) {
        return Optional.empty();
      }
      Optional<PasteOffers.Target> target = PasteOffers.Target.decode(p.getActions().get(0).getValue());
      String userName = p.getUser().getUsername() != null ? p.getUser().getUsername() : p.getUser().getName();
      return target.map(t -> new Click(t, p.getUser().getId(), userName, p.getTriggerId(), p.getResponseUrl()));
    }
  }
}
