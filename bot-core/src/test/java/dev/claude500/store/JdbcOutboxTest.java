package dev.claude500.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.testing.JdbcStores;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Reply;
import dev.claude500.outbox.Outgoing;
import dev.claude500.outbox.OutboxStore;
import dev.claude500.outbox.Queued;
import dev.claude500.testing.Postgres;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The outbox table on H2 and PostgreSQL")
class JdbcOutboxTest {
  private static final ChannelRef CHANNEL = new ChannelRef("slack", "C0GENERAL");
  private static final Instant AT = Instant.parse("2026-05-01T10:00:00.123456Z");

  private static List<Queued> messages() {
    return List.of(
        new Queued(3, new Outgoing.ThreadPost("triage/x/b/0", CHANNEL, "100.1", Reply.Message.of("**hi**"), true), AT),
        new Queued(1, new Outgoing.Post("summary/1", CHANNEL, Reply.Message.of("top")), AT),
        new Queued(2, new Outgoing.Edit("edit/1", new MessageRef(CHANNEL, "100.2"), Optional.of("100.1"),
            Reply.Message.of("changed")), AT),
        new Queued(4, new Outgoing.Top("incident/9", CHANNEL, Reply.Message.of("incident"), "9",
            List.of("update/u1", "edit/9/u1")), AT),
        new Queued(5, new Outgoing.UnderRoot("digest/9/u3", CHANNEL, "incident/9", Reply.Message.of("digest"), false,
            "9", List.of("update/u2", "update/u3")), AT),
        new Queued(6, new Outgoing.EditRoot("edit/9/u3", CHANNEL, "incident/9", Reply.Message.of("now"), "9"), AT));
  }

  private static void keepsAndForgets(OutboxStore outbox) {
    outbox.add(messages());
    outbox.add(List.of(new Queued(9, new Outgoing.Post("summary/1", CHANNEL, Reply.Message.of("again")), AT)));

    assertThat(outbox.pending()).extracting(Queued::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(outbox.pending()).containsExactlyInAnyOrderElementsOf(messages());

    outbox.remove(CHANNEL, "summary/1");
    outbox.remove(CHANNEL, "not/there");
    assertThat(outbox.pending()).extracting(q -> q.message().itemKey())
        .containsExactly("edit/1", "triage/x/b/0", "incident/9", "digest/9/u3", "edit/9/u3");
  }

  @Test
  void onH2() {
    try (JdbcStore store = JdbcStores.open("jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null,
        null)) {
      keepsAndForgets(store.outbox());
    }
  }

  @Test
  void onPostgres() {
    try (Postgres postgres = Postgres.requireOrSkip();
        JdbcStore store = JdbcStores.open(postgres.url(), postgres.user(), postgres.password())) {
      keepsAndForgets(store.outbox());
    }
  }
}
