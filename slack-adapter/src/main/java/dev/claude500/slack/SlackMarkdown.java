package dev.claude500.slack;

import dev.claude500.chat.Span;
import dev.claude500.chat.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Slack's {@code mrkdwn}: escaping, the core's {@link Text} spans as Slack markup, and cutting
 * without breaking an entity or a surrogate pair. Stateless.
 */
final class SlackMarkdown {
  private static final Pattern SAFE_URL = Pattern.compile("https?://[^\\s<>|]{1,2000}");

  private SlackMarkdown() {}

  /** Returns text with {@code &}, {@code <} and {@code >} escaped, as Slack requires for any text it parses; null is empty. */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&':
          out.append("&amp;");
          break;
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Returns the text as mrkdwn: strong as {@code *x*}, code as {@code `x`}, links as
   * {@code <url|label>}, a person as a mention.
   */
  static String of(Text text) {
    StringBuilder out = new StringBuilder();
    for (Span span : text.spans()) {
      if (span instanceof Span.Strong s) {
        out.append(strong(s.text()));
      } else if (span instanceof Span.Code c) {
        out.append(code(c.text()));
      } else if (span instanceof Span.Link l) {
        out.append(link(l.url(), l.text()));
      } else if (span instanceof Span.Mention m) {
        out.append(SlackMessages.mention(m.actor().id(), m.actor().displayName()));
      } else {
        out.append(escape(span.text()));
      }
    }
    return out.toString();
  }

  /**
   * Returns the text as a message's notification text: its words as plain text (a link as
   * {@code label (url)}), escaped, and a person as a Slack mention, which notifications show as
   * their name. The text Slack shows beside blocks is read as mrkdwn too, so escaping the mention
   * with the rest would show its markup.
   */
  static String notification(Text text) {
    StringBuilder out = new StringBuilder();
    for (Span span : text.spans()) {
      if (span instanceof Span.Mention m) {
        out.append(SlackMessages.mention(m.actor().id(), m.actor().displayName()));
      } else if (span instanceof Span.Link l && !l.text().equals(l.url())) {
        out.append(escape(l.text() + " (" + l.url() + ")"));
      } else {
        out.append(escape(span.text()));
      }
    }
    return out.toString();
  }

  /** Returns bold text; each line is marked on its own, as Slack's markers do not cross lines. */
  static String strong(String s) {
    List<String> lines = new ArrayList<>();
    for (String line : s.split("\n", -1)) {
      String t = line.strip();
      if (t.isEmpty()) {
        lines.add(line);
        continue;
      }
      int lead = line.indexOf(t);
      lines.add(line.substring(0, lead) + "*" + escape(t.replace('*', '∗')) + "*"
          + line.substring(lead + t.length()));
    }
    return String.join("\n", lines);
  }

  /** Returns inline code; code with a line break becomes a block. */
  static String code(String s) {
    String body = escape(s.replace("```", "ˋˋˋ").replace('`', 'ˋ'));
    if (body.isEmpty()) {
      return "";
    }
    return s.indexOf('\n') >= 0 ? "```" + body + "```" : "`" + body + "`";
  }

  /** Returns a link; a URL Slack could misread is shown as text instead. */
  static String link(String url, String label) {
    String text = label == null || label.isBlank() ? (url == null ? "" : url) : label;
    if (url == null) {
      return escape(text);
    }
    if (!SAFE_URL.matcher(url).matches()) {
      return escape(text.equals(url) ? url : text + " (" + url + ")");
    }
    return "<" + url + "|" + escape(text.replace('|', '¦').replace("\n", " ")) + ">";
  }


  /** Returns a code block holding {@code plain} (escaped, fences inside defused). */
  static String codeBlock(String plain) {
    return "```" + escape(plain.replace("```", "ˋˋˋ")) + "```";
  }

  /**
   * Returns at most {@code max} characters of already-escaped mrkdwn, cut at a line break or a space
   * when one is near, never inside an {@code &...;} entity or a surrogate pair.
   */
  static String head(String mrkdwn, int max) {
    if (mrkdwn.length() <= max) {
      return mrkdwn;
    }
    int end = safeEnd(mrkdwn, max);
    int nl = mrkdwn.lastIndexOf('\n', end - 1);
    if (nl > max / 2) {
      return mrkdwn.substring(0, nl);
    }
    int sp = mrkdwn.lastIndexOf(' ', end - 1);
    if (sp > max * 3 / 4) {
      return mrkdwn.substring(0, sp);
    }
    return mrkdwn.substring(0, end);
  }

  /**
   * Splits already-escaped mrkdwn into pieces of at most {@code max} characters, each cut as
   * {@link #head} cuts.
   */
  static List<String> split(String mrkdwn, int max) {
    List<String> parts = new ArrayList<>();
    String rest = mrkdwn;
    while (rest.length() > max) {
      String head = head(rest, max);
      if (head.isEmpty()) {
        head = rest.substring(0, max);
      }
      parts.add(head);
      rest = rest.substring(head.length());
      if (rest.startsWith("\n")) {
        rest = rest.substring(1);
      }
    }
    if (!rest.isEmpty() || parts.isEmpty()) {
      parts.add(rest);
    }
    return parts;
  }

  /** Returns plain text cut to {@code max} characters with an ellipsis, whole code points only. */
  static String ellipsis(String plain, int max) {
    if (plain.length() <= max) {
      return plain;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(plain.charAt(end - 1))) {
      end--;
    }
    return plain.substring(0, end) + "…";
  }

  private static int safeEnd(String s, int max) {
    int end = max;
    if (Character.isHighSurrogate(s.charAt(end - 1)) && Character.isLowSurrogate(s.charAt(end))) {
      end--;
    }
    int amp = s.lastIndexOf('&', end - 1);
    if (amp >= 0 && amp > end - 6 && s.indexOf(';', amp) >= end) {
      end = amp;
    }
    return end;
  }
}
