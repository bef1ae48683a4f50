package dev.claude500.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A JDBC URL and what the store reads from it: whether it is PostgreSQL, the schema a PostgreSQL
 * URL selects with {@code currentSchema=}, and a form safe to print.
 *
 * @param value the URL as given
 */
record DatabaseUrl(String value) {
  private static final String POSTGRES_PREFIX = "jdbc:postgresql:";
  private static final String H2_PREFIX = "jdbc:h2:";

  boolean isPostgres() {
    return value.startsWith(POSTGRES_PREFIX);
  }

  /**
   * Returns true for an H2 database in a file this process opens itself ({@code jdbc:h2:file:...},
   * {@code jdbc:h2:./...}): not in memory, not on a server, not shared with other processes
   * ({@code AUTO_SERVER}).
   */
  boolean isEmbeddedH2File() {
    if (!value.startsWith(H2_PREFIX) || value.toUpperCase(Locale.ROOT).contains("AUTO_SERVER=TRUE")) {
      return false;
    }
    String rest = value.substring(H2_PREFIX.length());
    return rest.startsWith("file:") || rest.startsWith(".") || rest.startsWith("/") || rest.startsWith("~")
        || rest.matches("(?s)[A-Za-z]:[/\\\\].*");
  }

  /**
   * Returns the schema of a PostgreSQL URL's {@code currentSchema} parameter (its first entry when
   * it lists several), folded the way PostgreSQL folds an identifier in {@code search_path}: lower
   * case unless double-quoted.
   */
  Optional<String> schema() {
    int query = value.indexOf('?');
    if (!isPostgres() || query < 0) {
      return Optional.empty();
    }
    for (String param : value.substring(query + 1).split("&")) {
      int eq = param.indexOf('=');
      if (eq > 0 && param.substring(0, eq).equals("currentSchema")) {
        String list = URLDecoder.decode(param.substring(eq + 1), StandardCharsets.UTF_8);
        return fold(list.split(",", -1)[0].strip());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> fold(String name) {
    if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
      return Optional.of(name.substring(1, name.length() - 1).replace("\"\"", "\""));
    }
    return name.isEmpty() ? Optional.empty() : Optional.of(name.toLowerCase(Locale.ROOT));
  }

  /** Returns the URL with any password parameter masked. */
  String redacted() {
    return value.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  @Override
  public String toString() {
    return redacted();
  }
}
