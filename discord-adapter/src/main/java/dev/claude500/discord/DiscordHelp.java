package dev.claude500.discord;

import dev.claude500.chat.Text;

/** The usage of {@code /claude500} as Discord shows the command. */
final class DiscordHelp {
  private DiscordHelp() {}

  /** Returns the usage text. */
  static Text usage() {
    return Text.parse(String.join("\n",
        "**claude500** walks you from a Claude Code `API Error: 500` to the right fix, one question at a time.",
        "`/claude500 triage` start a triage in a thread; answer with the buttons, paste text with **Paste…**",
        "`/claude500 triage error:<the exact error line>` start from the error; the first questions answer themselves",
        "`/claude500 status` the status page now: indicator, components, open incidents (only you see it)",
        "`/claude500 subscribe [components]` post status-page incidents in this channel, each with its updates in a thread (all components when none named)",
        "`/claude500 unsubscribe` stop them; `/claude500 subscriptions` show this channel's subscription",
        "`/claude500 help` this message"));
  }
}
