package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claude500.chat.ConversationKey;
import dev.claude500.commands.Apology;
import dev.claude500.store.JdbcStore;
import dev.claude500.store.Store;
import dev.claude500.testing.FakeSlackApi;
import dev.claude500.testing.ForwardingStore;
import dev.claude500.testing.ProxiedDatabase;
import dev.claude500.triage.ConversationStore;
import dev.claude500.triage.StoredConversation;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The database behind the store goes away for a moment while the bot runs (a TCP proxy in front of
 * it is cut, then restored): requests meanwhile are acknowledged at once and answered with an
 * apology, nothing is half-applied, and the same adapter works again once the database is back.
 */
@DisplayName("A store unreachable for a moment: apologies meanwhile, nothing half-applied, recovery without a restart")
class StoreOutageTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ProxiedDatabase db;
  private SlackHarness h;

  @AfterEach
  void stop() throws Exception {
    if (h != null) {
      h.close();
    }
    if (db != null) {
      db.close();
    }
  }

  private SlackHarness harness(Supplier<ProxiedDatabase> database, java.util.function.UnaryOperator<Store> wrap)
      throws Exception {
    db = database.get();
    JdbcStore store = db.openStore();
    h = new SlackHarness(SlackHarness.tuning(4, 64), wrap.apply(store)).started();
    return h;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.claude500.testing.ProxiedDatabase#each")
  void clicksRepliesAndCommandsDuringTheOutageGetAnApologyAndWorkAgainAfterIt(String name,
      Supplier<ProxiedDatabase> database) throws Exception {
    harness(database, s -> s);
    h.command("U0ALICE", "alice", "");
    FakeSlackApi.Call which = h.posted("Which error did Claude Code print?");
    String thread = which.param("thread_ts");
    ConversationKey key = new ConversationKey("slack", SlackHarness.CHANNEL, thread);
    int roots = roots();

    db.cut();
    long start = System.nanoTime();
    assertThat(h.click(which, "500", "U0BOB", "bob").statusCode()).isEqualTo(200);
    assertThat(h.reply("Ev0OUTAGE", thread, "U0CAROL", "1", Map.of()).statusCode()).isEqualTo(200);
    HttpResponse<String> command = h.command("U0DAVE", "dave", "", "trigger-outage");
    assertThat(command.statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("three acks while the store is away")
        .isLessThan(Duration.ofSeconds(1));

    FakeSlackApi.Call toBob = h.slack.await("chat.postEphemeral", c -> c.param("user").equals("U0BOB"), SlackHarness.WAIT);
    assertThat(toBob.param("text")).isEqualTo(Apology.STORE_UNREACHABLE);
    assertThat(toBob.param("channel")).isEqualTo(SlackHarness.CHANNEL);
    assertThat(toBob.param("thread_ts")).isEqualTo(thread);
    FakeSlackApi.Call toCarol = h.slack.await("chat.postEphemeral", c -> c.param("user").equals("U0CAROL"), SlackHarness.WAIT);
    assertThat(toCarol.param("thread_ts")).isEqualTo(thread);
    FakeSlackApi.Call toDave = h.slack.await("response_url", c -> c.blockText().contains(Apology.STORE_UNREACHABLE),
        SlackHarness.WAIT);
    assertThat(toDave.param("response_type")).isEqualTo("ephemeral");
    SlackHarness.quiet(Duration.ofMillis(300));
    assertThat(h.slack.calls("chat.update")).as("the question keeps its buttons")
        .noneMatch(c -> c.param("ts").equals(which.ts()));
    assertThat(h.threadTexts(thread)).as("no next question").noneMatch(t -> t.contains("Where does the 500 show up?"));
    assertThat(roots()).as("no triage started during the outage").isEqualTo(roots);

    db.restore(h.store);
    assertThat(h.click(which, "500", "U0BOB", "bob").statusCode()).isEqualTo(200);
    h.slack.await("chat.update", c -> c.param("ts").equals(which.ts()), SlackHarness.WAIT);
    h.posted("Where does the 500 show up?");
    assertThat(answers(key)).as("the click applied once, after the outage").hasSize(1)
        .first().satisfies(a -> assertThat(a.path("actorId").asText()).isEqualTo("U0BOB"));

    h.command("U0DAVE", "dave", "", "trigger-after");
    h.slack.await("chat.postMessage", c -> c.param("text").contains("started a Claude Code 500 triage")
        && c.blockText().contains("<@U0DAVE>"), SlackHarness.WAIT);
    assertThat(h.slack.calls("chat.postEphemeral")).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.claude500.testing.ProxiedDatabase#each")
  void aTriageWhoseStartFailsAfterItsFirstMessageSaysSoThere(String name, Supplier<ProxiedDatabase> database)
      throws Exception {
    harness(database, store -> new CutOnCreate(store, () -> db));

    h.command("U0ALICE", "alice", "", "trigger-cut");

    FakeSlackApi.Call root = h.posted("started a Claude Code 500 triage");
    FakeSlackApi.Call edited = h.slack.await("chat.update", c -> c.param("ts").equals(root.ts()), SlackHarness.WAIT);
    assertThat(edited.blockText()).contains("<@U0ALICE> tried to start a Claude Code 500 triage, but it did not start")
        .contains(Apology.STORE_UNREACHABLE);
    h.slack.await("response_url", c -> c.blockText().contains(Apology.STORE_UNREACHABLE), SlackHarness.WAIT);
    assertThat(h.threadTexts(root.ts())).isEmpty();

    db.restore(h.store);
    assertThat(h.engine.find(new ConversationKey("slack", SlackHarness.CHANNEL, root.ts()))).isEmpty();
    h.command("U0ALICE", "alice", "", "trigger-again");
    h.posted("Which error did Claude Code print?");
  }

  private int roots() {
    return (int) h.slack.calls("chat.postMessage").stream()
        .filter(c -> c.param("text").contains("started a Claude Code 500 triage")).count();
  }

  private List<JsonNode> answers(ConversationKey key) throws Exception {
    JsonNode state = JSON.readTree(h.store.conversations().find(key).orElseThrow().state());
    return JSON.convertValue(state.path("answers"), JSON.getTypeFactory().constructCollectionType(List.class, JsonNode.class));
  }

  /**
   * The store, except that creating the first conversation first cuts the database away: the
   * outage begins exactly between a triage's first message and its start.
   */
  private static final class CutOnCreate extends ForwardingStore {
    private final Supplier<ProxiedDatabase> db;
    private final AtomicBoolean cut = new AtomicBoolean();

    CutOnCreate(Store store, Supplier<ProxiedDatabase> db) {
      super(store);
      this.db = db;
    }

    @Override
    public ConversationStore conversations() {
      ConversationStore real = store.conversations();
      return new ConversationStore() {
        @Override
        public Optional<StoredConversation> find(ConversationKey key) {
          return real.find(key);
        }

        @Override
        public boolean create(StoredConversation conversation) {
          if (cut.compareAndSet(false, true)) {
            db.get().cut();
          }
          return real.create(conversation);
        }

        @Override
        public boolean update(StoredConversation next) {
          return real.update(next);
        }

        @Override
        public List<StoredConversation> findOpenIdleSince(Instant cutoff, int limit) {
          return real.findOpenIdleSince(cutoff, limit);
        }

        @Override
        public int purgeClosedBefore(Instant cutoff, int limit) {
          return real.purgeClosedBefore(cutoff, limit);
        }
      };
    }
  }
}
