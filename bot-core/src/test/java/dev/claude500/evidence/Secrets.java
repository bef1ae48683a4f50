package dev.claude500.evidence;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Realistic secrets of every kind the redactor knows, made from a seed so they look random, each
 * planted as pasted: in prose, in a JSON string, in a URL, or broken across two lines.
 */
final class Secrets {
  private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final String URL_SAFE = ALNUM + "-_";
  private static final String HEX = "0123456789abcdef";
  private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

  /** Characters of a password in a labelled value: anything but blanks, quotes and , ; } &. */
  private static final String PASSWORD_CHARS = ALNUM + "!#%*()-_+.~^@/=";

  /** Characters of a password in a URL's user information (percent-escapes added apart). */
  private static final String USERINFO = ALNUM + "-._~!$&()*+,;=:";

  /** A run of characters the redactor's last rule looks at. */
  private static final Pattern RUN = Pattern.compile("[A-Za-z0-9+/_-]{" + TokenShapes.MIN_HEX + ",}+=*+");

  /**
   * A secret as it would appear in a paste.
   *
   * @param kind what it is
   * @param text the secret with its label, as pasted
   * @param secret the whole secret, without a line break a wrap put in it
   * @param pieces the parts of the text that must not survive redaction, none of their 8-character
   *     pieces
   * @param kept the parts of the text around the secret that must survive (its label, the user and
   *     host of a URL, the JSON around it)
   */
  record Planted(Kind kind, String text, String secret, List<String> pieces, List<String> kept) {
    Planted withKind(Kind kind) {
      return new Planted(kind, text, secret, pieces, kept);
    }
  }

  /** Where a secret stands in a paste. */
  enum Setting {
    /** In prose, with its label if it has one. */
    TEXT,
    /** As the value of a JSON string. */
    JSON,
    /** In a URL: its query, or its user information. */
    URL,
    /** Cut in two by a line break at a random point, as a terminal wraps a long line. */
    WRAPPED
  }

  /**
   * What must go when a secret is cut by a line break at {@code at}: the rule the redactor's
   * documentation gives, per kind.
   */
  @FunctionalInterface
  interface Wrap {
    /** Joined back: neither part may survive. */
    Wrap JOINED = (s, at) -> List.of(s.substring(0, at), s.substring(at));

    /** Never joined, and no prefix or label tells a part: each goes only if it looks random. */
    Wrap SHAPELESS = headFrom(Integer.MAX_VALUE);

    List<String> mustGo(String secret, int at);

    /**
     * Not joined: the part before the break goes when it is at least {@code min} characters (its
     * rule recognises it alone), and any run of either part that looks random enough for the
     * redactor's last rule goes.
     */
    static Wrap headFrom(int min) {
      return (s, at) -> {
        List<String> out = new ArrayList<>();
        String head = s.substring(0, at);
        if (at >= min) {
          out.add(head);
        } else {
          out.addAll(randomRuns(head));
        }
        out.addAll(randomRuns(s.substring(at)));
        return out;
      };
    }

    /**
     * A JWT is joined across one break before its last dot and in the first 43 characters of its
     * signature; elsewhere its two first parts go alone.
     */
    static Wrap jwt() {
      return (s, at) -> {
        int dot = s.lastIndexOf('.');
        boolean joined = at <= dot || at >= dot + 2 && at <= dot + 43;
        return joined ? JOINED.mustGo(s, at) : headFrom(s.indexOf('.') + 2).mustGo(s, at);
      };
    }
  }

  /** Plants one secret of a kind in a setting. */
  interface Maker {
    Planted plant(Random r, Setting setting);

    /** Returns whether a secret of this kind can stand in {@code setting}. */
    default boolean fits(Setting setting) {
      return true;
    }
  }

