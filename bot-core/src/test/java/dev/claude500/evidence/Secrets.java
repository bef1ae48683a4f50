package dev.claude500.evidence;

import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** Realistic secrets of every kind the redactor knows, made from a seed so they look random. */
final class Secrets {
  private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final String URL_SAFE = ALNUM + "-_";
  private static final String HEX = "0123456789abcdef";

  /**
   * A secret as it would appear in a paste.
   *
   * @param kind what it is
   * @param text the secret with its label, as pasted
   * @param secret the part that must not survive redaction
   */
  record Planted(Kind kind, String text, String secret) {}

  /** The kinds, each a way to make one from a random source. */
  enum Kind {
    ANTHROPIC_API_KEY(r -> bare("sk-ant-api03-" + chars(r, URL_SAFE, 93) + "AA")),
    ANTHROPIC_OAUTH_TOKEN(r -> bare("sk-ant-oat01-" + chars(r, URL_SAFE, 80 + r.nextInt(30)))),
    ANTHROPIC_OTHER_KEY(r -> bare("sk-ant-admin01-" + chars(r, URL_SAFE, 40 + r.nextInt(60)))),
    ANTHROPIC_REFRESH_TOKEN(r -> bare("sk-ant-ort01-" + chars(r, URL_SAFE, 80 + r.nextInt(30)))),
    /** OAuth tokens as credential files, token endpoints and proxies show them: labelled, any shape. */
    OAUTH_FIELD(
        r ->
            labelled(
                r,
                List.of(
                    "\"accessToken\":\"",
                    "\"refreshToken\": \"",
                    "{\"access_token\":\"",
                    "refresh_token=",
                    "id_token: ",
                    "client_secret=",
                    "\"oauth_token\":\""),
                r.nextBoolean()
                    ? token(r, URL_SAFE + ".", 20 + r.nextInt(60))
                    : "sk-ant-o" + (r.nextBoolean() ? "at01-" : "rt01-") + chars(r, URL_SAFE, 40 + r.nextInt(60)))),
    OTHER_SK_KEY(r -> bare("sk-proj-" + chars(r, URL_SAFE, 40 + r.nextInt(100)))),
    BEARER(
        r ->
            labelled(
                r,
                List.of("Bearer ", "bearer ", "Authorization: Bearer ", "-H 'Authorization: Bearer ", "BEARER "),
                r.nextInt(4) == 0
                    ? "sk-ant-oat01-" + chars(r, URL_SAFE, 60)
                    : token(r, ALNUM + "._~+/-", 20 + r.nextInt(60)))),
    AUTHORIZATION(
        r ->
            labelled(
                r,
                List.of("Authorization: Basic ", "authorization: ", "\"Authorization\": \"Token "),
                base64(r, 9 + r.nextInt(30)))),
    X_API_KEY(
        r ->
            labelled(
                r,
                List.of("x-api-key: ", "X-Api-Key:", "\"x-api-key\":\"", "'X-API-KEY': '", "api_key=", "x-api-key="),
                r.nextInt(4) == 0
                    ? "sk-ant-api03-" + chars(r, URL_SAFE, 93) + "AA"
                    : token(r, ALNUM, 16 + r.nextInt(48)))),
    ENVIRONMENT(
        r ->
            labelled(
                r,
                List.of(
                    "ANTHROPIC_API_KEY=",
                    "export ANTHROPIC_AUTH_TOKEN=",
                    "ANTHROPIC_API_KEY=\"",
                    "$env:ANTHROPIC_API_KEY=\"",
                    "set CLAUDE_CODE_OAUTH_TOKEN=",
                    "SLACK_SIGNING_SECRET = "),
                token(r, URL_SAFE, 16 + r.nextInt(64)))),
    AWS_ACCESS_KEY_ID(r -> bare((r.nextBoolean() ? "AKIA" : "ASIA") + chars(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16))),
    AWS_SECRET(
        r ->
            labelled(
                r,
                List.of("aws_secret_access_key = ", "AWS_SECRET_ACCESS_KEY=", "\"aws_secret_access_key\": \"",
                    "aws_session_token=", "\"SessionToken\": \""),
                base64(r, 30 + r.nextInt(120)))),
    SLACK_TOKEN(
        r ->
            bare(
                r.nextBoolean()
                    ? "xoxb-" + digits(r, 12) + "-" + digits(r, 13) + "-" + chars(r, ALNUM, 24)
                    : "xapp-1-A" + chars(r, ALNUM, 10) + "-" + digits(r, 13) + "-" + chars(r, HEX, 64))),
    GITHUB_TOKEN(
        r ->
            bare(
                r.nextBoolean()
                    ? "ghp_" + chars(r, ALNUM, 36)
                    : "github_pat_11" + chars(r, ALNUM, 20) + "_" + chars(r, ALNUM, 59))),
    DISCORD_TOKEN(
        r -> bare("M" + chars(r, URL_SAFE, 25) + "." + chars(r, URL_SAFE, 6) + "." + chars(r, URL_SAFE, 38))),
    JWT(
        r ->
            bare(
                url64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes())
                    + "."
                    + url64(("{\"sub\":\"" + chars(r, ALNUM, 10) + "\",\"iat\":" + r.nextInt(1 << 30) + "}").getBytes())
                    + "."
                    + url64(bytes(r, 32)))),
    HEX_DIGEST(r -> bare(token(r, HEX, 32 + r.nextInt(33)))),
    BASE64_BLOB(r -> bare(base64(r, 30 + r.nextInt(40)))),
    BASE64URL_BLOB(r -> bare(url64(bytes(r, 30 + r.nextInt(40)))));

    private final Function<Random, Planted> make;

    Kind(Function<Random, Planted> make) {
      this.make = make;
    }

    /** Returns one secret of this kind made from {@code seed}. */
    Planted make(long seed) {
      Planted p = make.apply(new Random(seed));
      return new Planted(this, p.text(), p.secret());
    }
  }

  private Secrets() {}

  /** Returns a request id like the ones Anthropic's API returns. */
  static String requestId(long seed) {
    return "req_011C" + chars(new Random(seed), BASE58, 20);
  }

  private static Planted bare(String secret) {
    return new Planted(null, secret, secret);
  }

  private static Planted labelled(Random r, List<String> labels, String secret) {
    String label = labels.get(r.nextInt(labels.size()));
    String close = label.endsWith("\"") ? "\"" : label.endsWith("'") ? "'" : "";
    return new Planted(null, label + secret + close, secret);
  }

  /** Returns random characters with at least one digit and one letter of each case the alphabet has. */
  private static String token(Random r, String alphabet, int length) {
    StringBuilder s = new StringBuilder(chars(r, alphabet, length));
    for (String kind : List.of("0123456789", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")) {
      String present = alphabet.chars().filter(c -> kind.indexOf(c) >= 0).collect(
          StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
      if (!present.isEmpty()) {
        s.setCharAt(r.nextInt(length), pick(r, present));
      }
    }
    return s.toString();
  }

  private static String base64(Random r, int bytes) {
    return Base64.getEncoder().encodeToString(bytes(r, bytes));
  }

  private static String url64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] bytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  private static String digits(Random r, int n) {
    return chars(r, "0123456789", n);
  }

  private static String chars(Random r, String alphabet, int n) {
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      s.append(pick(r, alphabet));
    }
    return s.toString();
  }

  private static char pick(Random r, String alphabet) {
    return alphabet.charAt(r.nextInt(alphabet.length()));
  }
}
