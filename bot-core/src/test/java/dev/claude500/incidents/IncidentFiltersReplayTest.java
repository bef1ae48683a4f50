package dev.claude500.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.ChannelMention;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.chat.Reply;
import dev.claude500.commands.Filters;
import dev.claude500.commands.Subscription;
import dev.claude500.commands.Surface;
import dev.claude500.status.Impact;
import dev.claude500.status.Incident;
import dev.claude500.status.IncidentUpdate;
import dev.claude500.status.PageRead;
import dev.claude500.status.StatusPage;
import dev.claude500.status.StatusWords;
import dev.claude500.status.StatuspageClient;
import dev.claude500.store.InMemoryStore;
import dev.claude500.testing.FakeStatusPage;
import dev.claude500.testing.RecordingChatPort;
import dev.claude500.testing.RecordingChatPort.Call;
import dev.claude500.testing.RecordingChatPort.Post;
import dev.claude500.testing.StatusPageHistory;
import dev.claude500.testing.StatusSources;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Replays the real busy day of {@link IncidentWatcherReplayTest} (2026-07-21, six incidents: three
 * minor, one major, two critical) through the loopback status page and the real client to five
 * channels with different filters, on an injected clock, and checks what each got: exactly the posts
 * its filters allow, each once, every update of a posted incident delivered once (in the top post,
 * its own reply, or a digest), mentions only on first posts of major and critical incidents, nothing
 * but critical in quiet hours, and the digest of what waited in the first rounds after they end.
 */
class IncidentFiltersReplayTest {
  static final Instant FROM = IncidentWatcherReplayTest.FROM;
  static final Instant TO = IncidentWatcherReplayTest.TO;
  static final Surface SLACK = Surface.of(Surface.Ability.CHANNEL_MENTIONS);
  static final Surface DISCORD = Surface.of(Surface.Ability.ROLE_MENTIONS);

  /** Every incident, no filters: the control. */
  static final ChannelRef PLAIN = new ChannelRef("slack", "C-PLAIN");
  /** Major and critical only, calling out {@code @here}. */
  static final ChannelRef MAJOR = new ChannelRef("slack", "C-MAJOR");
  /** Quiet 11:00-14:00 in Paris (09:00-12:00 UTC in July), {@code @channel}. */
  static final ChannelRef MORNING = new ChannelRef("slack", "C-MORNING");
  /** Quiet 17:00-19:30 in London (16:00-18:30 UTC), a role, minor and up, no maintenance. */
  static final ChannelRef EVENING = new ChannelRef("discord", "D-EVENING");
  /** Always quiet in Tokyo: critical too waits, the digest at Tokyo's midnight (15:00 UTC). */
  static final ChannelRef TOKYO = new ChannelRef("discord", "D-TOKYO");

  static final Map<ChannelRef, List<String>> FILTERS = Map.of(
      PLAIN, List.of(),
      MAJOR, List.of("min=major", "mention=here"),
      MORNING, List.of("quiet=11:00-14:00", "tz=Europe/Paris", "mention=channel"),
      EVENING, List.of("min=minor", "mention=<@&4242>", "maintenance=off", "quiet=17:00-19:30", "tz=Europe/London"),
      TOKYO, List.of("quiet=all", "tz=Asia/Tokyo", "mention=everyone"));
  static final List<ChannelRef> CHANNELS = List.of(PLAIN, MAJOR, MORNING, EVENING, TOKYO);

  static final Instant MORNING_QUIET = Instant.parse("2026-07-21T09:00:00Z");
  static final Instant MORNING_END = Instant.parse("2026-07-21T12:00:00Z");
  static final Instant EVENING_QUIET = Instant.parse("2026-07-21T16:00:00Z");
  static final Instant EVENING_END = Instant.parse("2026-07-21T18:30:00Z");
  static final Instant TOKYO_MIDNIGHT = Instant.parse("2026-07-21T15:00:00Z");
  /** The digest goes out within the first rounds after the hours end. */
  static final Duration PROMPTLY = Duration.ofMinutes(5);

  static List<Incident> day;
  static Map<String, Incident> byId;
  static Map<String, String> names;
  static Replay calm;

  /** One replay: what each port got, when each item was first tried, and the store. */
  record Replay(Harness h, Map<ChannelRef, Map<String, Instant>> firstTried) {
    List<Post> posts(ChannelRef channel) {
      return h.port(channel).posts(channel);
    }

    /** The posts as comparable lines, item key and text, sorted: a post made twice is there twice. */
    List<String> lines(ChannelRef channel) {
      return posts(channel).stream().map(p -> p.itemKey().orElse("?") + " " + p.text()).sorted().toList();
    }

