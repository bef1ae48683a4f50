package dev.claude500.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells where each error came from, from what is written in and around it: a gateway or another
 * provider (its name, its exception, its body's shape, an HTML error page), the sign-in page or
 * flow, or else Anthropic's API.
 *
 * <p>An HTML or Cloudflare page that names {@code api.anthropic.com} is Anthropic's own edge, so
 * it stays {@link Origin#API}. Envoy's {@code upstream connect error} alone is not taken for a
 * gateway either: Claude Code printed it for Anthropic's own outages (claude-code issues 7043,
 * 7402, 7403, September 2025).
 */
final class Origins {
  /** Lines after an error (up to the next one) that still speak of it. */
  private static final int CONTEXT_LINES = 8;

  /** Characters around an error that are looked at. */
  private static final int MAX_WINDOW_CHARS = 4_096;

  private record Gateway(Pattern mark, String name) {}

  private static final String HTML_PAGE = "a proxy's HTML error page";

  private static final List<Gateway> GATEWAYS =
      List.of(
          gateway("(?i)\\blitellm\\b", "LiteLLM"),
          gateway("(?i)openrouter|\"provider_name\"|\\bprovider returned error\\b", "OpenRouter"),
          gateway(
              "(?i)\\bollama\\b|:11434\\b|model runner has unexpectedly stopped|\\bllama runner\\b",
              "Ollama"),
          gateway(
              "(?i)\\bnvidia(?:[ _-]?nim)?\\b|integrate\\.api\\.nvidia\\.com|(?-i:\\bNIM\\b)",
              "NVIDIA NIM"),
          gateway(
              "(?i)\\bbedrock\\b|\\bx-amzn-|\\b(?:Validation|ServiceUnavailable|Throttling"
                  + "|ModelStream|ModelNotReady|ModelTimeout)Exception\\b",
              "Amazon Bedrock"),
          gateway(
              "(?i)\\bvertex(?:[ _-]?ai)?\\b|aiplatform\\.googleapis\\.com"
                  + "|type\\.googleapis\\.com/google\\.rpc",
              "Google Vertex AI"),
          gateway("(?i)\\bupstream[ \\t]++(?:provider|error)\\b", "an upstream provider"),
          gateway(
              "(?i)\\bcheck[ \\t]++your[ \\t]++inference[ \\t]++gateway\\b", "an inference gateway"),
          gateway(
              "(?i)<!doctype[ \\t]++html|<html[\\s>]|<head>|<body[\\s>]|<title>|\\bnginx\\b",
              HTML_PAGE));

  /** Anthropic's own edge: its Cloudflare pages name the API host. */
  private static final Pattern ANTHROPIC_EDGE = Pattern.compile("(?i)\\bapi\\.anthropic\\.com\\b");

  /**
   * The sign-in page or flow: its addresses, its headings, people saying they sign in. The API's
   * own {@code OAuth token has expired} and {@code OAuth authentication is currently not
   * supported}, and Claude Code's advice {@code Please run /login} and {@code /login to switch},
   * do not count.
   */
  private static final Pattern SIGN_IN =
      Pattern.compile(
          "(?i)\\boauth\\b(?![ \\t]++(?:token|authentication)\\b)|/authorize\\b"
              + "|\\bauthori[sz](?:e|ation)[ \\t]++(?:page|failed|button|screen|flow)\\b"
              + "|\\bsign(?:ing)?[ \\t-]?in\\b|\\blog(?:ging)?[ \\t-]in\\b"
              + "|\\blogin[ \\t]++(?:page|flow|screen)\\b|/login\\b");
  private static final Pattern NOT_SIGN_IN =
      Pattern.compile("(?i)please[ \\t]++run[ \\t]++/login|/login[ \\t]++to[ \\t]++(?:switch|use)");

  private Origins() {}

  private static Gateway gateway(String regex, String name) {
    return new Gateway(Pattern.compile(regex), name);
  }

  /**
   * Returns {@code hits} (sorted by start) with the origin of each told; {@code pasteShowsSignIn}
   * is {@link #showsSignIn} of the scan.
   */
  static List<Hit> assign(Scan scan, List<Hit> hits, boolean pasteShowsSignIn) {
    List<Hit> out = new ArrayList<>(hits.size());
    for (int i = 0; i < hits.size(); i++) {
      Hit hit = hits.get(i);
      int from = windowStart(scan, hits, i);
      int to = windowEnd(scan, hits, i);
      out.add(assign(scan, hit, from, to, pasteShowsSignIn));
    }
    return out;
  }

  private static Hit assign(Scan scan, Hit hit, int from, int to, boolean pasteShowsSignIn) {
    if (hit.source() == Hit.Source.SIGN_IN_PAGE) {
      return pasteShowsSignIn ? hit.withOrigin(Origin.SIGN_IN, Optional.empty()) : hit;
    }
    Optional<String> gateway = gatewayIn(scan.text, from, to);
    if (gateway.isPresent()) {
      return hit.withOrigin(Origin.GATEWAY, gateway);
    }
    boolean signIn =
        hit.source() != Hit.Source.AUTH
            && hit.source() != Hit.Source.LIMIT
            && hit.source() != Hit.Source.CLIENT
            && signInIn(scan.text, from, to);
    return signIn ? hit.withOrigin(Origin.SIGN_IN, Optional.empty()) : hit;
  }

  /** Returns whether anything in the paste shows the sign-in page or flow. */
  static boolean showsSignIn(Scan scan) {
    return signInIn(scan.text, 0, scan.text.length());
  }

  private static Optional<String> gatewayIn(String text, int from, int to) {
    for (Gateway g : GATEWAYS) {
      if (g.mark().matcher(text).region(from, to).useTransparentBounds(true).find()) {
        boolean anthropicEdge =
            g.name().equals(HTML_PAGE) && ANTHROPIC_EDGE.matcher(text).region(from, to).find();
        return anthropicEdge ? Optional.empty() : Optional.of(g.name());
      }
    }
    return Optional.empty();
  }

  private static boolean signInIn(String text, int from, int to) {
    Matcher m = SIGN_IN.matcher(text).region(from, to).useTransparentBounds(true);
    Matcher not = NOT_SIGN_IN.matcher(text).useTransparentBounds(true);
    while (m.find()) {
      int back = Math.max(from, m.start() - 12);
      not.region(back, Math.min(to, m.end() + 12));
      if (!not.find() || not.start() > m.start() || not.end() < m.end()) {
        return true;
      }
    }
    return false;
  }

  /** Returns where an error's surroundings start: its line, or the line before if it is free. */
  private static int windowStart(Scan scan, List<Hit> hits, int i) {
    int start = scan.lineStart(hits.get(i).start());
    int previousEnd = i == 0 ? 0 : hits.get(i - 1).end();
    int before = start == 0 ? 0 : scan.lineStart(start - 1);
    int from = before >= previousEnd ? before : Math.max(start, previousEnd);
    return Math.min(hits.get(i).start(), Math.max(from, hits.get(i).start() - MAX_WINDOW_CHARS / 2));
  }

  /** Returns where they end: a few lines after it, never past the next error. */
  private static int windowEnd(Scan scan, List<Hit> hits, int i) {
    Hit hit = hits.get(i);
    int end = scan.lineEnd(hit.end());
    for (int n = 0; n < CONTEXT_LINES && end < scan.text.length(); n++) {
      end = scan.lineEnd(end + 1);
    }
    int next = i + 1 < hits.size() ? Math.max(hits.get(i + 1).start(), hit.end()) : end;
    return Math.min(Math.min(end, next), Math.max(hit.end(), hit.start() + MAX_WINDOW_CHARS));
  }
}
