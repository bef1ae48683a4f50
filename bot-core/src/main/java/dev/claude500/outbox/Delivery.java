package dev.claude500.outbox;

import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.chat.ChatPort;
import dev.claude500.chat.MessageRef;
import dev.claude500.incidents.LedgerEntry;
import dev.claude500.incidents.PostLedger;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One try at one message, exactly once through the post ledger: claim, send, confirm.
 *
 * <p>The claim is written before the message goes out and the message id after it, so a crash or a
 * lost answer in between leaves an unconfirmed claim. A claim this process knows was not taken (the
 * platform said no for now) is simply tried again; any other unconfirmed claim (found after a
 * restart, or left by an answer that was lost) is uncertain, and the platform is asked for a message
 * with the item's key ({@link ChatPort#findPosted}) before it is sent again. An edit is never looked
 * for: making it twice does no harm. Thread-safe.
 */
final class Delivery {
  /** What the ledger's entries of outbox messages are filed under, in place of an incident id. */
  static final String LEDGER_SUBJECT = "outbox";

  private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

  private final PostLedger ledger;
  private final Clock clock;
  /** Claims of this process the platform certainly did not take, as "channel key". */
  private final Set<String> knownUnposted = ConcurrentHashMap.newKeySet();

  Delivery(PostLedger ledger, Clock clock) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Tries the message once; never throws (a failing store is a retry). */
  Attempt attempt(ChatPort port, Outgoing message) {
    try {
      return tryOnce(port, message);
    } catch (ChatDeliveryException e) {
      return e.retryable() ? new Attempt.Retry(e.getMessage(), e.retryAfter()) : new Attempt.Refused(e.getMessage());
    } catch (RuntimeException e) {
      return new Attempt.Retry(e.toString(), Optional.empty());
    }
  }

  private Attempt tryOnce(ChatPort port, Outgoing message) {
    String id = message.channel() + " " + message.itemKey();
    Optional<LedgerEntry> entry = ledger.find(message.channel(), message.itemKey());
    if (entry.isPresent()) {
      if (entry.get().isSettled()) {
        return new Attempt.Delivered(); // posted, or refused for good, earlier: nothing more to do
      }
      if (!(message instanceof Outgoing.Edit) && !knownUnposted.contains(id)) {
        Optional<MessageRef> found = lookFor(port, message);
        if (found.isPresent()) {
          LOG.info("found {} already in {} as {}; not sending it again", message.itemKey(), message.lane(),
              found.get().messageId());
          ledger.confirm(message.channel(), message.itemKey(), found.get().messageId(), clock.instant());
          return new Attempt.Delivered();
        }
      }
    } else if (!ledger.claim(message.channel(), message.itemKey(), LEDGER_SUBJECT, clock.instant())) {
      return new Attempt.Retry("claimed meanwhile by another sender", Optional.empty());
    }
    // until the platform answers, the claim is uncertain: a crash here leaves it to be looked for
    knownUnposted.remove(id);
    MessageRef sent;
    try {
      sent = send(port, message);
    } catch (ChatDeliveryException e) {
      if (!e.retryable()) {
        ledger.fail(message.channel(), message.itemKey(), e.getMessage() == null ? "refused" : e.getMessage(),
            clock.instant());
        knownUnposted.remove(id);
        return new Attempt.Refused(String.valueOf(e.getMessage()));
      }
      if (!e.outcomeUnknown()) {
        knownUnposted.add(id); // certainly not taken: the next try need not look for it first
      }
      return new Attempt.Retry(String.valueOf(e.getMessage()), e.retryAfter());
    }
    ledger.confirm(message.channel(), message.itemKey(), sent.messageId(), clock.instant());
    return new Attempt.Delivered();
  }

  /**
   * Asks the platform for the message; a lookup the platform refuses for good is logged and
   * answers "not there" (the message is then sent again), one that may work later throws.
   */
  private Optional<MessageRef> lookFor(ChatPort port, Outgoing message) {
    Optional<String> thread = message instanceof Outgoing.ThreadPost t ? Optional.of(t.threadId()) : Optional.empty();
    try {
      return Objects.requireNonNull(port.findPosted(message.channel(), thread, message.itemKey()), "findPosted");
    } catch (ChatDeliveryException e) {
      if (e.retryable()) {
        throw e;
      }
      LOG.warn("could not look for {} in {} ({}); sending it again", message.itemKey(), message.lane(), e.getMessage());
      return Optional.empty();
    }
  }

  private static MessageRef send(ChatPort port, Outgoing message) {
    if (message instanceof Outgoing.Post p) {
      return port.post(p.channel(), p.reply(), p.itemKey());
    }
    if (message instanceof Outgoing.ThreadPost t) {
      return port.postInThread(t.channel(), t.threadId(), t.reply(), t.alsoToChannel(), t.itemKey());
    }
    Outgoing.Edit e = (Outgoing.Edit) message;
    port.update(e.message(), e.reply());
    return e.message();
  }
}
