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
  @DisplayName("Only an H2 file this process opens alone is one the store compacts at close")
  void embeddedH2File() {
    assertThat(new DatabaseUrl("jdbc:h2:file:./data/claude500").isEmbeddedH2File()).isTrue();
    assertThat(new DatabaseUrl("jdbc:h2:./data/claude500;MODE=PostgreSQL").isEmbeddedH2File()).isTrue();
    assertThat(new DatabaseUrl("jdbc:h2:/var/lib/claude500/claude500").isEmbeddedH2File()).isTrue();
    assertThat(new DatabaseUrl("jdbc:h2:~/claude500").isEmbeddedH2File()).isTrue();
    assertThat(new DatabaseUrl("jdbc:h2:C:\\data\\claude500").isEmbeddedH2File()).isTrue();
    assertThat(new DatabaseUrl("jdbc:h2:mem:claude500;DB_CLOSE_DELAY=-1").isEmbeddedH2File()).isFalse();
    assertThat(new DatabaseUrl("jdbc:h2:tcp://db:9092/claude500").isEmbeddedH2File()).isFalse();
    assertThat(new DatabaseUrl("jdbc:h2:file:./data/claude500;AUTO_SERVER=TRUE").isEmbeddedH2File()).isFalse();
    assertThat(new DatabaseUrl("jdbc:postgresql://h/db").isEmbeddedH2File()).isFalse();
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
