package dev.claude500.commands;

import dev.claude500.chat.ChannelMention;
import dev.claude500.status.Impact;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of the status page a subscribed channel gets besides its components: a minimum impact,
 * maintenance or not, who the first post of a bad incident calls out, and quiet hours in a time
 * zone. Read from the {@code key=value} words after {@code subscribe} ({@link #parse}).
 *
 * @param min incidents below this impact are not posted; {@link Impact#NONE} posts every one
 * @param maintenance whether scheduled maintenances are posted
 * @param mention who the first post of an incident at or above major calls out
 * @param quiet when updates wait for a digest
 * @param zone the time zone the quiet hours are read in
 */
public record Filters(Impact min, boolean maintenance, ChannelMention mention, QuietHours quiet, ZoneId zone) {
  // before DEFAULT: the constructor reads it
  private static final Set<Impact> THRESHOLDS = EnumSet.of(Impact.NONE, Impact.MINOR, Impact.MAJOR, Impact.CRITICAL);

  /** Every incident, maintenance on, nobody called out, no quiet hours, UTC. */
  public static final Filters DEFAULT =
      new Filters(Impact.NONE, true, ChannelMention.NONE, QuietHours.NONE, ZoneOffset.UTC);

  /** The keys, in the order help and answers list them. */
  public static final List<String> KEYS = List.of("min", "maintenance", "mention", "quiet", "tz");

  private static final Pattern ROLE = Pattern.compile("<?@?&?([0-9]{1,25})>?");
  private static final Pattern SLACK_SPECIAL = Pattern.compile("<!(here|channel|everyone)(\\|[^>]*)?>");
  private static final int MAX_WORD = 80;

  /** Validates: the minimum is none, minor, major or critical. */
  public Filters {
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(mention, "mention");
    Objects.requireNonNull(quiet, "quiet");
    Objects.requireNonNull(zone, "zone");
    if (!THRESHOLDS.contains(min)) {
      throw new IllegalArgumentException("min must be none, minor, major or critical, was " + min);
    }
  }

  /** What the words made: filters, or the one line that says what is wrong. */
  public sealed interface Parsed {
    /** The words are good. */
    record Good(Filters filters) implements Parsed {}

    /** A word is wrong: nothing is to be saved. */
    record Bad(String problem) implements Parsed {}
  }

  /**
   * Reads {@code key=value} words (keys and values in any case; each key at most once; missing ones
   * default). Mentions are checked against what {@code surface} can call out.
   */
  public static Parsed parse(List<String> words, Surface surface) {
    Map<String, String> given = new LinkedHashMap<>();
    for (String word : words) {
      int eq = word.indexOf('=');
      String key = (eq < 0 ? word : word.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (eq < 0 || !KEYS.contains(key)) {
        return bad("`" + shown(word) + "` is not a filter: the filters are `min=`, `maintenance=`, `mention=`, "
            + "`quiet=` and `tz=`.");
      }
      if (given.put(key, word.substring(eq + 1).strip()) != null) {
        return bad("`" + key + "=` is given twice: give it once.");
      }
    }
    Optional<Impact> min = Optional.of(given.getOrDefault("min", "none")).flatMap(Filters::impact);
    if (min.isEmpty()) {
      return bad(problem("min", given, "`minor`, `major` or `critical`"));
    }
    String maintenance = given.getOrDefault("maintenance", "on").toLowerCase(Locale.ROOT);
    if (!maintenance.equals("on") && !maintenance.equals("off")) {
      return bad(problem("maintenance", given, "`on` or `off`"));
    }
    Optional<ChannelMention> mention = mention(given.getOrDefault("mention", "none"), surface.mentions());
    if (mention.isEmpty()) {
      return bad(problem("mention", given, allowed(surface.mentions())));
    }
    Optional<QuietHours> quiet = given.containsKey("quiet") ? QuietHours.parse(given.get("quiet"))
        : Optional.of(QuietHours.NONE);
    if (quiet.isEmpty()) {
      return bad(problem("quiet", given, "hours as `HH:MM-HH:MM` on a 24-hour clock (e.g. `22:00-07:00`), `all` or `off`"));
    }
    Optional<ZoneId> zone = zone(given.getOrDefault("tz", "UTC"));
    if (zone.isEmpty()) {
      return bad(problem("tz", given, "a time zone name such as `Europe/Paris`, `America/New_York` or `UTC`"));
    }
    return new Parsed.Good(new Filters(min.get(), maintenance.equals("on"), mention.get(), quiet.get(), zone.get()));
  }

  /** Returns true for the defaults. */
  public boolean isDefault() {
    return equals(DEFAULT);
  }

  /** Returns the filters as one line: {@code min=major · maintenance=off · mention=here · quiet=22:00-07:00 tz=Europe/Paris}. */
  public String describe() {
    return "`min=" + (min == Impact.NONE ? "any" : min.wire()) + "` · `maintenance=" + (maintenance ? "on" : "off")
        + "` · `mention=" + mention.word() + "` · `quiet=" + quiet.word() + "` · `tz=" + zone.getId() + "`";
  }

  /** Returns the zone a name gives: {@code UTC}, or an IANA region such as {@code Europe/Paris} (any case). */
  public static Optional<ZoneId> zone(String name) {
    if (name.equalsIgnoreCase("utc") || name.equalsIgnoreCase("z")) {
      return Optional.of(ZoneOffset.UTC);
    }
    return ZoneId.getAvailableZoneIds().stream().filter(id -> id.equalsIgnoreCase(name)).findFirst().map(ZoneId::of);
  }

  private static Optional<Impact> impact(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return switch (w) {
      case "any", "none" -> Optional.of(Impact.NONE);
      case "minor" -> Optional.of(Impact.MINOR);
      case "major" -> Optional.of(Impact.MAJOR);
      case "critical" -> Optional.of(Impact.CRITICAL);
      default -> Optional.empty();
    };
  }

  private static Optional<ChannelMention> mention(String word, Set<ChannelMention.Kind> allowed) {
    String w = word.toLowerCase(Locale.ROOT);
    w = w.startsWith("@") && !w.startsWith("@&") ? w.substring(1) : w;
    Matcher slack = SLACK_SPECIAL.matcher(w);
    w = slack.matches() ? slack.group(1) : w; // Slack escapes a typed @here as <!here>
    Optional<ChannelMention> m = switch (w) {
      case "none" -> Optional.of(ChannelMention.NONE);
      case "here" -> Optional.of(ChannelMention.of(ChannelMention.Kind.HERE));
      case "channel" -> Optional.of(ChannelMention.of(ChannelMention.Kind.CHANNEL));
      case "everyone" -> Optional.of(ChannelMention.of(ChannelMention.Kind.EVERYONE));
      default -> {
        Matcher role = ROLE.matcher(w);
        yield role.matches() ? Optional.of(ChannelMention.role(role.group(1))) : Optional.empty();
      }
    };
    return m.filter(x -> allowed.contains(x.kind()));
  }

  private static String allowed(Set<ChannelMention.Kind> kinds) {
    StringBuilder sb = new StringBuilder("`none`");
    for (ChannelMention.Kind k : List.of(ChannelMention.Kind.HERE, ChannelMention.Kind.CHANNEL, ChannelMention.Kind.EVERYONE)) {
      if (kinds.contains(k)) {
        sb.append(", `").append(k.name().toLowerCase(Locale.ROOT)).append('`');
      }
    }
    if (kinds.contains(ChannelMention.Kind.ROLE)) {
      sb.append(" or a role (`@Role`, or its id)");
    }
    return kinds.size() == 1 ? "only `none` here (this surface cannot call people out)" : sb.toString();
  }

  private static String problem(String key, Map<String, String> given, String allowed) {
    return "`" + key + "=" + shown(given.get(key)) + "` is not allowed: `" + key + "=` takes " + allowed + ".";
  }

  private static Parsed bad(String problem) {
    return new Parsed.Bad("Nothing changed. " + problem);
  }

  /** Returns a typed word fit to show: no backquotes, cut at {@link #MAX_WORD} characters. */
  private static String shown(String word) {
    String plain = word.replace("`", "");
    return plain.length() <= MAX_WORD ? plain : plain.substring(0, MAX_WORD) + "…";
  }
}
