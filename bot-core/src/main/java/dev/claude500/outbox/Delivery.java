package dev.claude500.outbox;

import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.chat.ChatPort;
import dev.claude500.chat.MessageRef;
import dev.claude500.incidents.LedgerEntry;
import dev.claude500.incidents.PostLedger;
import java.time.Clock;
import java.time.Instant;
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
 * restart, or left by an answer that was lost, or by a replica that lost the lease) is uncertain,
 * and the platform is asked for a message with the item's key ({@link ChatPort#findPosted}) before
 * it is sent again. An edit is never looked for: making it twice does no harm.
 *
 * <p>A message hanging from a root by its item key ({@link Outgoing.UnderRoot}, {@link
 * Outgoing.EditRoot}) reads the root's message id from the ledger when it is sent; a root refused
 * for good settles it as refused too. The items a message {@link Outgoing#settles() settles} are
 * recorded under its message id before its own confirmation, so whoever sees it confirmed sees them
 * settled. Thread-safe.
 */
final class Delivery {
  /** What the ledger's entries of outbox messages are filed under, in place of an incident id. */
  static final String LEDGER_SUBJECT = Outgoing.NO_SUBJECT;

  private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

  private final PostLedger ledger;
  private final Clock clock;
  /** Claims of this process the platform certainly did not take, as "channel key". */
  private final Set<String> knownUnposted = ConcurrentHashMap.newKeySet();

  Delivery(PostLedger ledger, Clock clock) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Forgets which claims it knew unposted: after the lease changed hands every unconfirmed claim is uncertain. */
  void forgetClaims() {
    knownUnposted.clear();
  }

  /** Tries the message once; never throws (a failing store is a retry). */
  Attempt attempt(ChatPort port, Outgoing message) {
    try {
      return tryOnce(port, message);
    } catch (ChatDeliveryException e) {
      return e.retryable() ? new Attempt.Retry(String.valueOf(e.getMessage()), e.retryAfter(), e.scope())
          : new Attempt.Refused(String.valueOf(e.getMessage()));
    } catch (RuntimeException e) {
      return Attempt.Retry.plain(e.toString());
    }
  }

  private Attempt tryOnce(ChatPort port, Outgoing message) {
    String id = message.channel() + " " + message.itemKey();
    Optional<LedgerEntry> entry = ledger.find(message.channel(), message.itemKey());
    if (entry.isPresent() && entry.get().isSettled()) {
      return new Attempt.Delivered("settled"); // posted, or refused for good, earlier: nothing more to do
    }
    Optional<String> root = Optional.empty();
    if (rootKey(message).isPresent()) {
      String rootKey = rootKey(message).get();
      Optional<LedgerEntry> rootEntry = ledger.find(message.channel(), rootKey);
      if (rootEntry.isEmpty() || !rootEntry.get().isSettled()) {
        return Attempt.Retry.plain(rootKey + " is not posted yet");
      }
      if (rootEntry.get().messageId().isEmpty()) {
        claimOnce(message, entry);
        ledger.fail(message.channel(), message.itemKey(), "its top-level post " + rootKey + " was refused",
            clock.instant());
        return new Attempt.Delivered("settled");
      }
      root = rootEntry.get().messageId();
    }
    if (entry.isPresent()) {
      if (!isEdit(message) && !knownUnposted.contains(id)) {
        Optional<MessageRef> found = lookFor(port, message, root);
        if (found.isPresent()) {
          LOG.info("found {} already in {} as {}; not sending it again", message.itemKey(), message.lane(),
              found.get().messageId());
          confirm(message, found.get().messageId());
          return new Attempt.Delivered("found");
        }
      }
    } else if (!ledger.claim(message.channel(), message.itemKey(), message.subject(), clock.instant())) {
      return Attempt.Retry.plain("claimed meanwhile by another sender");
    }
    // until the platform answers, the claim is uncertain: a crash here leaves it to be looked for
    knownUnposted.remove(id);
    MessageRef sent;
    try {
      sent = send(port, message, root);
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
      return new Attempt.Retry(String.valueOf(e.getMessage()), e.retryAfter(), e.scope());
    }
    confirm(message, sent.messageId());
    return new Attempt.Delivered(isEdit(message) ? "edited" : "posted");
  }

  private void claimOnce(Outgoing message, Optional<LedgerEntry> entry) {
    if (entry.isEmpty()) {
      ledger.claim(message.channel(), message.itemKey(), message.subject(), clock.instant());
    }
  }

  /** Records the items the message shows too, then the message itself, under its message id. */
  private void confirm(Outgoing message, String messageId) {
    Instant now = clock.instant();
    for (String key : message.settles()) {
      Optional<LedgerEntry> e = ledger.find(message.channel(), key);
      if (e.isPresent() && e.get().isSettled()) {
        continue;
      }
      if (e.isPresent() || ledger.claim(message.channel(), key, message.subject(), now)) {
        ledger.confirm(message.channel(), key, messageId, now);
      }
    }
    ledger.confirm(message.channel(), message.itemKey(), messageId, now);
  }

  private static boolean isEdit(Outgoing message) {
    return message instanceof Outgoing.Edit || message instanceof Outgoing.EditRoot;
  }

  /**
   * Asks the platform for the message; a lookup the platform refuses for good is logged and
   * answers "not there" (the message is then sent again), one that may work later throws.
   */
  private Optional<MessageRef> lookFor(ChatPort port, Outgoing message, Optional<String> root) {
    Optional<String> thread = message instanceof Outgoing.ThreadPost t ? Optional.of(t.threadId()) : root;
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

  private static MessageRef send(ChatPort port, Outgoing message, Optional<String> root) {
    if (message instanceof Outgoing.Post p) {
      return port.post(p.channel(), p.reply(), p.itemKey());
    }
    if (message instanceof Outgoing.Top p) {
      return port.post(p.channel(), p.reply(), p.itemKey());
    }
    if (message instanceof Outgoing.ThreadPost t) {
      return port.postInThread(t.channel(), t.threadId(), t.reply(), t.alsoToChannel(), t.itemKey());
    }
    if (message instanceof Outgoing.UnderRoot u) {
      return port.postInThread(u.channel(), root.orElseThrow(), u.reply(), u.alsoToChannel(), u.itemKey());
    }
    MessageRef ref = message instanceof Outgoing.Edit e ? e.message() : new MessageRef(message.channel(), root.orElseThrow());
    port.update(ref, message.reply());
    return ref;
  }

  /** Returns the item key of the top-level post the message hangs from, if it names one. */
  private static Optional<String> rootKey(Outgoing message) {
    if (message instanceof Outgoing.UnderRoot u) {
      return Optional.of(u.rootKey());
    }
    return message instanceof Outgoing.EditRoot e ? Optional.of(e.rootKey()) : Optional.empty();
  }
}
