package dev.claude500.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text with simple emphasis, independent of any platform's markup.
 *
 * <p>{@link #parse(String)} reads a small markup used by playbook files: {@code **strong**},
 * {@code `code`} and {@code [label](https://url)}; everything else is plain.
 *
 * @param spans the runs of text, in order
 */
public record Text(List<Span> spans) {
  private static final Pattern MARKUP =
      Pattern.compile("\\*\\*(.+?)\\*\\*|`([^`]+)`|\\[([^\\]]+)]\\((https?://[^)\\s]+)\\)", Pattern.DOTALL);

  /** Copies the spans. */
  public Text {
    spans = List.copyOf(Objects.requireNonNull(spans, "spans"));
  }

  /** Returns text that is one plain span. */
  public static Text plain(String text) {
    return new Text(List.of(new Span.Plain(text)));
  }

  /** Returns text read from the playbook markup described on this type. */
  public static Text parse(String markup) {
    Objects.requireNonNull(markup, "markup");
    List<Span> out = new ArrayList<>();
    Matcher m = MARKUP.matcher(markup);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        out.add(new Span.Plain(markup.substring(at, m.start())));
      }
      if (m.group(1) != null) {
        out.add(new Span.Strong(m.group(1)));
      } else if (m.group(2) != null) {
        out.add(new Span.Code(m.group(2)));
      } else {
        out.add(new Span.Link(m.group(3), m.group(4)));
      }
      at = m.end();
    }
    if (at < markup.length()) {
      out.add(new Span.Plain(markup.substring(at)));
    }
    return new Text(out);
  }

  /** Returns a builder for text assembled in code. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns this text followed by another. */
  public Text append(Text other) {
    List<Span> all = new ArrayList<>(spans);
    all.addAll(other.spans);
    return new Text(all);
  }

  /** Returns the characters a reader sees, with emphasis dropped and links as "label (url)". */
  public String toPlainString() {
    StringBuilder sb = new StringBuilder();
    for (Span span : spans) {
      if (span instanceof Span.Link link && !link.text().equals(link.url())) {
        sb.append(link.text()).append(" (").append(link.url()).append(')');
      } else {
        sb.append(span.text());
      }
    }
    return sb.toString();
  }

  /** Returns true when there is nothing to read. */
  public boolean isEmpty() {
    return spans.stream().allMatch(s -> s.text().isEmpty());
  }

  /** Assembles {@link Text} span by span. Not thread-safe. */
  public static final class Builder {
    private final List<Span> spans = new ArrayList<>();

    private Builder() {}

    /** Appends plain text. */
    public Builder plain(String text) {
      spans.add(new Span.Plain(text));
      return this;
    }

    /** Appends strong text. */
    public Builder strong(String text) {
      spans.add(new Span.Strong(text));
      return this;
    }

    /** Appends code. */
    public Builder code(String text) {
      spans.add(new Span.Code(text));
      return this;
    }

    /** Appends a mention of a person. */
    public Builder mention(Actor actor) {
      spans.add(new Span.Mention(actor));
      return this;
    }

    /** Appends a link. */
    public Builder link(String label, String url) {
      spans.add(new Span.Link(label, url));
      return this;
    }

    /** Appends another text's spans. */
    public Builder text(Text text) {
      spans.addAll(text.spans());
      return this;
    }

    /** Appends a line break. */
    public Builder newline() {
      spans.add(new Span.Plain("\n"));
      return this;
    }

    /** Returns the text built so far. */
    public Text build() {
      return new Text(spans);
    }
  }
}
