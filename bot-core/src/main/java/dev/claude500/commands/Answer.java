package dev.claude500.commands;

import dev.claude500.chat.Reply;
import dev.claude500.playbook.Playbook;
import java.util.Objects;

/**
 * What {@link Commands} answers to a command: something to say, or a triage to start. Only a
 * {@link Command.Triage} is answered with {@link StartTriage}, and not always (an unknown playbook
 * is said instead); every other command is answered with {@link Say}.
 */
public sealed interface Answer {
  /**
   * A reply for the person who typed the command (only to them where the surface can do that).
   *
   * @param reply what to show
   */
  record Say(Reply reply) implements Answer {
    /** Rejects null. */
    public Say {
      Objects.requireNonNull(reply, "reply");
    }
  }

  /**
   * A triage to start. The adapter posts {@code opening} where the triage's thread is to hang,
   * opens the thread (named after the playbook's title where threads have names), and starts the
   * engine there with the playbook's id and {@code pasted}.
   *
   * @param playbook the playbook to walk (the default one when none was named)
   * @param pasted the text pasted with the command, possibly empty
   * @param opening the triage's first message
   */
  record StartTriage(Playbook playbook, String pasted, Reply.Opening opening) implements Answer {
    /** Rejects null. */
    public StartTriage {
      Objects.requireNonNull(playbook, "playbook");
      Objects.requireNonNull(pasted, "pasted");
      Objects.requireNonNull(opening, "opening");
    }
  }
}
