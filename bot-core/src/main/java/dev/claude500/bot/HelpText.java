package dev.claude500.bot;

import dev.claude500.chat.Text;

/** The one-message usage of {@code /claude500}. */
public final class HelpText {
  private HelpText() {}

  /** Returns the usage text. */
  public static Text usage() {
    return Text.parse(String.join("\n",
        "**claude500** walks you from a Claude Code `API Error: 500` to the right fix, one question at a time.",
        "`/claude500` start a triage in a thread (answer with the buttons)",
        "`/claude500 <pasted error line>` start one from the exact error; the first questions answer themselves",
        "`/claude500 status` the status page now: indicator, components, open incidents (only you see it)",
        "`/claude500 subscribe [code api console claude.ai ...]` post status-page incidents in this channel (all components when none named)",
        "`/claude500 unsubscribe` stop them; `/claude500 subscriptions` show this channel's subscription",
        "`/claude500 playbooks` list the playbooks; `/claude500 playbook <id>` walk another one",
        "`/claude500 help` this message"));
  }
}
