package dev.claude500.discord;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * Builds one embed within Discord's limits: every part is cut to its own limit, and fields that
 * would take the embed past 25 fields or 6,000 characters are left off, with a last field saying so.
 * Not thread-safe; one per embed.
 */
final class EmbedBudget {
  private static final int RESERVE = 40;

  private final EmbedBuilder embed = new EmbedBuilder();
  private int fieldsLeftOff;

  /** Sets the title, linked when {@code url} is an http(s) URL. */
  EmbedBudget title(String title, String url) {
    String t = Limits.cut(title.isBlank() ? "(untitled)" : title, Limits.EMBED_TITLE);
    embed.setTitle(t, url != null && url.startsWith("http") ? url : null);
    return this;
  }

  /** Sets the description. */
  EmbedBudget description(String markdown) {
    embed.setDescription(Limits.cut(markdown, Limits.EMBED_DESCRIPTION));
    return this;
  }

  /** Sets the colour. */
  EmbedBudget colour(int rgb) {
    embed.setColor(rgb);
    return this;
  }

  /** Sets the footer. */
  EmbedBudget footer(String text) {
    embed.setFooter(Limits.cut(text, Limits.FOOTER));
    return this;
  }

  /** Adds a field when it fits; returns false when it was left off. */
  boolean field(String name, String value, boolean inline) {
    String n = Limits.cut(name.isBlank() ? "\u200b" : name, Limits.FIELD_NAME);
    String v = Limits.cut(value.isBlank() ? "\u200b" : value, Limits.FIELD_VALUE);
    if (embed.getFields().size() >= Limits.FIELDS - 1
        || embed.length() + n.length() + v.length() > Limits.EMBED_TOTAL - RESERVE) {
      fieldsLeftOff++;
      return false;
    }
    embed.addField(n, v, inline);
    return true;
  }

  /** Returns the embed, with a note when fields were left off. */
  MessageEmbed build() {
    if (fieldsLeftOff > 0) {
      embed.addField("\u200b", "(" + fieldsLeftOff + " more left off: too long for Discord)", false);
    }
    int excess = embed.length() - Limits.EMBED_TOTAL;
    if (excess > 0) {
      String description = embed.getDescriptionBuilder().toString();
      embed.setDescription(Limits.cut(description, Math.max(1, description.length() - excess - 1)));
    }
    return embed.build();
  }
}
