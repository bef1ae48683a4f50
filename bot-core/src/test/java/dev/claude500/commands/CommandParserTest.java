package dev.claude500.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandParserTest {
  @Test
  void subcommandsAreRecognisedInAnyCase() {
    assertThat(CommandParser.parse("help")).isInstanceOf(Command.Help.class);
    assertThat(CommandParser.parse("/claude500 STATUS")).isInstanceOf(Command.Status.class);
    assertThat(CommandParser.parse("  unsubscribe ")).isInstanceOf(Command.Unsubscribe.class);
    assertThat(CommandParser.parse("subscriptions")).isInstanceOf(Command.Subscriptions.class);
    assertThat(CommandParser.parse("playbooks")).isInstanceOf(Command.Playbooks.class);
  }

  @Test
  void subscribeTakesComponentNamesSeparatedBySpacesOrCommas() {
    assertThat(CommandParser.parse("subscribe code, api  claude.ai"))
        .isEqualTo(new Command.Subscribe(List.of("code", "api", "claude.ai"), List.of()));
    assertThat(CommandParser.parse("subscribe")).isEqualTo(new Command.Subscribe(List.of(), List.of()));
  }

  @Test
  void subscribeKeepsKeyValueWordsAsFiltersWhereverTheyStand() {
    assertThat(CommandParser.parse("/claude500 subscribe min=major code quiet=22:00-07:00, api tz=Europe/Paris"))
        .isEqualTo(new Command.Subscribe(List.of("code", "api"),
            List.of("min=major", "quiet=22:00-07:00", "tz=Europe/Paris")));
    assertThat(CommandParser.of(Subcommand.SUBSCRIBE, "mention=<@&123> maintenance=off"))
        .isEqualTo(new Command.Subscribe(List.of(), List.of("mention=<@&123>", "maintenance=off")));
  }

  @Test
  void anythingElseIsATriageWithTheWholeTextPasted() {
    assertThat(CommandParser.parse("")).isEqualTo(new Command.Triage("", Optional.empty()));
    assertThat(CommandParser.parse("/claude500 API Error: 500 {\"type\":\"error\"}"))
        .isEqualTo(new Command.Triage("API Error: 500 {\"type\":\"error\"}", Optional.empty()));
    assertThat(CommandParser.parse("triage API Error: 500"))
        .isEqualTo(new Command.Triage("API Error: 500", Optional.empty()));
    assertThat(CommandParser.parse("status is red and I get API Error: 500"))
        .isEqualTo(new Command.Triage("status is red and I get API Error: 500", Optional.empty()));
  }

  @Test
  void aMultiLinePasteKeepsItsLines() {
    String pasted = "here is the error:\nAPI Error: 500 {\"type\":\"error\",\n  \"error\":{}}\nRequest ID: req_1";
    assertThat(CommandParser.parse("/claude500 " + pasted)).isEqualTo(new Command.Triage(pasted, Optional.empty()));
    assertThat(CommandParser.parse("/claude500\n" + pasted)).isEqualTo(new Command.Triage(pasted, Optional.empty()));
    assertThat(CommandParser.parse("/claude500 triage\n" + pasted))
        .isEqualTo(new Command.Triage(pasted, Optional.empty()));
    assertThat(CommandParser.parse("/claude500 status\n" + pasted))
        .isEqualTo(new Command.Triage("status\n" + pasted, Optional.empty()));
  }

  @Test
  void aPlaybookCanBeNamed() {
    assertThat(CommandParser.parse("playbook proxy-500 API Error: 500"))
        .isEqualTo(new Command.Triage("API Error: 500", Optional.of("proxy-500")));
    assertThat(CommandParser.parse("playbook")).isInstanceOf(Command.Playbooks.class);
  }
}
