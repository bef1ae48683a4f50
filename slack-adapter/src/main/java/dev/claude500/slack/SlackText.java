package dev.claude500.slack;

import dev.claude500.evidence.InputLimits;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns text as Slack delivers it (links and mentions in angle brackets, {@code &amp;}, {@code &lt;}
 * and {@code &gt;} escaped) back into what the person typed, bounded to what the core looks at.
 * Stateless.
 */
final class SlackText {
  private static final Pattern ANGLE = Pattern.compile("<([^<>|\\s]{1,2048}+)(?:\\|([^<>\\n]{0,2048}+))?>");

  private SlackText() {}

  /** Returns the typed text: links as their label (or URL), mentions kept, entities decoded. */
  static String plain(String slackText) {
    if (slackText == null) {
      return "";
    }
    String text = slackText.length() > InputLimits.MAX_MESSAGE_CHARS
        ? slackText.substring(0, InputLimits.MAX_MESSAGE_CHARS) : slackText;
    if (text.indexOf('<') >= 0) {
      Matcher m = ANGLE.matcher(text);
      StringBuilder out = new StringBuilder(text.length());
      while (m.find()) {
        String target = m.group(1);
        String label = m.group(2);
        String shown;
        if (target.startsWith("@") || target.startsWith("#") || target.startsWith("!")) {
          shown = m.group();
        } else {
          shown = label != null && !label.isEmpty() ? label : target.replaceFirst("^mailto:", "");
        }
        m.appendReplacement(out, Matcher.quoteReplacement(shown));
      }
      m.appendTail(out);
      text = out.toString();
    }
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }
}
