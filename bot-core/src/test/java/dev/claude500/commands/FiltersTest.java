package dev.claude500.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.ChannelMention;
import dev.claude500.commands.Surface.Ability;
import dev.claude500.status.Impact;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiltersTest {
  private static final Surface SLACK = Surface.of(Ability.THREADS, Ability.CHANNEL_MENTIONS);
  private static final Surface DISCORD = Surface.of(Ability.THREADS, Ability.NAMED_OPTIONS, Ability.ROLE_MENTIONS);
  private static final Surface CONSOLE = Surface.of();

  private static Filters good(Surface surface, String... words) {
    Filters.Parsed parsed = Filters.parse(List.of(words), surface);
    assertThat(parsed).isInstanceOf(Filters.Parsed.Good.class);
    return ((Filters.Parsed.Good) parsed).filters();
  }

  private static String bad(Surface surface, String... words) {
    Filters.Parsed parsed = Filters.parse(List.of(words), surface);
    assertThat(parsed).isInstanceOf(Filters.Parsed.Bad.class);
    return ((Filters.Parsed.Bad) parsed).problem();
  }

  @Test
  @DisplayName("No words are the defaults: every impact, maintenance on, nobody called out, no quiet hours, UTC")
  void noWordsAreTheDefaults() {
    assertThat(good(SLACK)).isEqualTo(Filters.DEFAULT);
    assertThat(Filters.DEFAULT.isDefault()).isTrue();
  }

  @Test
  @DisplayName("Every key is read, in any case and order")
  void everyKeyIsRead() {
    Filters f = good(SLACK, "TZ=europe/paris", "min=MAJOR", "maintenance=Off", "mention=here", "quiet=22:00-7:30");
    assertThat(f).isEqualTo(new Filters(Impact.MAJOR, false, ChannelMention.of(ChannelMention.Kind.HERE),
        new QuietHours(QuietHours.Kind.WINDOW, LocalTime.of(22, 0), LocalTime.of(7, 30)), ZoneId.of("Europe/Paris")));
    assertThat(f.describe()).isEqualTo(
        "`min=major` · `maintenance=off` · `mention=here` · `quiet=22:00-07:30` · `tz=Europe/Paris`");
    assertThat(good(SLACK, "quiet=all").quiet()).isEqualTo(QuietHours.ALL);
  }

  @Test
  @DisplayName("What subscriptions shows can be typed back: each filter as shown reads as the same filters")
  void shownFiltersReadBack() {
    assertThat(Filters.DEFAULT.describe()).contains("`quiet=off`");
    assertThat(readBack(SLACK, Filters.DEFAULT)).isEqualTo(Filters.DEFAULT);
    for (Filters f : List.of(good(SLACK, "quiet=all", "min=critical", "mention=channel"), good(SLACK, "min=minor"))) {
      assertThat(readBack(SLACK, f)).as(f.describe()).isEqualTo(f);
    }
    Filters discord = good(DISCORD, "quiet=22:00-07:30", "tz=Asia/Tokyo", "maintenance=off", "mention=<@&4242>");
    assertThat(readBack(DISCORD, discord)).isEqualTo(discord);
    assertThat(good(SLACK, "quiet=OFF", "min=major")).isEqualTo(good(SLACK, "min=major"));
  }

  /** Returns what the words {@link Filters#describe} shows read as, typed back on {@code surface}. */
  private static Filters readBack(Surface surface, Filters shown) {
    return good(surface, shown.describe().replace("`", "").split(" · "));
  }

  @Test
  @DisplayName("Slack allows none, here and channel; Discord none, here, everyone and a role; the console none")
  void eachSurfaceAllowsItsMentions() {
    assertThat(good(SLACK, "mention=channel").mention()).isEqualTo(ChannelMention.of(ChannelMention.Kind.CHANNEL));
    assertThat(good(SLACK, "mention=<!here>").mention()).isEqualTo(ChannelMention.of(ChannelMention.Kind.HERE));
    assertThat(bad(SLACK, "mention=everyone")).isEqualTo(
        "Nothing changed. `mention=everyone` is not allowed: `mention=` takes `none`, `here`, `channel`.");
    assertThat(good(DISCORD, "mention=@everyone").mention()).isEqualTo(ChannelMention.of(ChannelMention.Kind.EVERYONE));
    assertThat(good(DISCORD, "mention=<@&1234567890>").mention()).isEqualTo(ChannelMention.role("1234567890"));
    assertThat(good(DISCORD, "mention=1234567890").mention()).isEqualTo(ChannelMention.role("1234567890"));
    assertThat(bad(DISCORD, "mention=channel")).contains("`mention=channel` is not allowed")
        .contains("`none`, `here`, `everyone` or a role");
    assertThat(bad(SLACK, "mention=<@&1234567890>")).contains("is not allowed");
    assertThat(bad(CONSOLE, "mention=here")).contains("only `none` here");
    assertThat(good(CONSOLE, "mention=none").mention()).isEqualTo(ChannelMention.NONE);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "min=severe|`min=severe` is not allowed: `min=` takes `minor`, `major` or `critical`.",
      "maintenance=maybe|`maintenance=maybe` is not allowed: `maintenance=` takes `on` or `off`.",
      "quiet=22-07|`quiet=22-07` is not allowed: `quiet=` takes hours as `HH:MM-HH:MM`",
      "quiet=07:00-07:00|`quiet=07:00-07:00` is not allowed",
      "quiet=24:00-06:00|`quiet=24:00-06:00` is not allowed",
      "tz=Mars/Olympus|`tz=Mars/Olympus` is not allowed: `tz=` takes a time zone name",
      "tz=+02:00|`tz=+02:00` is not allowed",
      "colour=red|`colour=red` is not a filter: the filters are `min=`, `maintenance=`, `mention=`, `quiet=` and `tz=`.",
      "min=|`min=` is not allowed"})
  @DisplayName("A bad word gets one line naming it and what is allowed")
  void aBadWordIsNamed(String word, String problem) {
    String said = bad(SLACK, word);
    assertThat(said).startsWith("Nothing changed. ").contains(problem).doesNotContain("\n");
  }

  @Test
  @DisplayName("A key given twice, and a hostile word, are refused in one short line")
  void twiceAndHostile() {
    assertThat(bad(SLACK, "min=major", "MIN=minor")).isEqualTo("Nothing changed. `min=` is given twice: give it once.");
    String said = bad(SLACK, "tz=" + "`x".repeat(5_000));
    assertThat(said.length()).isLessThan(300);
    assertThat(said).doesNotContain("``");
  }
}
