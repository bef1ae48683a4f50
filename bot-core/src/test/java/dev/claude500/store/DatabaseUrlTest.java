package dev.claude500.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
  @Test
  @DisplayName("A PostgreSQL URL's currentSchema is the schema, folded as PostgreSQL folds it")
  void schemaOfPostgresUrl() {
    assertThat(new DatabaseUrl("jdbc:postgresql://h/db?currentSchema=bot").schema())
        .contains("bot");
    assertThat(new DatabaseUrl("jdbc:postgresql://h/db?ssl=true&currentSchema=Bot,public").schema())
        .contains("bot");
    assertThat(new DatabaseUrl("jdbc:postgresql://h/db?currentSchema=%22Bot%22").schema())
        .contains("Bot");
    assertThat(new DatabaseUrl("jdbc:postgresql://h/db").schema()).isEmpty();
    assertThat(new DatabaseUrl("jdbc:postgresql://h/db?currentSchema=").schema()).isEmpty();
  }

  @Test
  @DisplayName("H2 URLs never name a schema for Flyway")
  void noSchemaForH2() {
    assertThat(new DatabaseUrl("jdbc:h2:file:./data/claude500").schema()).isEmpty();
    assertThat(new DatabaseUrl("jdbc:h2:file:./data/claude500").isPostgres()).isFalse();
  }

  @Test
  @DisplayName("Passwords in the URL are masked wherever it is printed")
  void redacted() {
    assertThat(new DatabaseUrl("jdbc:postgresql://h/db?user=u&password=s3cret&ssl=true"))
        .hasToString("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
    assertThat(new DatabaseUrl("jdbc:h2:file:./x;PASSWORD=pw;MODE=x").redacted())
        .isEqualTo("jdbc:h2:file:./x;PASSWORD=***;MODE=x");
  }
}