    /** How many posts the channel got under each item key. */
    Map<String, Long> postsPerKey(ChannelRef channel) {
      return posts(channel).stream().collect(Collectors.groupingBy(p -> p.itemKey().orElse("?"), TreeMap::new,
          Collectors.counting()));
    }
  }

  @BeforeAll
  static void readTheDay() throws Exception {
    StatusPageHistory.PageState end = StatusPageHistory.anthropic().at(TO);
    day = end.incidents().incidents().stream()
        .filter(i -> i.createdAt().isAfter(FROM) && !i.closedAt().isAfter(TO))
        .toList();
    byId = new HashMap<>();
    day.forEach(i -> byId.put(i.id(), i));
    names = PageRead.of(List.of(), end.summary(), TO).componentNames();
    assertThat(day).extracting(Incident::impact).containsExactlyInAnyOrder(
        Impact.MINOR, Impact.MINOR, Impact.MINOR, Impact.MAJOR, Impact.CRITICAL, Impact.CRITICAL);
    calm = replay(false, c -> Optional.empty());
  }

  @Test
  @DisplayName("Each channel gets exactly the incidents its filters allow, each top post once, every update once")
  void exactlyWhatTheFiltersAllow() {
    assertThat(roots(PLAIN)).containsExactlyInAnyOrderElementsOf(ids(day));
    assertThat(roots(MAJOR)).containsExactlyInAnyOrderElementsOf(ids(at(Impact.MAJOR, Impact.CRITICAL)));
    assertThat(roots(MORNING)).containsExactlyInAnyOrderElementsOf(ids(day));
    assertThat(roots(EVENING)).containsExactlyInAnyOrderElementsOf(ids(day));
    // always quiet: only the incidents that began before Tokyo's midnight, posted at it; the two critical ones wait for the next
    assertThat(roots(TOKYO)).containsExactlyInAnyOrderElementsOf(
        ids(day.stream().filter(i -> i.createdAt().isBefore(TOKYO_MIDNIGHT)).toList()));
    for (ChannelRef channel : CHANNELS) {
      assertThat(calm.postsPerKey(channel).values()).as("nothing twice in %s", channel).containsOnly(1L);
      everyUpdateDeliveredOnce(calm, channel);
    }
    assertThat(calm.posts(PLAIN)).noneMatch(p -> p.itemKey().orElseThrow().startsWith("digest/"));
  }

  @Test
  @DisplayName("Mentions go on the first post of major and critical incidents only, and only where the channel asked")
  void mentionsOnlyWhereAllowed() {
    Map<ChannelRef, ChannelMention> asked = Map.of(PLAIN, ChannelMention.NONE,
        MAJOR, ChannelMention.of(ChannelMention.Kind.HERE), MORNING, ChannelMention.of(ChannelMention.Kind.CHANNEL),
        EVENING, ChannelMention.role("4242"), TOKYO, ChannelMention.of(ChannelMention.Kind.EVERYONE));
    for (ChannelRef channel : CHANNELS) {
      for (Post p : calm.posts(channel)) {
        ChannelMention got = p.reply() instanceof Reply.Incident i ? i.mention() : ChannelMention.NONE;
        boolean first = p.itemKey().orElseThrow().startsWith("incident/");
        Impact impact = first ? byId.get(p.itemKey().get().substring("incident/".length())).impact() : Impact.NONE;
        boolean bad = impact == Impact.MAJOR || impact == Impact.CRITICAL;
        assertThat(got).as("%s %s", channel, p.itemKey().get())
            .isEqualTo(first && bad ? asked.get(channel) : ChannelMention.NONE);
      }
      assertThat(calm.h().port(channel).edits()).allSatisfy(e ->
          assertThat(((Reply.Incident) e.reply()).mention()).isEqualTo(ChannelMention.NONE));
    }
    assertThat(calm.posts(MAJOR)).filteredOn(p -> p.text().startsWith("@here ")).hasSize(3);
    assertThat(calm.posts(EVENING)).filteredOn(p -> p.text().startsWith("@role:4242 ")).hasSize(3);
  }

