package dev.claude500.incidents;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.chat.ChatPort;
import dev.claude500.chat.MessageRef;
import dev.claude500.metrics.BotMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts items in channels exactly once through the ledger: claim, post, confirm.
 *
 * <p>An item's claim is written before its post and its message id after, so a crash between the
 * two leaves an unconfirmed claim. This poster remembers which of its own claims it knows were not
 * posted (the platform refused them for now); any other unconfirmed claim (found after a restart,
 * or left by a replica that lost the lease) is uncertain: the poster asks the platform whether a
 * message carrying the item's key exists ({@link ChatPort#findPosted}) and posts again only when it
 * finds none. A platform that cannot answer makes that one crash point at-least-once.
 *
 * <p>A failure whose outcome the platform could not tell ({@link ChatDeliveryException#outcomeUnknown()})
 * leaves the claim uncertain in the same way. A failure worth retrying makes the channel wait (the
 * platform's {@code Retry-After}, at most 5 min, else a backoff of 5 s doubling to 5 min) and the item is posted
 * later, never dropped; a refusal for good is recorded in the ledger and logged once per channel.
 * Each attempt at an item is counted on the metrics by its result, and each {@code Retry-After}
 * honoured as a rate-limit wait. Not thread-safe: the watcher's one round at a time uses it.
 */
final class LedgerPoster {
  /** One call to the platform that yields the message it made or changed. */
  @FunctionalInterface
  interface PortCall {
    MessageRef call(ChatPort port);
  }

  private static final Logger LOG = LoggerFactory.getLogger(LedgerPoster.class);
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  private final PostLedger ledger;
  private final Clock clock;
  private final BotMetrics metrics;
  private final Set<String> knownUnposted = new HashSet<>();
  private final Map<ChannelRef, Instant> waitUntil = new HashMap<>();
  private final Map<ChannelRef, Integer> strikes = new HashMap<>();
  private final Set<ChannelRef> refusedChannels = new HashSet<>();

  LedgerPoster(PostLedger ledger, Clock clock, BotMetrics metrics) {
    this.ledger = ledger;
    this.clock = clock;
    this.metrics = metrics;
  }

  /**
   * Forgets which claims it knew unposted: after the lease changed hands every unconfirmed claim
   * is uncertain again.
   */
  void forgetClaims() {
    knownUnposted.clear();
  }

  /** Returns true while the channel waits after a failure worth retrying. */
  boolean isWaiting(ChannelRef channel, Instant now) {
    Instant until = waitUntil.get(channel);
    return until != null && until.isAfter(now);
  }

  /** Returns when the earliest waiting channel may be tried again, if any waits. */
  Optional<Instant> nextRetry(Instant now) {
    return waitUntil.values().stream().filter(t -> t.isAfter(now)).min(Instant::compareTo);
  }

  /**
   * Puts one item in a channel unless the ledger shows it settled.
   *
   * @param entry the ledger's entry for the item, if it has one
   * @param threadId the thread the item goes in, if not top-level (where to look for it)
   * @param idempotent true when doing it twice is harmless (an edit): no search before redoing it
   */
  PostOutcome send(ChatPort port, ChannelRef channel, String itemKey, String incidentId,
      Optional<LedgerEntry> entry, Optional<String> threadId, boolean idempotent, PortCall call) {
    Instant now = clock.instant();
    String id = channel + " " + itemKey;
    if (entry.isPresent()) {
      LedgerEntry e = entry.get();
      if (e.isPosted()) {
        return new PostOutcome.Posted(e.messageId().orElseThrow(), false);
      }
      if (e.isSettled()) {
        return new PostOutcome.Passed();
      }
      if (!idempotent && !knownUnposted.contains(id)) {
        Optional<MessageRef> found = findPosted(port, channel, threadId, itemKey);
        if (found.isPresent()) {
          LOG.info("Found {} already in {} as {}; recording it", itemKey, channel, found.get().messageId());
          ledger.confirm(channel, itemKey, found.get().messageId(), now);
          metrics.incidentPost(channel.platform(), "found");
          return new PostOutcome.Posted(found.get().messageId(), false);
        }
        LOG.info("Posting {} in {} again: its earlier post was not confirmed", itemKey, channel);
      }
    } else if (!ledger.claim(channel, itemKey, incidentId, now)) {
      return new PostOutcome.Passed(); // another poster claimed it; the next round sees its entry
    }
    // From here until the platform answers, the claim is uncertain: a crash, or a confirm that
    // fails, leaves it for the next round to look for before posting again.
    knownUnposted.remove(id);
    MessageRef posted;
    try {
      posted = call.call(port);
    } catch (ChatDeliveryException e) {
      if (e.retryable()) {
        if (!e.outcomeUnknown()) {
          knownUnposted.add(id); // certainly not taken: the next attempt need not look for it first
        }
        waitAfterFailure(channel, itemKey, e.getMessage(), e.retryAfter());
        metrics.incidentPost(channel.platform(), "deferred");
        return new PostOutcome.Deferred();
      }
      refuse(channel, itemKey, e.getMessage());
      metrics.incidentPost(channel.platform(), "refused");
      return new PostOutcome.Passed();
    } catch (RuntimeException e) {
      // the platform may or may not have taken it: the claim stays uncertain
      waitAfterFailure(channel, itemKey, e.toString(), Optional.empty());
      metrics.incidentPost(channel.platform(), "deferred");
      return new PostOutcome.Deferred();
    }
    ledger.confirm(channel, itemKey, posted.messageId(), clock.instant());
    metrics.incidentPost(channel.platform(), idempotent ? "edited" : "posted");
    delivered(channel);
    return new PostOutcome.Posted(posted.messageId(), true);
  }

  /**
   * Runs one platform call outside the ledger (a follow-up's replies), with the same waiting and
   * logging as {@link #send}; returns the message, or what became of the channel.
   */
  PostOutcome attempt(ChatPort port, ChannelRef channel, String what, PortCall call) {
    try {
      MessageRef posted = call.call(port);
      delivered(channel);
      return new PostOutcome.Posted(posted.messageId(), true);
    } catch (ChatDeliveryException e) {
      if (e.retryable()) {
        waitAfterFailure(channel, what, e.getMessage(), e.retryAfter());
        return new PostOutcome.Deferred();
      }
      logRefusal(channel, what, e.getMessage());
      return new PostOutcome.Passed();
    } catch (RuntimeException e) {
      waitAfterFailure(channel, what, e.toString(), Optional.empty());
      return new PostOutcome.Deferred();
    }
  }

  /** Records an item that will never be posted (refused for good, or gone from the page). */
  void refuse(ChannelRef channel, String itemKey, String reason) {
    ledger.fail(channel, itemKey, reason == null ? "refused" : reason, clock.instant());
    logRefusal(channel, itemKey, reason);
  }

  /**
   * Asks the platform for a message posted earlier under {@code itemKey}; empty when there is none
   * or the platform cannot tell (logged).
   */
  Optional<MessageRef> findPosted(ChatPort port, ChannelRef channel, Optional<String> threadId,
      String itemKey) {
    try {
      return Objects.requireNonNull(port.findPosted(channel, threadId, itemKey), "findPosted");
    } catch (RuntimeException e) {
      LOG.warn("Could not look for {} in {}: {}", itemKey, channel, e.toString());
      return Optional.empty();
    }
  }

  private void logRefusal(ChannelRef channel, String what, String reason) {
    if (refusedChannels.add(channel)) {
      LOG.warn("{} refused {} for good ({}); it will not be retried, and further refusals in this"
          + " channel are logged at debug level", channel, what, reason);
    } else {
      LOG.debug("{} refused {} for good ({})", channel, what, reason);
    }
  }

  private void waitAfterFailure(ChannelRef channel, String what, String reason, Optional<Duration> retryAfter) {
    int strike = strikes.merge(channel, 1, Integer::sum);
    // a Retry-After is the platform's word, not a promise: an absurd one must not park the channel for good
    Optional<Duration> asked =
        retryAfter.filter(d -> !d.isNegative()).map(d -> d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d);
    asked.ifPresent(d -> metrics.rateLimitWait(channel.platform(), d));
    Duration wait = asked.orElseGet(() -> backoff(strike));
    waitUntil.put(channel, clock.instant().plus(wait));
    if (strike == 1) {
      LOG.info("Posting {} in {} failed ({}); the channel waits {} ms and the post is retried",
          what, channel, reason, wait.toMillis());
    } else {
      LOG.debug("Posting {} in {} failed again ({}); waiting {} ms", what, channel, reason, wait.toMillis());
    }
  }

  private void delivered(ChannelRef channel) {
    waitUntil.remove(channel);
    if (strikes.remove(channel) != null) {
      LOG.info("Posting in {} works again", channel);
    }
  }

  private static Duration backoff(int strike) {
    Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(strike - 1, 10));
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }
}
