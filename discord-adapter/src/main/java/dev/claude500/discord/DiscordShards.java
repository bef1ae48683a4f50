package dev.claude500.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway shards one bot process connects: some of the bot's {@code total} shards. Discord
 * puts each server on shard {@code (server id >> 22) % total}, and sends a server's interactions
 * only to the connection holding its shard; the bot's replicas together should hold every shard
 * once.
 *
 * <p>Written {@code ids/total}, where {@code ids} are shard numbers and ranges separated by commas:
 * {@code 0-1/4} is shards 0 and 1 of 4, {@code 2,3/4} the other two, {@code 0/1} the one shard of an
 * unsharded bot.
 *
 * @param ids the shards held, ascending, each in {@code [0, total)}
 * @param total how many shards the bot has in all
 */
public record DiscordShards(List<Integer> ids, int total) {
  /** The most shards a bot may be split into here (Discord's largest bots use a few thousand). */
  public static final int MAX_TOTAL = 65_536;

  private static final int MAX_TEXT = 512;
  private static final Pattern FORM = Pattern.compile("([0-9,\\- ]+)/(\\d{1,6})");
  private static final Pattern PART = Pattern.compile("(\\d{1,6})(?:-(\\d{1,6}))?");

  /** Validates and copies. */
  public DiscordShards {
    if (total < 1 || total > MAX_TOTAL) {
      throw new IllegalArgumentException("the total must be between 1 and " + MAX_TOTAL + ", got " + total);
    }
    if (ids == null || ids.isEmpty()) {
      throw new IllegalArgumentException("at least one shard must be held");
    }
    ids = List.copyOf(new TreeSet<>(ids));
    for (int id : ids) {
      if (id < 0 || id >= total) {
        throw new IllegalArgumentException("shard " + id + " is not one of 0 to " + (total - 1));
      }
    }
  }

  /**
   * Reads {@code ids/total}, e.g. {@code 0-1/4}.
   *
   * @throws IllegalArgumentException when the text is not of that form, a range runs backwards, or
   *     a shard is not below the total; the message says which
   */
  public static DiscordShards parse(String text) {
    String t = text == null ? "" : text.strip();
    if (t.length() > MAX_TEXT) {
      throw new IllegalArgumentException("is longer than " + MAX_TEXT + " characters");
    }
    Matcher m = FORM.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException("must look like 0-1/4 (shards 0 and 1 of 4), got '" + t + "'");
    }
    int total = Integer.parseInt(m.group(2));
    if (total < 1 || total > MAX_TOTAL) {
      throw new IllegalArgumentException("the total must be between 1 and " + MAX_TOTAL + ", got " + total);
    }
    List<Integer> ids = new ArrayList<>();
    for (String part : m.group(1).split(",", -1)) {
      Matcher p = PART.matcher(part.strip());
      if (!p.matches()) {
        throw new IllegalArgumentException("'" + part.strip() + "' is not a shard or a range like 0-3, in '" + t + "'");
      }
      int from = Integer.parseInt(p.group(1));
      int to = p.group(2) == null ? from : Integer.parseInt(p.group(2));
      if (to < from) {
        throw new IllegalArgumentException("the range " + from + "-" + to + " runs backwards");
      }
      if (to >= total) {
        throw new IllegalArgumentException("shard " + to + " is not one of 0 to " + (total - 1) + " (of " + total + ")");
      }
      for (int id = from; id <= to; id++) {
        ids.add(id);
      }
    }
    return new DiscordShards(ids, total);
  }

  /** Returns the shard Discord puts a server on, of {@code total}. */
  public static int shardOf(long guildId, int total) {
    return (int) ((guildId >>> 22) % total);
  }

  /** Returns true when the server with this id is on one of the shards held. */
  public boolean holds(long guildId) {
    return ids.contains(shardOf(guildId, total));
  }

  @Override
  public String toString() {
    return ids + " of " + total;
  }
}