  /** The kinds, each with the name of the redactor's rule that finds it and a way to plant it. */
  enum Kind {
    ANTHROPIC_API_KEY("anthropic key", bare(Wrap.JOINED, r -> "sk-ant-api03-" + chars(r, URL_SAFE, 93) + "AA")),
    ANTHROPIC_OAUTH_TOKEN("anthropic key", bare(Wrap.JOINED, r -> "sk-ant-oat01-" + chars(r, URL_SAFE, 93) + "AA")),
    ANTHROPIC_OTHER_KEY("anthropic key", bare(Wrap.headFrom(15), r -> "sk-ant-admin01-" + chars(r, URL_SAFE, 40 + r.nextInt(60)))),
    ANTHROPIC_REFRESH_TOKEN("anthropic key", bare(Wrap.JOINED, r -> "sk-ant-ort01-" + chars(r, URL_SAFE, 93) + "AA")),
    /** OAuth tokens as credential files, token endpoints and proxies show them: labelled, any shape. */
    OAUTH_FIELD(
        "labelled value",
        new Labelled(
            Wrap.headFrom(4),
            List.of(
                "\"accessToken\":\"",
                "\"refreshToken\": \"",
                "{\"access_token\":\"",
                "refresh_token=",
                "id_token: ",
                "client_secret=",
                "\"oauth_token\":\""),
            List.of("{\"claudeAiOauth\":{\"accessToken\":\"", "{\"refresh_token\": \"", "{\"id_token\":\""),
            List.of("access_token", "refresh_token", "client_secret"),
            r ->
                r.nextBoolean()
                    ? token(r, URL_SAFE + ".", 20 + r.nextInt(60))
                    : "sk-ant-o" + (r.nextBoolean() ? "at01-" : "rt01-") + chars(r, URL_SAFE, 40 + r.nextInt(60)))),
    OPENAI_KEY(
        "openai key",
        bare(
            Wrap.headFrom(23),
            r -> switch (r.nextInt(3)) {
              case 0 -> "sk-" + chars(r, ALNUM, 20) + "T3BlbkFJ" + chars(r, ALNUM, 20);
              case 1 -> "sk-proj-" + chars(r, URL_SAFE, 74) + "T3BlbkFJ" + chars(r, URL_SAFE, 74);
              default -> "sk-proj-" + chars(r, URL_SAFE, 40 + r.nextInt(100));
            })),
    GOOGLE_API_KEY("google api key", bare(Wrap.JOINED, r -> "AIza" + chars(r, URL_SAFE, 35))),
    BEARER(
        "bearer token",
        new Labelled(
            Wrap.headFrom(16),
            List.of("Bearer ", "bearer ", "Authorization: Bearer ", "-H 'Authorization: Bearer ", "BEARER "),
            List.of("{\"headers\":{\"Authorization\":\"Bearer ", "{\"Authorization\": \"bearer "),
            List.of(),
            r ->
                r.nextInt(4) == 0
                    ? "sk-ant-oat01-" + chars(r, URL_SAFE, 60)
                    : token(r, ALNUM + "._~+/-", 20 + r.nextInt(60)))),
    AUTHORIZATION(
        "authorization header",
        new Labelled(
            Wrap.headFrom(4),
            List.of(
                "Authorization: Basic ",
                "authorization: ",
                "\"Authorization\": \"Token ",
                "Authorization: SSWS ",
                "Authorization: Basic\r\n ",
                "Authorization:\n  Bearer "),
            List.of("{\"headers\":{\"Authorization\":\"Basic ", "{\"authorization\": \"Token "),
            List.of(),
            r -> base64(r, 9 + r.nextInt(30)))),
    X_API_KEY(
        "labelled value",
        new Labelled(
            Wrap.headFrom(4),
            List.of("x-api-key: ", "X-Api-Key:", "\"x-api-key\":\"", "'X-API-KEY': '", "api_key=", "x-api-key="),
            List.of("{\"x-api-key\":\"", "{\"headers\": {\"X-Api-Key\": \"", "{\"apiKey\":\""),
            List.of("api_key", "x-api-key", "apiKey"),
            r ->
                r.nextInt(4) == 0
                    ? "sk-ant-api03-" + chars(r, URL_SAFE, 93) + "AA"
                    : token(r, ALNUM, 16 + r.nextInt(48)))),
    PASSWORD(
        "labelled value",
        new Labelled(
            Wrap.headFrom(4),
            List.of("password=", "passwd=", "secret=", "PASSWORD: ", "Password: ", "secret = ", "\"passwd\": \"", "api_key: "),
            List.of("{\"password\":\"", "{\"db\": {\"passwd\": \"", "{\"secret\":\"", "{\"Password\":\"", "{\"api_key\": \""),
            List.of("password", "secret", "api_key"),
            r -> pick(r, ALNUM) + token(r, PASSWORD_CHARS, 7 + r.nextInt(17)))),
    TOKEN_PAIR(
        "token value",
        new Labelled(
            Wrap.headFrom(16),
            List.of("token=", "token: ", "Token=", "\"token\": \""),
            List.of("{\"token\":\"", "{\"auth\": {\"token\": \""),
            List.of("token"),
            r -> token(r, URL_SAFE, 16 + r.nextInt(48)))),
    ENVIRONMENT(
        "environment assignment",
        new Labelled(
            Wrap.headFrom(4),
            List.of(
                "ANTHROPIC_API_KEY=",
                "export ANTHROPIC_AUTH_TOKEN=",
                "ANTHROPIC_API_KEY=\"",
                "$env:ANTHROPIC_API_KEY=\"",
                "set CLAUDE_CODE_OAUTH_TOKEN=",
                "SLACK_SIGNING_SECRET = "),
            List.of("{\"env\":{\"ANTHROPIC_API_KEY\":\"", "{\"env\": {\"ANTHROPIC_AUTH_TOKEN\": \""),
            List.of(),
            r -> token(r, URL_SAFE, 16 + r.nextInt(64)))),
    AWS_ACCESS_KEY_ID(
        "aws access key id",
        bare(Wrap.JOINED, r -> (r.nextBoolean() ? "AKIA" : "ASIA") + chars(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16))),
    AWS_SECRET(
        "labelled value",
        new Labelled(
            Wrap.headFrom(4),
            List.of(
                "aws_secret_access_key = ",
                "AWS_SECRET_ACCESS_KEY=",
                "\"aws_secret_access_key\": \"",
                "aws_session_token=",
                "\"SessionToken\": \"",
                "\"SecretAccessKey\": \""),
            List.of("{\"Credentials\":{\"SecretAccessKey\":\"", "{\"aws_secret_access_key\": \""),
            List.of(),
            r -> base64(r, 30 + r.nextInt(120)))),
    SLACK_TOKEN(
        "slack token",
        bare(
            Wrap.headFrom(15),
            r ->
                r.nextBoolean()
                    ? "xoxb-" + digits(r, 12) + "-" + digits(r, 13) + "-" + chars(r, ALNUM, 24)
                    : "xapp-1-A" + chars(r, ALNUM, 10) + "-" + digits(r, 13) + "-" + chars(r, HEX, 64))),
    GITHUB_TOKEN(
        "github token",
        bare(
            Wrap.JOINED,
            r ->
                r.nextBoolean()
                    ? "gh" + "pousr".charAt(r.nextInt(5)) + "_" + chars(r, ALNUM, 36)
                    : "github_pat_11" + chars(r, ALNUM, 20) + "_" + chars(r, ALNUM, 59))),
    DISCORD_TOKEN(
        "discord token",
        bare(
            (s, at) -> Wrap.headFrom(s.lastIndexOf('.') + 28).mustGo(s, at),
            r -> "M" + chars(r, URL_SAFE, 25) + "." + chars(r, URL_SAFE, 6) + "." + chars(r, URL_SAFE, 38))),
    JWT(
        "jwt",
        bare(
            Wrap.jwt(),
            r ->
                url64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes())
                    + "."
                    + url64(("{\"sub\":\"" + chars(r, ALNUM, 10) + "\",\"iat\":" + r.nextInt(1 << 30) + "}").getBytes())
                    + "."
                    + url64(bytes(r, r.nextInt(4) == 0 ? 256 : 32)))),
    HEX_DIGEST("random-looking run", bare(Wrap.SHAPELESS, r -> token(r, HEX, 32 + r.nextInt(33)))),
    BASE64_BLOB("random-looking run", bare(Wrap.SHAPELESS, r -> base64(r, 30 + r.nextInt(40)))),
    BASE64URL_BLOB("random-looking run", bare(Wrap.SHAPELESS, r -> url64(bytes(r, 30 + r.nextInt(40))))),
    URL_CREDENTIALS("credentials in a url", new UrlCredentials()),
    PRIVATE_KEY("private key", new PrivateKey(false)),
    PRIVATE_KEY_CUT_OFF("private key", new PrivateKey(true));

