package dev.claude500.slack;

import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.handler.builtin.MessageShortcutHandler;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.Message;
import dev.claude500.adapters.AdapterServices;
import dev.claude500.chat.Actor;
import dev.claude500.chat.ChannelRef;
import dev.claude500.commands.Apology;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Triage with claude500" on a message (the message shortcut {@value #CALLBACK_ID}): acknowledged
 * at once (empty), then on the worker the message is triaged in its thread by {@link
 * MessageTriage}, its text the paste, its author the person hit, the person who clicked the one
 * answering. What they are told (the bot's own message, one without text, a thread that already
 * has a triage, a channel the bot is not in) goes to them only, through the shortcut's {@code
 * response_url}. A repeated delivery (same {@code trigger_id}) is dropped. When the worker is
 * full they are told so.
 */
final class TriageShortcut implements MessageShortcutHandler {
  /** The shortcut's callback id, in the app manifest (a fixed contract). */
  static final String CALLBACK_ID = "claude500_triage_message";

  private static final Logger LOG = LoggerFactory.getLogger(TriageShortcut.class);

  private final AdapterServices services;
  private final Worker worker;
  private final WebApi web;
  private final MessageTriage triage;
  private final UserNames names;

  TriageShortcut(AdapterServices services, Worker worker, WebApi web, MessageTriage triage, UserNames names) {
    this.services = Objects.requireNonNull(services, "services");
    this.worker = Objects.requireNonNull(worker, "worker");
    this.web = Objects.requireNonNull(web, "web");
    this.triage = Objects.requireNonNull(triage, "triage");
    this.names = Objects.requireNonNull(names, "names");
  }

  @Override
  public Response apply(MessageShortcutRequest request, MessageShortcutContext context) {
    MessageShortcutPayload p = request.getPayload();
    if (p == null || p.getChannel() == null || !ChannelRef.isValidId(p.getChannel().getId()) || p.getUser() == null
        || !ChannelRef.isValidId(p.getUser().getId()) || p.getMessage() == null
        || !ChannelRef.isValidId(p.getMessage().getTs())) {
      return context.ack();
    }
    boolean queued = worker.offer("shortcut from " + p.getUser().getId(), () -> run(p),
        failure -> tell(p, SlackMessages.render(Apology.forFailure(failure))));
    if (!queued) {
      tell(p, SlackMessages.notice(CommandListener.BUSY, CommandListener.BUSY));
    }
    return context.ack();
  }

  private void run(MessageShortcutPayload p) {
    if (p.getTriggerId() != null && !services.store().seenDeliveries().firstSeen("slack:shortcut:" + p.getTriggerId(),
        services.clock().instant())) {
      LOG.info("repeated message shortcut {} dropped", p.getTriggerId());
      return;
    }
    Message message = p.getMessage();
    if (message.getTs() == null && p.getMessageTs() != null) {
      message.setTs(p.getMessageTs());
    }
    Actor asker = names.actor(p.getUser().getId(), p.getUser().getName());
    String delivery = p.getTriggerId() != null ? p.getTriggerId() : "shortcut/" + message.getTs();
    triage.start(p.getChannel().getId(), message, asker, delivery, shown -> tell(p, shown));
  }

  /** Shows a message to the person who used the shortcut, only to them. */
  private void tell(MessageShortcutPayload p, SlackMessage message) {
    if (p.getResponseUrl() == null) {
      LOG.warn("no response_url to answer {} in {}", p.getUser().getId(), p.getChannel().getId());
      return;
    }
    try {
      web.respond(p.getResponseUrl(), message);
    } catch (SlackCallException e) {
      LOG.warn("answer to {} in {} not delivered: {}", p.getUser().getId(), p.getChannel().getId(), e.getMessage());
    }
  }
}