  @Test
  @DisplayName("In quiet hours nothing below critical is posted; what waited goes out promptly after as one digest per incident")
  void quietHoursThenDigest() {
    assertNothingBelowCriticalBetween(MORNING, MORNING_QUIET, MORNING_END);
    assertNothingBelowCriticalBetween(EVENING, EVENING_QUIET, EVENING_END);
    assertNothingBelowCriticalBetween(TOKYO, FROM, TOKYO_MIDNIGHT);
    assertNothingBelowCriticalBetween(TOKYO, TOKYO_MIDNIGHT.plus(PROMPTLY), TO);
    assertThat(tried(TOKYO).values()).allSatisfy(t -> assertThat(t).isBetween(TOKYO_MIDNIGHT, TOKYO_MIDNIGHT.plus(PROMPTLY)));

    // the morning: two minor incidents began in the quiet hours; each gets its top post at their end and one digest
    List<String> quietBorn = ids(day.stream().filter(i -> !i.createdAt().isBefore(MORNING_QUIET)
        && i.createdAt().isBefore(MORNING_END)).toList());
    assertThat(quietBorn).hasSize(2);
    for (String id : quietBorn) {
      assertThat(tried(MORNING).get("incident/" + id)).isBetween(MORNING_END, MORNING_END.plus(PROMPTLY));
      assertThat(tried(MORNING).keySet()).filteredOn(k -> k.startsWith("digest/" + id + "/")).singleElement()
          .satisfies(k -> assertThat(tried(MORNING).get(k)).isBetween(MORNING_END, MORNING_END.plus(PROMPTLY)));
    }
    // the evening: the major incident's resolution waited for the end; the critical ones went out at once
    Incident major = at(Impact.MAJOR).get(0);
    assertThat(tried(EVENING).keySet()).filteredOn(k -> k.startsWith("digest/" + major.id() + "/")).singleElement()
        .satisfies(k -> assertThat(tried(EVENING).get(k)).isBetween(EVENING_END, EVENING_END.plus(PROMPTLY)));
    List<String> criticalInQuiet = new ArrayList<>();
    for (Incident critical : at(Impact.CRITICAL)) {
      for (IncidentUpdate u : critical.updatesInOrder().subList(1, critical.updatesInOrder().size())) {
        String key = ItemKeys.update(u);
        if (tried(PLAIN).containsKey(key)) {
          assertThat(tried(EVENING).get(key)).as(key).isEqualTo(tried(PLAIN).get(key));
          if (!tried(PLAIN).get(key).isBefore(EVENING_QUIET) && tried(PLAIN).get(key).isBefore(EVENING_END)) {
            criticalInQuiet.add(key);
          }
        }
      }
      assertThat(tried(EVENING).get("incident/" + critical.id()))
          .isEqualTo(tried(PLAIN).get("incident/" + critical.id()));
    }
    assertThat(criticalInQuiet).as("critical updates posted at once in the evening's quiet hours").hasSizeGreaterThan(3);
  }

  @Test
  @DisplayName("A crash and restart in the middle of the quiet hours, and 429s now and then, change nothing")
  void restartsAndRateLimits() throws Exception {
    Replay rough = replay(true, RecordingChatPort.rateLimitEvery(5, Duration.ofSeconds(2)));
    for (ChannelRef channel : CHANNELS) {
      assertThat(rough.postsPerKey(channel).values()).as("nothing twice in %s", channel).containsOnly(1L);
      assertThat(rough.lines(channel)).as(channel.toString()).isEqualTo(calm.lines(channel));
      everyUpdateDeliveredOnce(rough, channel);
    }
  }

  /**
   * Every update of every incident posted in the channel is delivered once: see {@link
   * #everyUpdateDeliveredOnce(Replay, ChannelRef, Incident, Instant)}.
   */
  private static void everyUpdateDeliveredOnce(Replay replay, ChannelRef channel) {
    for (String id : roots(replay, channel)) {
      // always quiet: what was written after Tokyo's midnight waits for the next one, past the replay
      everyUpdateDeliveredOnce(replay, channel, byId.get(id), channel == TOKYO ? TOKYO_MIDNIGHT : Instant.MAX);
    }
  }

  /**
   * Every update of a posted incident written by {@code waitingAfter} is in the ledger once, as the
   * top post, its own reply or a digest that tells it, and is in the thread that many times: not at
   * all when the top post shows it, else alone or in one digest, never both; every later one is not
   * in the channel.
   */
  private static void everyUpdateDeliveredOnce(Replay replay, ChannelRef channel, Incident incident,
      Instant waitingAfter) {
    Map<String, Post> byMessage = new HashMap<>();
    replay.posts(channel).forEach(p -> byMessage.put(p.messageId(), p));
    List<Post> digests = replay.posts(channel).stream()
        .filter(p -> p.itemKey().orElseThrow().startsWith("digest/" + incident.id() + "/")).toList();
    assertThat(digests).as("%s digests of %s", channel, incident.id()).allSatisfy(d -> assertThat(d.threadId()).isPresent());
    for (IncidentUpdate u : incident.updatesInOrder()) {
      String key = ItemKeys.update(u);
      long alone = replay.postsPerKey(channel).getOrDefault(key, 0L);
      long inDigests = digests.stream().filter(d -> tells(d, u)).count();
      if (u.createdAt().isAfter(waitingAfter)) {
        assertThat(replay.h().store.ledger().find(channel, key)).as("%s %s waits", channel, key).isEmpty();
        assertThat(alone + inDigests).as("%s %s waits", channel, key).isZero();
        continue;
      }
      LedgerEntry entry = replay.h().store.ledger().find(channel, key).orElseThrow(
          () -> new AssertionError(channel + " never got " + key + " of " + incident.id()));
      assertThat(entry.isPosted()).as("%s %s", channel, key).isTrue();
      Post carrier = byMessage.get(entry.messageId().orElseThrow());
      assertThat(carrier).as("%s %s is carried by a post of the channel", channel, key).isNotNull();
      String carrierKey = carrier.itemKey().orElseThrow();
      assertThat(carrierKey).as("%s %s", channel, key).satisfiesAnyOf(
          k -> assertThat(k).isEqualTo(key),
          k -> assertThat(k).isEqualTo(ItemKeys.incident(incident.id())),
          k -> assertThat(k).startsWith("digest/" + incident.id() + "/"));
      if (carrierKey.startsWith("digest/")) {
        assertThat(tells(carrier, u)).as("%s digest %s tells %s", channel, carrierKey, key).isTrue();
      }
      boolean inTopPost = carrierKey.equals(ItemKeys.incident(incident.id()));
      assertThat(alone + inDigests).as("%s %s in the thread alone (%s) or in digests (%s)", channel, key, alone,
          inDigests).isEqualTo(inTopPost ? 0 : 1);
    }
  }

