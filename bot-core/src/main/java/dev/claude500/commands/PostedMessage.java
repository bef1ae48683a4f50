package dev.claude500.commands;

import dev.claude500.chat.Actor;
import java.util.Objects;

/**
 * A message already in a channel that someone asked the bot to triage (a Slack message shortcut, a
 * Discord message command, an offer under a pasted error): its text is the paste, its author the
 * person hit.
 *
 * @param text the message's text as the platform gave it (possibly empty: an image, a file)
 * @param author who posted it
 * @param byThisBot whether the bot itself posted it (a triage's or an incident's own message)
 */
public record PostedMessage(String text, Actor author, boolean byThisBot) {
  /** Rejects null. */
  public PostedMessage {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(author, "author");
  }
}
