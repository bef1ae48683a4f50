package dev.claude500.playbook;

import dev.claude500.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runs of six words of the troubleshooting guide the built-in playbook is built from, kept as
 * fingerprints in {@code data/guide/} so that a test can tell a copied phrase without the
 * repository holding the guide's text. {@link #main} writes that file from the guide.
 */
final class GuidePhrases {
  /** This many consecutive words shared with the guide make a copied phrase, not a shared term. */
  static final int WORDS = 6;

  /** The fingerprints' name on the class path. */
  static final String FILE = "data/guide/claude-code-api-error-500.phrases";

  private static final Pattern WORD = Pattern.compile("[a-z0-9/_']+");

  private GuidePhrases() {}

  /** Returns the guide's fingerprints. */
  static Set<String> guide() {
    Set<String> fingerprints = new LinkedHashSet<>();
    for (String line : TestData.read(FILE).split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        fingerprints.add(line.strip());
      }
    }
    return fingerprints;
  }

  /** Returns every run of {@link #WORDS} consecutive words of the text, lower case, in order. */
  static List<String> phrases(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      words.add(m.group());
    }
    List<String> phrases = new ArrayList<>();
    for (int i = 0; i + WORDS <= words.size(); i++) {
      phrases.add(String.join(" ", words.subList(i, i + WORDS)));
    }
    return phrases;
  }

  /** Returns a phrase's fingerprint: the first 16 hex digits of the SHA-256 of its UTF-8 bytes. */
  static String fingerprint(String phrase) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(phrase.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Prints the fingerprints file for the guide at the given path, one fingerprint a line, sorted.
   *
   * @param args the guide's path
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: GuidePhrases <guide.md>");
      System.exit(2);
    }
    String guide = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder();
    out.append("# SHA-256 (first 16 hex digits) of every run of ").append(WORDS)
        .append(" words of the guide; see README.md\n");
    phrases(guide).stream().map(GuidePhrases::fingerprint).distinct().sorted()
        .forEach(f -> out.append(f).append('\n'));
    System.out.print(out);
  }
}
