package dev.claude500.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.chat.ChannelMention;
import dev.claude500.commands.Filters;
import dev.claude500.commands.QuietHours;
import dev.claude500.commands.Surface;
import dev.claude500.status.Impact;
import dev.claude500.status.Incident;
import dev.claude500.status.IncidentStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChannelFilterTest {
  private static final Surface DISCORD = Surface.of(Surface.Ability.ROLE_MENTIONS);

  private static ChannelFilter filter(String... words) {
    return ChannelFilter.of(((Filters.Parsed.Good) Filters.parse(List.of(words), DISCORD)).filters());
  }

  private static Incident at(Impact impact) {
    Incident i = Pages.incident("i1", "Errors", List.of(Pages.CODE),
        Pages.update("u1", "i1", IncidentStatus.INVESTIGATING, Pages.T0, "Looking"));
    return new Incident(i.id(), i.name(), i.status(), impact, i.createdAt(), i.updatedAt(), null, null,
        i.startedAt(), null, null, null, i.incidentUpdates(), i.components());
  }

  private static Instant t(String iso) {
    return Instant.parse(iso);
  }

  @Test
  @DisplayName("min: below the threshold waits, at or above it goes; an impact unknown to this version is never held")
  void minimum() {
    ChannelFilter major = filter("min=major");
    assertThat(major.meetsMinimum(at(Impact.NONE))).isFalse();
    assertThat(major.meetsMinimum(at(Impact.MINOR))).isFalse();
    assertThat(major.meetsMinimum(at(Impact.MAJOR))).isTrue();
    assertThat(major.meetsMinimum(at(Impact.CRITICAL))).isTrue();
    assertThat(major.meetsMinimum(at(Impact.UNKNOWN))).isTrue();
    assertThat(filter().meetsMinimum(at(Impact.NONE))).isTrue();
    assertThat(filter("min=minor").meetsMinimum(at(Impact.NONE))).isFalse();
  }

  @Test
  @DisplayName("The mention goes on incidents at major or above only")
  void mention() {
    ChannelFilter here = filter("mention=here");
    assertThat(here.mentionFor(at(Impact.MINOR))).isEqualTo(ChannelMention.NONE);
    assertThat(here.mentionFor(at(Impact.MAJOR))).isEqualTo(ChannelMention.of(ChannelMention.Kind.HERE));
    assertThat(filter("mention=<@&42>").mentionFor(at(Impact.CRITICAL))).isEqualTo(ChannelMention.role("42"));
    assertThat(here.mentionFor(at(Impact.MAINTENANCE))).isEqualTo(ChannelMention.NONE);
  }

  @Test
  @DisplayName("Quiet hours across midnight hold everything but critical; quiet=all holds critical too")
  void quietAcrossMidnight() {
    ChannelFilter night = filter("quiet=22:00-07:00", "tz=Europe/Paris"); // UTC+1 in winter
    assertThat(night.holds(at(Impact.MAJOR), t("2026-01-10T20:59:00Z"))).isFalse();
    assertThat(night.holds(at(Impact.MAJOR), t("2026-01-10T21:00:00Z"))).isTrue();
    assertThat(night.holds(at(Impact.MAJOR), t("2026-01-11T02:00:00Z"))).isTrue();
    assertThat(night.holds(at(Impact.MAJOR), t("2026-01-11T05:59:59Z"))).isTrue();
    assertThat(night.holds(at(Impact.MAJOR), t("2026-01-11T06:00:00Z"))).isFalse();
    assertThat(night.holds(at(Impact.CRITICAL), t("2026-01-11T02:00:00Z"))).isFalse();
    assertThat(night.mayStart(at(Impact.MINOR), t("2026-01-11T02:00:00Z"))).isFalse();
    assertThat(night.mayStart(at(Impact.CRITICAL), t("2026-01-11T02:00:00Z"))).isTrue();
    assertThat(night.heldUntil(t("2026-01-11T08:00:00Z"))).contains(t("2026-01-11T06:00:00Z"));
    assertThat(night.heldUntil(t("2026-01-11T05:00:00Z"))).contains(t("2026-01-10T06:00:00Z"));

    ChannelFilter all = filter("quiet=all");
    assertThat(all.holds(at(Impact.CRITICAL), t("2026-01-11T12:00:00Z"))).isTrue();
    assertThat(all.heldUntil(t("2026-01-11T12:00:00Z"))).contains(t("2026-01-11T00:00:00Z"));
    assertThat(filter().holds(at(Impact.MINOR), t("2026-01-11T02:00:00Z"))).isFalse();
    assertThat(filter().heldUntil(t("2026-01-11T02:00:00Z"))).isEmpty();
  }

  @Test
  @DisplayName("A window in the same day, and maintenance off or held by quiet hours")
  void sameDayWindowAndMaintenance() {
    ChannelFilter lunch = filter("quiet=12:00-13:30", "maintenance=off");
    assertThat(lunch.holds(at(Impact.MINOR), t("2026-01-10T11:59:00Z"))).isFalse();
    assertThat(lunch.holds(at(Impact.MINOR), t("2026-01-10T12:00:00Z"))).isTrue();
    assertThat(lunch.holds(at(Impact.MINOR), t("2026-01-10T13:30:00Z"))).isFalse();
    assertThat(lunch.maintenanceMayStart(t("2026-01-10T09:00:00Z"), t("2026-01-10T09:00:00Z"))).isFalse();
    assertThat(lunch.maintenanceNoticeMayGo(t("2026-01-10T12:10:00Z"), t("2026-01-10T12:30:00Z"))).isFalse();
    assertThat(lunch.maintenanceNoticeMayGo(t("2026-01-10T12:10:00Z"), t("2026-01-10T13:30:00Z"))).isTrue();
    ChannelFilter onLunch = filter("quiet=12:00-13:30");
    assertThat(onLunch.maintenanceMayStart(t("2026-01-10T09:00:00Z"), t("2026-01-10T09:00:00Z"))).isTrue();
    assertThat(onLunch.maintenanceMayStart(t("2026-01-10T12:10:00Z"), t("2026-01-10T12:30:00Z"))).isFalse();
    assertThat(onLunch.maintenanceMayStart(t("2026-01-10T12:10:00Z"), t("2026-01-10T13:30:00Z"))).isTrue();
  }

  @Test
  @DisplayName("quiet=all: a maintenance's start and end notice go out once a midnight has passed them")
  void maintenanceAlwaysQuiet() {
    ChannelFilter all = filter("quiet=all", "tz=Europe/Paris"); // midnight is 23:00Z in winter
    assertThat(all.maintenanceMayStart(t("2026-01-10T10:00:00Z"), t("2026-01-10T22:59:00Z"))).isFalse();
    assertThat(all.maintenanceMayStart(t("2026-01-10T10:00:00Z"), t("2026-01-10T23:00:00Z"))).isTrue();
    assertThat(all.maintenanceMayStart(t("2026-01-10T23:00:30Z"), t("2026-01-10T23:01:00Z"))).isFalse();
    assertThat(all.maintenanceNoticeMayGo(t("2026-01-11T03:00:00Z"), t("2026-01-11T22:59:00Z"))).isFalse();
    assertThat(all.maintenanceNoticeMayGo(t("2026-01-11T03:00:00Z"), t("2026-01-11T23:00:00Z"))).isTrue();
    assertThat(filter("quiet=all", "maintenance=off").maintenanceMayStart(t("2026-01-10T10:00:00Z"),
        t("2026-01-11T23:00:00Z"))).isFalse();
  }

  @Test
  @DisplayName("Summer time: the hours follow the local clock, a skipped end is when the clocks jump, a repeated hour quiets once")
  void summerTime() {
    ZoneId ny = ZoneId.of("America/New_York");
    // 2026-03-08 02:00 EST becomes 03:00 EDT (07:00Z); 2026-11-01 02:00 EDT becomes 01:00 EST (06:00Z)
    QuietHours toTwoThirty = QuietHours.parse("22:00-02:30").orElseThrow();
    assertThat(toTwoThirty.holds(t("2026-03-08T06:59:00Z"), ny)).isTrue(); // 01:59 EST
    assertThat(toTwoThirty.holds(t("2026-03-08T07:00:00Z"), ny)).isFalse(); // 03:00 EDT: 02:30 never came
    assertThat(toTwoThirty.lastEnd(t("2026-03-08T07:00:00Z"), ny)).contains(t("2026-03-08T07:00:00Z"));
    QuietHours night = QuietHours.parse("22:00-07:00").orElseThrow();
    assertThat(night.holds(t("2026-03-07T11:59:00Z"), ny)).isTrue(); // 06:59 EST the day before
    assertThat(night.holds(t("2026-03-07T12:00:00Z"), ny)).isFalse(); // 07:00 EST
    assertThat(night.holds(t("2026-03-08T10:59:00Z"), ny)).isTrue(); // 06:59 EDT
    assertThat(night.holds(t("2026-03-08T11:00:00Z"), ny)).isFalse(); // 07:00 EDT
    assertThat(night.lastEnd(t("2026-03-08T12:00:00Z"), ny)).contains(t("2026-03-08T11:00:00Z"));
    assertThat(night.lastEnd(t("2026-11-02T13:00:00Z"), ny)).contains(t("2026-11-02T12:00:00Z")); // 07:00 EST
    QuietHours repeated = QuietHours.parse("00:30-01:30").orElseThrow();
    assertThat(repeated.holds(t("2026-11-01T05:00:00Z"), ny)).isTrue(); // 01:00 EDT
    assertThat(repeated.holds(t("2026-11-01T05:30:00Z"), ny)).isFalse(); // 01:30 EDT: over
    assertThat(repeated.holds(t("2026-11-01T06:15:00Z"), ny)).isFalse(); // 01:15 EST, the hour again: stays over
  }
}
