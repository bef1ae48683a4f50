package dev.claude500.discord;

/** Discord's size limits, and cutting text to them. */
final class Limits {
  /** Characters in a message's content. */
  static final int CONTENT = 2000;
  /** Characters in an embed's title. */
  static final int EMBED_TITLE = 256;
  /** Characters in an embed's description. */
  static final int EMBED_DESCRIPTION = 4096;
  /** Characters in a field's name. */
  static final int FIELD_NAME = 256;
  /** Characters in a field's value. */
  static final int FIELD_VALUE = 1024;
  /** Fields in one embed. */
  static final int FIELDS = 25;
  /** Characters in a footer. */
  static final int FOOTER = 2048;
  /** Characters across one embed's title, description, fields and footer. */
  static final int EMBED_TOTAL = 6000;
  /** Characters in a button's label. */
  static final int BUTTON_LABEL = 80;
  /** Characters in a thread's name. */
  static final int THREAD_NAME = 100;
  /** Characters in a modal's title. */
  static final int MODAL_TITLE = 45;
  /** Characters in a modal label. */
  static final int LABEL = 45;
  /** Characters in a modal label's description. */
  static final int LABEL_DESCRIPTION = 100;
  /** Characters a modal's paragraph input takes. */
  static final int TEXT_INPUT = 4000;
  /** Characters in an autocomplete choice's name or value. */
  static final int CHOICE = 100;

  private Limits() {}

  /** Returns {@code text} cut to {@code max} characters, ending in an ellipsis when cut. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, Math.max(0, end)) + "…";
  }

  /** Returns the first line of {@code text}, cut to {@code max}. */
  static String firstLine(String text, int max) {
    String s = text.strip();
    int nl = s.indexOf('\n');
    return cut(nl < 0 ? s : s.substring(0, nl).strip(), max);
  }
}
