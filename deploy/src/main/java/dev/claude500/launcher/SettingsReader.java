package dev.claude500.launcher;

import dev.claude500.earlywarning.EarlyWarningSetting;
import dev.claude500.incidents.IncidentWatcher;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one setting at a time from an environment, each of its kind (a number in a range, a
 * duration, a URL, a directory ...), and fails with a {@link SettingsException} that names the
 * setting and what is wrong. A blank value counts as unset: the setting's default stands.
 */
final class SettingsReader {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(s|m|h)?");
  private static final Pattern HOURS_OR_DAYS = Pattern.compile("(\\d{1,9})\\s*(h|d)");
  /** A secret path word: long enough not to be guessed, nothing a URL would have to escape. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,128}");
  /** The longest retention: ten years. */
  static final Duration MAX_RETENTION = Duration.ofDays(3650);

  private final Map<String, String> env;

  SettingsReader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** Returns the value, stripped, or the default when it is unset or blank. */
  String value(Setting s) {
    String v = env.get(s.name());
    return v == null || v.isBlank() ? s.defaultValue() : v.strip();
  }

  /** Returns the value, empty when it is unset and has no default. */
  Optional<String> optional(Setting s) {
    String v = value(s);
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  /** Returns a whole number in {@code [min, max]}. */
  int integer(Setting s, int min, int max) {
    String v = value(s);
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new SettingsException(s, "must be between " + min + " and " + max + ", got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new SettingsException(s, "must be a whole number, got '" + v + "'");
    }
  }

  /** Returns a duration like {@code 90s}, {@code 45m} or {@code 2h} (minutes without a unit), 10 s to 7 days. */
  Duration duration(Setting s) {
    return duration(s, DURATION, "m", "a duration like 90s, 45m or 2h", Duration.ofSeconds(10), Duration.ofDays(7),
        "10 seconds and 7 days");
  }

  /** Returns a retention in hours or days, 1 h to {@link #MAX_RETENTION}. */
  Duration retention(Setting s) {
    return duration(s, HOURS_OR_DAYS, "d", "a number of hours or days like 12h, 30d or 90d",
        IncidentWatcher.MIN_RETENTION, MAX_RETENTION, "1h and 3650d");
  }

  /** Reads a number and a unit ({@code s}, {@code m}, {@code h} or {@code d}, else {@code unit}) that {@code form} matches. */
  private Duration duration(Setting s, Pattern form, String unit, String like, Duration min, Duration max,
      String between) {
    String v = value(s).toLowerCase(Locale.ROOT);
    Matcher m = form.matcher(v);
    if (!m.matches()) {
      throw new SettingsException(s, "must be " + like + ", got '" + v + "'");
    }
    long n = Long.parseLong(m.group(1));
    Duration d = switch (m.group(2) == null ? unit : m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw new SettingsException(s, "must be between " + between + ", got '" + v + "'");
    }
    return d;
  }

  /** Returns an early-warning setting: {@code N/window} like {@code 3/15m}, or {@code off}. */
  EarlyWarningSetting earlyWarning(Setting s) {
    String v = value(s);
    try {
      return EarlyWarningSetting.parse(v);
    } catch (IllegalArgumentException e) {
      throw new SettingsException(s, "must be N/window like 3/15m (N from 2 to " + EarlyWarningSetting.MAX_THRESHOLD
          + ", window from 1m to 24h) or off, got '" + (v.length() > 40 ? v.substring(0, 40) + "..." : v) + "'");
    }
  }

  /** Returns the value in lower case when it is one of {@code allowed}. */
  String oneOf(Setting s, List<String> allowed) {
    String v = value(s).toLowerCase(Locale.ROOT);
    if (!allowed.contains(v)) {
      throw new SettingsException(s, "must be one of " + String.join(", ", allowed) + ", got '" + v + "'");
    }
    return v;
  }

  /** Returns the http(s) URLs separated by commas, in order; at least one. */
  List<URI> urls(Setting s) {
    List<URI> out = new ArrayList<>();
    for (String part : value(s).split(",")) {
      if (!part.isBlank()) {
        out.add(httpUrl(s, part.strip()));
      }
    }
    if (out.isEmpty()) {
      throw new SettingsException(s, "needs at least one URL");
    }
    return out;
  }

  /** Returns {@code v} as an http(s) URL with a host. */
  URI httpUrl(Setting s, String v) {
    try {
      URI uri = new URI(v);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new SettingsException(s, "must be an http(s) URL with a host, got '" + v + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new SettingsException(s, "is not a URL: '" + v + "'");
    }
  }

  /** Returns an H2 or PostgreSQL JDBC URL (a password in it is masked in the message). */
  String jdbcUrl(Setting s) {
    String v = value(s);
    if (!v.startsWith("jdbc:h2:") && !v.startsWith("jdbc:postgresql:")) {
      throw new SettingsException(s, "must start with jdbc:h2: or jdbc:postgresql:, got '"
          + v.replaceAll("password=[^&;]*", "password=***") + "'");
    }
    return v;
  }

  /**
   * Returns a secret to be used as a URL path word, when the setting is set: 16 to 128 letters,
   * digits, {@code -} or {@code _} (the message never shows the value).
   */
  Optional<String> token(Setting s) {
    Optional<String> v = optional(s);
    if (v.isPresent() && !TOKEN.matcher(v.get()).matches()) {
      throw new SettingsException(s, "must be 16 to 128 characters, each a letter, digit, '-' or '_' (e.g. the"
          + " output of 'openssl rand -hex 24'); the value given (" + v.get().length() + " characters) is not");
    }
    return v;
  }

  /** Returns a directory that exists, when the setting is set. */
  Optional<Path> directory(Setting s) {
    Optional<String> v = optional(s);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      Path p = Path.of(v.get());
      if (!Files.isDirectory(p)) {
        throw new SettingsException(s, "is not a directory: '" + v.get() + "'");
      }
      return Optional.of(p);
    } catch (InvalidPathException e) {
      throw new SettingsException(s, "is not a path: '" + v.get() + "'");
    }
  }
}