    private final String rule;
    private final Maker maker;

    Kind(String rule, Maker maker) {
      this.rule = rule;
      this.maker = maker;
    }

    /** Returns the name of the redactor's rule that finds this kind. */
    String rule() {
      return rule;
    }

    /** Returns whether a secret of this kind can stand in {@code setting}. */
    boolean fits(Setting setting) {
      return maker.fits(setting);
    }

    /** Returns one secret of this kind made from {@code seed}, as it stands in prose. */
    Planted make(long seed) {
      return make(seed, Setting.TEXT);
    }

    /** Returns one secret of this kind made from {@code seed}, as it stands in {@code setting}. */
    Planted make(long seed, Setting setting) {
      if (!fits(setting)) {
        throw new IllegalArgumentException(this + " does not stand in " + setting);
      }
      return maker.plant(new Random(seed), setting).withKind(this);
    }
  }

  private Secrets() {}

  /** Returns a request id like the ones Anthropic's API returns. */
  static String requestId(long seed) {
    return "req_011C" + chars(new Random(seed), BASE58, 20);
  }

  /**
   * Returns ordinary text that stands around pasted secrets and must come out unchanged: an error
   * line with its request id, URLs without credentials, a status-page link, incident and
   * component ids.
   */
  static String ordinary(long seed) {
    Random r = new Random(seed);
    String id = chars(r, LOWER_ALNUM, 12);
    return switch (r.nextInt(7)) {
      case 0 -> "API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"},"
          + "\"request_id\":\"" + requestId(seed) + "\"}";
      case 1 -> "request-id: " + requestId(seed);
      case 2 -> "see https://status.claude.com/incidents/" + id + " for updates";
      case 3 -> "component " + id + " is degraded (incident " + chars(r, LOWER_ALNUM, 12) + ")";
      case 4 -> "POST https://api.anthropic.com/v1/messages?beta=true failed";
      case 5 -> "db postgres://db.internal:5432/claude500 and http://localhost:3000/healthz";
      default -> "https://stspg.io/" + id + " and https://example.com:8443/p?x=1&page=2";
    };
  }

  private static Maker bare(Wrap wrap, Function<Random, String> secret) {
    return new Bare(wrap, secret);
  }

  /** A token whose shape alone tells what it is. */
  private record Bare(Wrap wrap, Function<Random, String> secret) implements Maker {
    @Override
    public Planted plant(Random r, Setting setting) {
      String s = secret.apply(r);
      return switch (setting) {
        case TEXT -> new Planted(null, s, s, List.of(s), List.of());
        case JSON -> r.nextBoolean()
            ? around(s, "{\"note\":\"", "\"}")
            : around(s, "{\"error\":{\"message\":\"invalid ", "\"}}");
        case URL -> around(s, "https://example.com/v1/callback?code=", "&state=ok");
        case WRAPPED -> {
          int at = 1 + r.nextInt(s.length() - 1);
          yield new Planted(null, s.substring(0, at) + lineBreak(r) + s.substring(at), s, wrap.mustGo(s, at), List.of());
        }
      };
    }
  }

  /**
   * A secret after a label that tells what it is.
   *
   * @param labels labels in prose, header or key=value form
   * @param jsonOpeners JSON up to the opening quote of the secret's string
   * @param urlParameters query parameters that may hold it; none when a URL does not
   */
  private record Labelled(
      Wrap wrap, List<String> labels, List<String> jsonOpeners, List<String> urlParameters,
      Function<Random, String> secret) implements Maker {
    @Override
    public boolean fits(Setting setting) {
      return setting != Setting.URL || !urlParameters.isEmpty();
    }

    @Override
    public Planted plant(Random r, Setting setting) {
      String s = secret.apply(r);
      return switch (setting) {
        case TEXT -> labelled(r, s, s, List.of(s));
        case JSON -> {
          String opener = pick(r, jsonOpeners);
          yield around(s, opener, "\"" + "}".repeat((int) opener.chars().filter(c -> c == '{').count()));
        }
        case URL -> around(s, "https://example.com/callback?state=ok&" + pick(r, urlParameters) + "=", "&page=2");
        case WRAPPED -> {
          int at = 1 + r.nextInt(s.length() - 1);
          yield labelled(r, s, s.substring(0, at) + lineBreak(r) + s.substring(at), wrap.mustGo(s, at));
        }
      };
    }

    private Planted labelled(Random r, String secret, String shown, List<String> pieces) {
      String label = pick(r, labels);
      String close = label.endsWith("\"") ? "\"" : label.endsWith("'") ? "'" : "";
      return new Planted(null, label + shown + close, secret, pieces, List.of(labelKept(label)));
    }

    /** The label up to its last colon or equals sign and the blanks and quote after it. */
    private static String labelKept(String label) {
      Matcher m = Pattern.compile("^.*[:=][ \\t\"']*").matcher(label);
      return m.find() ? m.group() : label;
    }
  }

  /** A password in a URL's user information: the user and the host stay. */
  private record UrlCredentials() implements Maker {
    private static final List<List<String>> URLS =
        List.of(
            List.of("postgres://admin:", "@db.internal:5432/claude500"),
            List.of("https://deploy:", "@git.example.com/org/repo.git"),
            List.of("redis://:", "@cache:6379/0"),
            List.of("amqp://svc-user:", "@mq.internal/vhost"),
            List.of("mongodb+srv://app:", "@cluster0.example.net/test?retryWrites=true"));

    @Override
    public Planted plant(Random r, Setting setting) {
      List<String> url = pick(r, URLS);
      StringBuilder password = new StringBuilder().append(pick(r, ALNUM));
      while (password.length() < 8 + r.nextInt(17)) {
        password.append(r.nextInt(12) == 0 ? "%40" : String.valueOf(pick(r, USERINFO)));
      }
      String s = password.toString();
      return switch (setting) {
        case TEXT, URL -> around(s, url.get(0), url.get(1));
        case JSON -> around(s, "{\"url\":\"" + url.get(0), url.get(1) + "\"}");
        case WRAPPED -> {
          int at = 1 + r.nextInt(s.length() - 1);
          String shown = s.substring(0, at) + lineBreak(r) + s.substring(at);
          yield new Planted(null, url.get(0) + shown + url.get(1), s, Wrap.JOINED.mustGo(s, at), url);
        }
      };
    }
  }

  /**
   * A private key in PEM form, any key type; all of it, BEGIN and END lines included, must go.
   *
   * @param cutOff whether the paste stops inside it, before its END line
   */
  private record PrivateKey(boolean cutOff) implements Maker {
    private static final List<String> TYPES =
        List.of("RSA PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "PRIVATE KEY",
            "DSA PRIVATE KEY", "PGP PRIVATE KEY BLOCK");

    @Override
    public boolean fits(Setting setting) {
      return setting != Setting.URL;
    }

    @Override
    public Planted plant(Random r, Setting setting) {
      List<String> lines = lines(r);
      String block = String.join("\n", lines);
      return switch (setting) {
        case TEXT -> shown(block.replace("\n", r.nextBoolean() ? "\n" : "\r\n"), "", "");
        case JSON -> shown(block.replace("\n", "\\n"), "{\"type\":\"service_account\",\"private_key\":\"",
            (cutOff ? "" : "\\n") + "\",\"client_email\":\"bot@project.iam.gserviceaccount.com\"}");
        case WRAPPED -> shown(rewrapped(r, lines), "", "");
        case URL -> throw new IllegalArgumentException("a private key does not stand in a URL");
      };
    }

    private Planted shown(String block, String before, String after) {
      String end = cutOff && before.isEmpty() ? "\n" : "";
      List<String> kept = before.isEmpty() ? List.of() : List.of(before, after);
      return new Planted(null, before + block + end + after, block, List.of(block), kept);
    }

    /** The block as a terminal, a chat or a text log shows it when it breaks lines differently. */
    private String rewrapped(Random r, List<String> lines) {
      int choice = r.nextInt(cutOff ? 2 : 3);
      if (choice == 1) {
        return String.join(" | ", lines);
      }
      if (choice == 2) {
        return String.join(" ", lines);
      }
      List<String> broken = new ArrayList<>(lines);
      List<Integer> body = new ArrayList<>();
      for (int i = 1; i < broken.size(); i++) {
        if (broken.get(i).matches("[A-Za-z0-9+/]{2,}+")) {
          body.add(i);
        }
      }
      int i = pick(r, body);
      String line = broken.get(i);
      int at = 1 + r.nextInt(line.length() - 1);
      broken.set(i, line.substring(0, at) + "\n" + line.substring(at));
      return String.join("\n", broken);
    }

    private List<String> lines(Random r) {
      String type = pick(r, TYPES);
      List<String> lines = new ArrayList<>();
      lines.add("-----BEGIN " + type + "-----");
      if (type.startsWith("PGP")) {
        lines.add("Version: GnuPG v2");
        lines.add("");
      } else if (type.equals("RSA PRIVATE KEY") && r.nextBoolean()) {
        lines.add("Proc-Type: 4,ENCRYPTED");
        lines.add("DEK-Info: AES-128-CBC," + chars(r, "0123456789ABCDEF", 32));
        lines.add("");
      }
      String body = Base64.getEncoder().encodeToString(bytes(r, type.startsWith("EC") ? 121 : 200 + r.nextInt(1000)));
      int width = type.startsWith("OPENSSH") ? 70 : 64;
      for (int at = 0; at < body.length(); at += width) {
        lines.add(body.substring(at, Math.min(body.length(), at + width)));
      }
      if (type.startsWith("PGP")) {
        lines.add("=" + chars(r, ALNUM, 4));
      }
      if (!cutOff) {
        lines.add("-----END " + type + "-----");
        return lines;
      }
      int keep = lines.size() - r.nextInt(Math.min(4, lines.size() - 2));
      List<String> cut = new ArrayList<>(lines.subList(0, keep));
      String last = cut.get(cut.size() - 1);
      if (last.length() > 8 && r.nextBoolean()) {
        cut.set(cut.size() - 1, last.substring(0, 1 + r.nextInt(last.length() - 1)));
      }
      return cut;
    }
  }

  private static Planted around(String secret, String before, String after) {
    return new Planted(null, before + secret + after, secret, List.of(secret), List.of(before, after));
  }

  /** Returns the runs of {@code piece} long and random enough for the redactor's last rule. */
  static List<String> randomRuns(String piece) {
    List<String> runs = new ArrayList<>();
    Matcher m = RUN.matcher(piece);
    while (m.find()) {
      if (TokenShapes.isSecret(m.group())) {
        runs.add(m.group());
      }
    }
    return runs;
  }

  private static String lineBreak(Random r) {
    return r.nextInt(4) == 0 ? "\r\n" : "\n";
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

  private static <T> T pick(Random r, List<T> choices) {
    return choices.get(r.nextInt(choices.size()));
  }
}
