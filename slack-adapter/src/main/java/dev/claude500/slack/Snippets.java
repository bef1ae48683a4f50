package dev.claude500.slack;

import com.slack.api.model.File;
import dev.claude500.evidence.InputLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the text of what someone pasted as a file: Slack turns a long paste (a {@code /debug}
 * dump) into a text snippet shared with the thread reply, and the reply's own text is then empty or
 * a line of prose. Text snippets and plain-text files up to {@value #MAX_FILE_BYTES} bytes are read
 * through {@code files.info}, at most {@value #MAX_FILES} per message; when Slack will not give the
 * content (no {@code files:read} scope), a preview the event carried whole stands in. The result
 * is cut to what the core looks at ({@link InputLimits#MAX_MESSAGE_CHARS}). Images and other files
 * are left alone. Thread-safe.
 */
final class Snippets {
  /** Files read from one message. */
  static final int MAX_FILES = 3;
  /** The largest file read. */
  static final int MAX_FILE_BYTES = 512 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(Snippets.class);

  private final Function<String, Optional<WebApi.FileText>> reader;

  /** Reads with {@code reader}, a file's id to its content ({@link WebApi#fileText}). */
  Snippets(Function<String, Optional<WebApi.FileText>> reader) {
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  /** Returns the texts of a message's text files, in order, one after another; empty when it has none. */
  String textOf(List<File> files) {
    if (files == null || files.isEmpty()) {
      return "";
    }
    List<String> texts = new ArrayList<>();
    int length = 0;
    for (File f : files) {
      if (texts.size() >= MAX_FILES || length >= InputLimits.MAX_MESSAGE_CHARS) {
        break;
      }
      Optional<String> text = isReadable(f) ? read(f) : Optional.empty();
      if (text.isPresent() && !text.get().isBlank()) {
        texts.add(text.get());
        length += text.get().length() + 1;
      }
    }
    String all = String.join("\n", texts);
    return all.length() <= InputLimits.MAX_MESSAGE_CHARS ? all : InputLimits.cut(all, InputLimits.MAX_MESSAGE_CHARS).text();
  }

  /** Returns true for a text snippet or plain-text file small enough to read. */
  static boolean isReadable(File f) {
    if (f == null || f.getId() == null) {
      return false;
    }
    String mime = f.getMimetype() == null ? "" : f.getMimetype().toLowerCase(Locale.ROOT);
    boolean text = "snippet".equals(f.getMode()) || mime.startsWith("text/");
    return text && (f.getSize() == null || f.getSize() <= MAX_FILE_BYTES);
  }

  private Optional<String> read(File f) {
    Optional<WebApi.FileText> content = reader.apply(f.getId());
    if (content.isPresent()) {
      if (content.get().truncated()) {
        LOG.info("Slack gave only the beginning of file {} ({} characters)", f.getId(), content.get().text().length());
      }
      return Optional.of(content.get().text());
    }
    if (f.getPreview() != null && !f.isPreviewTruncated()) {
      return Optional.of(f.getPreview());
    }
    LOG.info("file {} in a triage thread could not be read; add the files:read scope to read pasted snippets", f.getId());
    return Optional.empty();
  }
}
