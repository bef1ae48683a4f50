package dev.claude500.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claude500.metrics.BotMetrics;
import dev.claude500.status.Poke;
import dev.claude500.status.StatusPoller;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /statuspage/webhook/<token>}: a status page's webhook call (Statuspage sends one per
 * incident update and per component status change) pokes the status poller, which reads the page
 * at once instead of at its next poll. The body is never taken as the news: it is read only to log
 * what kind of call it was, so a forged call costs one read of the page (at most one per {@link
 * StatusPoller#POKE_SPACING}) and never a post. Answered as soon as the poke is asked, never after
 * the read. A call that asks for a read is passed on to the other replicas too (on a PostgreSQL
 * store the one that posts may be another).
 *
 * <p>A path whose last word is not the token gets the same 404 as a path the server does not
 * serve, whatever the method; the token is compared in constant time (digests of both, compared
 * with {@link MessageDigest#isEqual}). Then only POST is taken (405 otherwise). Thread-safe.
 */
final class StatusWebhook implements Route {
  /** The path the token follows. */
  static final String PATH = "/statuspage/webhook/";
  /** The largest body read: a Statuspage call is a few kilobytes, an incident with a long story some tens. */
  static final int MAX_BODY = 256 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(StatusWebhook.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final byte[] tokenDigest;
  private final StatusPoller poller;
  private final BotMetrics metrics;
  private final Runnable tellOthers;

  /**
   * Creates the route.
   *
   * @param token the path word a call must carry ({@code CLAUDE500_WEBHOOK_TOKEN})
   * @param poller the poller a call pokes
   * @param metrics where calls are counted by result
   * @param tellOthers tells the other replicas of a poke that asked for a read (not one that joined
   *     a read already asked for); must return at once
   */
  StatusWebhook(String token, StatusPoller poller, BotMetrics metrics, Runnable tellOthers) {
    this.tokenDigest = digest(Objects.requireNonNull(token, "token"));
    this.poller = Objects.requireNonNull(poller, "poller");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.tellOthers = Objects.requireNonNull(tellOthers, "tellOthers");
    metrics.webhookPokesAtZero();
  }

  @Override
  public Optional<Reply> screen(Head head) {
    String given = head.path().startsWith(PATH) ? head.path().substring(PATH.length()) : "";
    if (!MessageDigest.isEqual(tokenDigest, digest(given))) {
      metrics.webhookPoke("unknown_token");
      return Optional.of(FrontDoor.NOT_FOUND);
    }
    if (!"POST".equals(head.method())) {
      metrics.webhookPoke("not_post");
      return Optional.of(new Reply(405, "text/plain; charset=utf-8", "POST only\n", Map.of("Allow", List.of("POST"))));
    }
    return Optional.empty();
  }

  @Override
  public Reply answer(Head head, byte[] body) {
    Poke poke = poller.poke();
    String result = poke.name().toLowerCase(Locale.ROOT);
    metrics.webhookPoke(result);
    String kind = kind(body);
    if (poke == Poke.JOINED) {
      LOG.debug("Status-page webhook: {}; joins the read already asked for", kind);
    } else {
      tellOthers.run();
      LOG.info("Status-page webhook: {}; the page is read {}", kind, poke == Poke.NOW ? "at once"
          : "when " + StatusPoller.POKE_SPACING.toSeconds() + " s have passed since the last such read");
    }
    return Reply.text(200, "read " + result + "\n");
  }

  /**
   * Returns what kind of call a body is, for the log: Statuspage's incident calls carry an {@code
   * incident} object, its component calls a {@code component_update}; nothing else of the body is
   * used, nor anything of it shown.
   */
  static String kind(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      return "a body that is not JSON";
    }
    if (root == null || !root.isObject()) {
      return "a body that is not a JSON object";
    }
    if (root.path("incident").isObject()) {
      return "an incident update";
    }
    if (root.path("component_update").isObject()) {
      return "a component update";
    }
    return "a call of no known kind";
  }

  private static byte[] digest(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }
}
