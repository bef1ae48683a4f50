package dev.claude500.commands;

import dev.claude500.chat.Text;
import dev.claude500.commands.Surface.Ability;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one-message usage of {@code /claude500}, in the words of the surface it is shown on: how its
 * commands are written there, and buttons, threads, private answers, the message menu's "Triage
 * with claude500" and the offer under pasted errors only where it has them.
 */
public final class HelpText {
  private HelpText() {}

  /** Returns the usage text for {@code surface}. */
  public static Text usage(Surface surface) {
    boolean named = surface.can(Ability.NAMED_OPTIONS);
    String onlyYou = surface.can(Ability.PRIVATE_ANSWERS) ? " (only you see it)" : "";
    String start = named ? "/claude500 triage" : "/claude500";
    return Text.parse(Stream.of(
        "**claude500** walks you from a Claude Code `API Error: 500` to the right fix, one question at a time.",
        "`" + start + "` start a triage " + (surface.can(Ability.THREADS) ? "in a thread" : "here") + "; "
            + answers(surface),
        (named ? "`/claude500 triage error:<the exact error line>`" : "`/claude500 <pasted error line>`")
            + " start one from the exact error; the first questions answer themselves",
        messageMenu(surface),
        "`/claude500 status` the status page now: indicator, components, open incidents" + onlyYou,
        (named ? "`/claude500 subscribe [components:<names>]`" : "`/claude500 subscribe [code api console claude.ai ...]`")
            + (surface.can(Ability.THREADS)
                ? " post status-page incidents in this channel, each with its updates in a thread"
                : " show status-page incidents here as they happen, and their updates")
            + " (all components when none named)",
        filters(surface),
        "`/claude500 unsubscribe` stop them; `/claude500 subscriptions` show "
            + (surface.can(Ability.THREADS) ? "this channel's subscription" : "the subscription here"),
        autodetect(surface),
        "`/claude500 playbooks` list the playbooks; `/claude500 playbook " + (named ? "id:<id>" : "<id>")
            + "` walk another one",
        (named ? "`/claude500 stats [window:7d|30d|90d] [public:true]`" : "`/claude500 stats [7d|30d|90d] [public]`")
            + " the team's triages by branch and outcome, times to the first move and to resolution, escalations"
            + " and the incidents that hit it, with a chart (default 30d"
            + (surface.can(Ability.PRIVATE_ANSWERS) ? "; only you see it unless `public`)" : ")"),
        "`/claude500 help` this message" + onlyYou)
        .filter(line -> !line.isEmpty())
        .collect(Collectors.joining("\n")));
  }

  /** The subscription's filters, in the surface's way of writing options and with the mentions it has. */
  private static String filters(Surface surface) {
    boolean named = surface.can(Ability.NAMED_OPTIONS);
    String sep = named ? ":" : "=";
    String mentions = surface.can(Ability.ROLE_MENTIONS) ? (named ? "none|here|everyone` or `role:<a role>" : "none|here|everyone|<role>")
        : surface.can(Ability.CHANNEL_MENTIONS) ? "none|here|channel" : "none";
    return "  filters, each optional: `min" + sep + "minor|major|critical` lower impacts are not posted; `maintenance"
        + sep + "on|off`; `mention" + sep + mentions + "` called out on the first post of a major or critical incident; `quiet"
        + sep + "22:00-07:00` with `tz" + sep + "Europe/Paris` (default UTC) updates wait and come as one digest per"
        + " incident when the hours end, critical ones still at once (`quiet" + sep + "all`: always quiet, a digest"
        + " at midnight). Subscribing again replaces the components and filters.";
  }

  /** The message menu's entry, where there is one; empty otherwise. */
  private static String messageMenu(Surface surface) {
    if (!surface.can(Ability.MESSAGE_MENU)) {
      return "";
    }
    return "**Triage with claude500** in the menu of a message that shows the error (**More actions** on Slack, "
        + "**Apps** on Discord) start a triage of it in its thread; its author is the one hit";
  }

  /** The {@code autodetect} line: what it does where the bot reads messages, that it does not elsewhere. */
  private static String autodetect(Surface surface) {
    return surface.can(Ability.READS_MESSAGES)
        ? "`/claude500 autodetect on|off` offer a triage, only to its author, under a Claude Code API error posted"
            + " in this channel (off by default)"
        : "`/claude500 autodetect on|off` offers under pasted errors: Slack only (I do not read messages here)";
  }

  /** How questions are answered on the surface. */
  private static String answers(Surface surface) {
    if (surface.can(Ability.FORMS)) {
      return "answer with the buttons or in your own words with **Answer in words…**; paste text with **Paste…**";
    }
    String choose = surface.can(Ability.BUTTONS) ? "answer with the buttons" : "answer with a choice's number or label";
    return choose + (surface.can(Ability.THREADS) ? ", or in your own words by replying in the thread"
        : ", or in your own words");
  }
}
