package dev.claude500.playbook;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads playbook files (JSON) and validates them. A file that cannot be read or does not validate
 * raises a {@link PlaybookException} naming the file and, for each problem, the step.
 */
public final class PlaybookLoader {
  /** The class-path resource of the built-in playbook. */
  public static final String BUILT_IN = "/playbooks/claude-code-500.json";

  /** The largest playbook file read, to keep a mistaken path from filling memory. */
  static final long MAX_FILE_BYTES = 1 << 20;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private PlaybookLoader() {}

  /** Returns the built-in Claude Code 500 playbook. */
  public static Playbook builtIn() {
    try (InputStream in = PlaybookLoader.class.getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException("the built-in playbook is missing from the class path");
      }
      return parse(BUILT_IN, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the playbook in one file. */
  public static Playbook load(Path file) {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new PlaybookException(file.toString(), List.of("the file is larger than 1 MB"));
      }
      return parse(file.toString(), Files.readAllBytes(file));
    } catch (IOException e) {
      throw new PlaybookException(file.toString(), List.of("cannot read the file: " + e.getMessage()));
    }
  }

  /**
   * Returns every playbook in a directory ({@code *.json}, in name order), after the built-in one.
   * A file whose id equals the built-in's replaces it; two files with one id are an error.
   */
  public static Map<String, Playbook> builtInAnd(Path directory) {
    Map<String, Playbook> all = new LinkedHashMap<>();
    Playbook builtIn = builtIn();
    all.put(builtIn.id(), builtIn);
    if (directory == null) {
      return all;
    }
    Map<String, Path> seen = new LinkedHashMap<>();
    for (Path file : jsonFiles(directory)) {
      Playbook p = load(file);
      Path earlier = seen.put(p.id(), file);
      if (earlier != null) {
        throw new PlaybookException(file.toString(), List.of("the id " + p.id() + " is also used by " + earlier));
      }
      all.put(p.id(), p);
    }
    return all;
  }

  /**
   * Returns the playbook in a JSON document; {@code source} names it in error messages.
   *
   * @throws PlaybookException for anything wrong with the document, and for nothing else
   */
  public static Playbook parse(String source, byte[] json) {
    if (json.length > MAX_FILE_BYTES) {
      throw new PlaybookException(source, List.of("the document is larger than 1 MB"));
    }
    File file;
    try {
      file = MAPPER.readValue(json, File.class);
    } catch (JacksonException e) {
      throw new PlaybookException(source, List.of("not a valid playbook document: " + e.getOriginalMessage()
          + location(e)));
    } catch (IOException e) {
      throw new PlaybookException(source, List.of("cannot read: " + e.getMessage()));
    }
    if (file == null) {
      throw new PlaybookException(source, List.of("the document is empty"));
    }
    List<String> problems = PlaybookValidator.problems(file.id, file.title, file.start, file.steps);
    if (!problems.isEmpty()) {
      throw new PlaybookException(source, problems);
    }
    Map<String, Step> steps = new LinkedHashMap<>();
    file.steps.forEach(s -> steps.put(s.id(), s));
    return new Playbook(file.id, file.title, file.start, steps);
  }

  private static String location(JacksonException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
        + e.getLocation().getColumnNr() + ")";
  }

  private static List<Path> jsonFiles(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new PlaybookException(directory.toString(), List.of("not a directory"));
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(directory, "*.json")) {
      dir.forEach(files::add);
    } catch (IOException e) {
      throw new PlaybookException(directory.toString(), List.of("cannot list: " + e.getMessage()));
    }
    files.sort(null);
    return files;
  }

  /** The file's shape, as Jackson reads it. */
  private static final class File {
    public String id;
    public String title;
    public String start;
    public List<Step> steps;
  }
}