  /** Returns true when the post tells the update: its time and the start of its body, as a digest shows them. */
  private static boolean tells(Post post, IncidentUpdate u) {
    String text = post.text().replaceAll("\\s+", " ");
    String body = u.body().strip().replaceAll("\\s+", " ");
    return text.contains(StatusWords.time(u.shownAt())) && text.contains(body.substring(0, Math.min(60, body.length())));
  }

  private static void assertNothingBelowCriticalBetween(ChannelRef channel, Instant from, Instant to) {
    tried(channel).forEach((key, at) -> {
      if (!at.isBefore(from) && at.isBefore(to)) {
        String incidentId = calm.h().store.ledger().find(channel, key).orElseThrow().incidentId();
        boolean critical = byId.get(incidentId).impact() == Impact.CRITICAL;
        assertThat(critical && channel != TOKYO).as("%s posted %s at %s, in its quiet hours", channel, key, at).isTrue();
      }
    });
  }

  private static Map<String, Instant> tried(ChannelRef channel) {
    return calm.firstTried().get(channel);
  }

  private static List<String> roots(ChannelRef channel) {
    return roots(calm, channel);
  }

  private static List<String> roots(Replay replay, ChannelRef channel) {
    return replay.posts(channel).stream().filter(Post::isTopLevel)
        .map(p -> p.itemKey().orElseThrow().substring("incident/".length())).toList();
  }

  private static List<Incident> at(Impact... impacts) {
    return day.stream().filter(i -> List.of(impacts).contains(i.impact())).toList();
  }

  private static List<String> ids(List<Incident> incidents) {
    return incidents.stream().map(Incident::id).toList();
  }

  static Replay replay(boolean restart, Function<Call, Optional<ChatDeliveryException>> failures) throws Exception {
    try (FakeStatusPage fake = FakeStatusPage.start()) {
      StatuspageClient client = StatusSources.client(List.of(fake.baseUrl()), Duration.ofSeconds(2),
          Duration.ofSeconds(5));
      Harness h = new Harness(new InMemoryStore(), FROM, StatusPage.of(client));
      for (ChannelRef channel : CHANNELS) {
        Surface surface = channel.platform().equals("slack") ? SLACK : DISCORD;
        Filters filters = ((Filters.Parsed.Good) Filters.parse(FILTERS.get(channel), surface)).filters();
        h.store.subscriptions().save(new Subscription(channel, Set.of(), "U1", FROM, filters));
      }
      Map<ChannelRef, Map<String, Instant>> firstTried = new HashMap<>();
      Function<Call, Optional<ChatDeliveryException>> timed = call -> {
        call.itemKey().ifPresent(k ->
            firstTried.computeIfAbsent(call.channel(), c -> new HashMap<>()).putIfAbsent(k, h.clock.instant()));
        return failures.apply(call);
      };
      h.slack.failWhen(timed);
      h.discord.failWhen(timed);
      List<Instant> changes = day.stream().flatMap(i -> i.incidentUpdates().stream()).map(IncidentUpdate::shownAt)
          .sorted().distinct().toList();
      // restarted in the morning channel's quiet hours
      IncidentWatcherReplayTest.runDay(fake, h, changes,
          restart ? Optional.of(Instant.parse("2026-07-21T11:05:00Z")) : Optional.empty());
      CHANNELS.forEach(c -> firstTried.computeIfAbsent(c, k -> new HashMap<>()));
      return new Replay(h, firstTried);
    }
  }
}
