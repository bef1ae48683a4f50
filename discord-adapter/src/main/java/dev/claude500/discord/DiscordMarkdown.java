package dev.claude500.discord;

import dev.claude500.chat.Span;
import dev.claude500.chat.Text;

/**
 * Renders {@link Text} as Discord markdown: strong as {@code **x**}, code as {@code `x`}, links as
 * {@code [label](url)}, a person as a mention. Plain text, which may come from people (pasted
 * lines, names), is escaped so it never turns into markdown, mentions or links by accident.
 * Stateless.
 */
final class DiscordMarkdown {
  private DiscordMarkdown() {}

  /** Returns the text as Discord markdown. */
  static String render(Text text) {
    StringBuilder sb = new StringBuilder();
    for (Span span : text.spans()) {
      if (span instanceof Span.Strong s) {
        sb.append("**").append(escape(s.text())).append("**");
      } else if (span instanceof Span.Code c) {
        sb.append(code(c.text()));
      } else if (span instanceof Span.Link l) {
        sb.append(link(l.text(), l.url()));
      } else if (span instanceof Span.Mention m) {
        sb.append(mention(m));
      } else {
        sb.append(escape(span.text()));
      }
    }
    return sb.toString();
  }

  /** A person as a mention (shown as their name; the bot's messages ping nobody), or their name. */
  private static String mention(Span.Mention m) {
    return m.actor().id().matches("\\d{1,20}") ? "<@" + m.actor().id() + ">" : escape(m.actor().displayName());
  }

  /**
   * Returns {@code text} with every character Discord reads as markdown escaped: emphasis, code,
   * spoilers, links, mentions ({@code <@id>}), and headings, quotes and lists at a line's start.
   * Bare http(s) URLs are kept as they are, as Discord links them before reading markdown.
   */
  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 8);
    boolean lineStart = true;
    for (int i = 0; i < text.length(); i++) {
      if (text.startsWith("https://", i) || text.startsWith("http://", i)) {
        // Discord links bare URLs before it reads markdown: escaping inside one would corrupt it.
        int end = i;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '<') {
          end++;
        }
        sb.append(text, i, end);
        i = end - 1;
        lineStart = false;
        continue;
      }
      char c = text.charAt(i);
      if ("\\*_~`|[]<".indexOf(c) >= 0 || (lineStart && "#>-+".indexOf(c) >= 0)) {
        sb.append('\\');
      }
      sb.append(c);
      if (c == '\n') {
        lineStart = true;
      } else if (!Character.isWhitespace(c)) {
        lineStart = false;
      }
    }
    return sb.toString();
  }

  /** Returns inline code showing {@code text} exactly, whatever backticks it holds. */
  static String code(String text) {
    String t = text.replace('\n', ' ');
    if (t.isEmpty()) {
      return "";
    }
    if (t.indexOf('`') < 0) {
      return "`" + t + "`";
    }
    // Double backticks with padding take single backticks inside; runs of two or more are broken up.
    return "`` " + t.replace("``", "`\u200b`") + " ``";
  }

  /** Returns a fenced code block showing {@code text}; fences inside it are broken up. */
  static String block(String text) {
    return "```\n" + unfence(text) + "\n```";
  }

  /** Returns {@code text} with every run of three backticks broken up, so it cannot end a code block. */
  static String unfence(String text) {
    return text.replace("```", "``\u200b`");
  }

  /** Returns a markdown link, or the escaped label when the URL is not http(s). */
  static String link(String label, String url) {
    if (!url.startsWith("https://") && !url.startsWith("http://")) {
      return escape(label);
    }
    String safeUrl = url.replace(")", "%29").replace(" ", "%20");
    if (label.equals(url)) {
      return safeUrl;
    }
    return "[" + escape(label) + "](" + safeUrl + ")";
  }
}
