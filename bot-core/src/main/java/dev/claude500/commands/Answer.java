package dev.claude500.commands;

import dev.claude500.chat.Reply;
import dev.claude500.playbook.Playbook;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Commands} answers to a command: something to say, or a triage to start. Only a
 * {@link Command.Triage} is answered with {@link StartTriage}, and not always (an unknown playbook
 * is said instead); a {@link Command.Stats} with {@link Stats} (or {@link Say} for words it does
 * not take); every other command is answered with {@link Say}.
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
   * The team's numbers ({@code stats}): a table and its chart.
   *
   * @param table the numbers, as text
   * @param chart the chart as a PNG, when it could be drawn
   * @param inPublic true when the channel is to see it ({@code public}); else only the person who asked,
   *     where the surface can do that
   */
  record Stats(Reply.Message table, Optional<Chart> chart, boolean inPublic) implements Answer {
    /** Rejects null. */
    public Stats {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(chart, "chart");
    }
  }

  /**
   * A picture to attach or upload.
   *
   * @param fileName the name to give the file
   * @param title what it shows, for alternative text and titles
   * @param png its PNG bytes (not copied: never change them)
   */
  record Chart(String fileName, String title, byte[] png) {
    /** Rejects null and an empty picture. */
    public Chart {
      Objects.requireNonNull(fileName, "fileName");
      Objects.requireNonNull(title, "title");
      if (Objects.requireNonNull(png, "png").length == 0) {
        throw new IllegalArgumentException("png is empty");
      }
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
