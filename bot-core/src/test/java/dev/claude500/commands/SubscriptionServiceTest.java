package dev.claude500.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.Actor;
import dev.claude500.chat.ChannelRef;
import dev.claude500.status.KnownComponents;
import dev.claude500.status.StatusSnapshot;
import dev.claude500.store.InMemoryStore;
import dev.claude500.testing.FixedStatusSource;
import dev.claude500.testing.MutableClock;
import dev.claude500.testing.StatusFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionServiceTest {
  private final InMemoryStore store = new InMemoryStore();
  private final FixedStatusSource status = new FixedStatusSource(StatusFixtures.greenSnapshot());
  private final SubscriptionService service =
      new SubscriptionService(store.subscriptions(), store.autodetect(), status, new MutableClock(Instant.parse("2026-11-25T10:00:00Z")));
  private final ChannelRef channel = new ChannelRef("slack", "C1");
  private final Actor alice = new Actor("U1", "alice");

  @Test
  void componentsAreStoredById() {
    String said = service.subscribe(channel, alice, List.of("code", "api"), List.of(), Surface.of()).toPlainString();
    assertThat(said).contains("Subscribed").contains("Claude Code");
    assertThat(store.subscriptions().find(channel)).get()
        .satisfies(s -> assertThat(s.componentIds()).isEqualTo(Set.of(KnownComponents.CLAUDE_CODE, KnownComponents.API)))
        .satisfies(s -> assertThat(s.subscribedBy()).isEqualTo("U1"));
    assertThat(service.describe(channel).toPlainString()).contains("Claude Code").contains("Claude API");
  }

  @Test
  void noNamesMeansEverything() {
    service.subscribe(channel, alice, List.of(), List.of(), Surface.of());
    assertThat(store.subscriptions().find(channel)).get().satisfies(s -> assertThat(s.allComponents()).isTrue());
    assertThat(service.describe(channel).toPlainString()).contains("every incident");
  }

  @Test
  void anUnknownNameChangesNothingAndListsTheComponents() {
    String said = service.subscribe(channel, alice, List.of("code", "toaster`](x)"), List.of(), Surface.of()).toPlainString();
    assertThat(said).contains("Nothing changed").contains("toaster").contains("Claude Code");
    assertThat(store.subscriptions().find(channel)).isEmpty();
  }

  @Test
  void knownComponentsServeWhenThePageCannotBeRead() {
    status.set(StatusSnapshot.unknown("down"));
    service.subscribe(channel, alice, List.of("cowork"), List.of(), Surface.of());
    assertThat(store.subscriptions().find(channel)).get()
        .satisfies(s -> assertThat(s.componentIds()).containsExactly(KnownComponents.COWORK));
  }

  @Test
  void unsubscribeSaysWhetherThereWasOne() {
    assertThat(service.unsubscribe(channel).toPlainString()).contains("was not subscribed");
    service.subscribe(channel, alice, List.of(), List.of(), Surface.of());
    assertThat(service.unsubscribe(channel).toPlainString()).contains("Unsubscribed");
    assertThat(service.describe(channel).toPlainString()).contains("no subscription");
  }

  @Test
  void filtersAreSavedShownAndReplacedBySubscribingAgain() {
    Surface slack = Surface.of(Surface.Ability.CHANNEL_MENTIONS);
    String said = service.subscribe(channel, alice, List.of("code"),
        List.of("min=major", "mention=here", "quiet=23:00-06:00", "tz=America/New_York"), slack).toPlainString();
    assertThat(said).contains("Subscribed").contains("min=major").contains("mention=here")
        .contains("quiet=23:00-06:00").contains("tz=America/New_York");
    assertThat(store.subscriptions().find(channel)).get().satisfies(s -> {
      assertThat(s.filters().min()).isEqualTo(dev.claude500.status.Impact.MAJOR);
      assertThat(s.filters().zone().getId()).isEqualTo("America/New_York");
    });
    assertThat(service.describe(channel).toPlainString()).contains("Claude Code").contains("min=major")
        .contains("maintenance=on").contains("quiet=23:00-06:00");

    service.subscribe(channel, alice, List.of(), List.of("maintenance=off"), slack);
    assertThat(store.subscriptions().find(channel)).get().satisfies(s -> {
      assertThat(s.allComponents()).isTrue();
      assertThat(s.filters()).isEqualTo(new Filters(dev.claude500.status.Impact.NONE, false,
          dev.claude500.chat.ChannelMention.NONE, QuietHours.NONE, java.time.ZoneOffset.UTC));
    });
  }

  @Test
  void aBadFilterSavesNothingAndKeepsWhatWasThere() {
    service.subscribe(channel, alice, List.of("code"), List.of("min=major"), Surface.of());
    Subscription before = store.subscriptions().find(channel).orElseThrow();
    String said = service.subscribe(channel, alice, List.of("api"), List.of("min=huge"), Surface.of()).toPlainString();
    assertThat(said).isEqualTo("Nothing changed. min=huge is not allowed: min= takes minor, major or critical.");
    assertThat(store.subscriptions().find(channel)).contains(before);
  }
}
