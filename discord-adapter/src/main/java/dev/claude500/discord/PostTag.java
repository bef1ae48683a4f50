package dev.claude500.discord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * How a post made under an item key (an incident post, an update in its thread) is made once and
 * found again on Discord, which has no hidden metadata on messages.
 *
 * <p><b>At send time</b> each message gets a nonce derived from its channel, the key and its part,
 * sent with {@code enforce_nonce}: for a few minutes Discord answers a repeat of it with the message
 * it already made instead of a second one. That covers a lost answer retried soon, by JDA or by the
 * incident watcher, and a quick restart.
 *
 * <p><b>Later</b> (a restart after Discord forgot the nonce) the post is found by a short reference
 * it shows: {@code ref:} and ten characters derived from the key, in the footer of its embed (an
 * incident post: "Started 09:12 UTC · ref:k2m9q4xw1a") or as a last line of small print
 * ({@code -# ref:...}) under a text post, on the last message of the post. It is visible, small and
 * stable, and reads as what it is, a reference; a zero-width encoding would hide it but would also
 * travel invisibly with any text people copy. Stateless.
 */
final class PostTag {
  /** Characters of the reference shown. */
  static final int REF_LENGTH = 10;
  /** Discord's limit on a nonce. */
  static final int MAX_NONCE = 25;

  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final Pattern MARK_LINE = Pattern.compile("\\n-# ref:[a-z2-7]{" + REF_LENGTH + "}$");

  private PostTag() {}

  /** Returns the reference a post under {@code itemKey} shows, e.g. {@code ref:k2m9q4xw1a}. */
  static String ref(String itemKey) {
    return "ref:" + base32(sha256(itemKey), REF_LENGTH);
  }

  /** Returns the nonce of part {@code part} of the post under {@code itemKey} in a channel or thread. */
  static String nonce(String channelId, String itemKey, int part) {
    return "c5" + base32(sha256(channelId + "\n" + itemKey + "\n" + part), MAX_NONCE - 2);
  }

  /** Returns the messages of a post with its reference added to the last one. */
  static List<MessageCreateData> marked(List<MessageCreateData> parts, String itemKey) {
    List<MessageCreateData> out = new ArrayList<>(parts);
    int last = out.size() - 1;
    out.set(last, mark(out.get(last), ref(itemKey)));
    return out;
  }

  /** Returns a text post's content without its line of small print, e.g. before a note is added under it. */
  static String unmarked(String content) {
    return MARK_LINE.matcher(content).replaceFirst("");
  }

  /** Returns true when a message read back was posted by this bot ({@code selfId}) under {@code itemKey}. */
  static boolean carries(ChannelsById.Posted message, String selfId, String itemKey) {
    if (!message.authorId().equals(selfId)) {
      return false;
    }
    String ref = ref(itemKey);
    return message.content().endsWith("-# " + ref) || message.footers().stream().anyMatch(f -> f.endsWith(ref));
  }

  private static MessageCreateData mark(MessageCreateData data, String ref) {
    MessageCreateBuilder b = MessageCreateBuilder.from(data);
    List<MessageEmbed> embeds = data.getEmbeds();
    if (!embeds.isEmpty()) {
      List<MessageEmbed> out = new ArrayList<>(embeds);
      MessageEmbed e = out.get(out.size() - 1);
      MessageEmbed.Footer f = e.getFooter();
      String before = f == null || f.getText() == null ? "" : f.getText();
      String text = (before.isEmpty() ? "" : Limits.cut(before, Limits.FOOTER - ref.length() - 3) + " · ") + ref;
      EmbedBuilder marked = new EmbedBuilder(e).setFooter(text, f == null ? null : f.getIconUrl());
      int excess = marked.length() - Limits.EMBED_TOTAL;
      if (excess > 0) { // an embed filled to the limit makes room in its description
        String d = marked.getDescriptionBuilder().toString();
        marked.setDescription(Limits.cut(d, Math.max(1, d.length() - excess - 1)));
      }
      out.set(out.size() - 1, marked.build());
      return b.setEmbeds(out).build();
    }
    String line = "\n-# " + ref;
    String content = data.getContent();
    return b.setContent(Limits.cut(content, Limits.CONTENT - line.length()) + line).build();
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static String base32(byte[] bytes, int chars) {
    StringBuilder sb = new StringBuilder(chars);
    int buffer = 0;
    int bits = 0;
    for (int i = 0; i < bytes.length && sb.length() < chars; i++) {
      buffer = (buffer << 8) | (bytes[i] & 0xff);
      bits += 8;
      while (bits >= 5 && sb.length() < chars) {
        sb.append(BASE32[(buffer >> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    return sb.toString();
  }
}
