package dev.claude500.commands;

import dev.claude500.chat.Actor;
import dev.claude500.chat.Reply;
import dev.claude500.chat.Text;
import dev.claude500.commands.Surface.Ability;
import dev.claude500.playbook.Playbook;
import dev.claude500.status.StatusLinks;
import dev.claude500.status.StatusView;
import dev.claude500.status.StatusWords;

/**
 * The first message of a triage, the same on every surface: in a channel, who started which
 * triage and the status page's colour, then where to answer and what the page showed; where the
 * triage goes on in the same place (a console), only which triage started. Stateless.
 */
final class TriageOpening {
  private TriageOpening() {}

  /** Returns the first message of a triage of {@code playbook} that {@code actor} started, as the page was. */
  static Reply.Opening of(Surface surface, Actor actor, Playbook playbook, StatusView page) {
    String triage = playbook.title() + " triage";
    if (!surface.can(Ability.THREADS)) {
      return new Reply.Opening(Text.plain(triage + " started."), Text.plain(""), page.indicator());
    }
    Text headline = Text.builder().mention(actor)
        .plain(" started " + article(triage) + " " + triage + colour(page))
        .build();
    return new Reply.Opening(headline, details("Answer in the thread: anyone here can help.", page), page.indicator());
  }

  /**
   * Returns the first message of a triage of a message already posted, for that message's thread:
   * who started it, whose message it reads, and the page's colour; then where to answer and what the
   * page showed.
   */
  static Reply.Opening ofMessage(Surface surface, Actor actor, Actor author, Playbook playbook, StatusView page) {
    String triage = playbook.title() + " triage";
    Text.Builder headline = Text.builder().mention(actor).plain(" started " + article(triage) + " " + triage);
    if (author.id().equals(actor.id())) {
      headline.plain(" of their message");
    } else {
      headline.plain(" of ").mention(author).plain("'s message");
    }
    headline.plain(colour(page));
    String where = surface.can(Ability.THREADS) ? "Answer in this thread: anyone here can help." : "Answer here.";
    return new Reply.Opening(headline.build(), details(where, page), page.indicator());
  }

  /** The headline's end: the page's colour. */
  private static String colour(StatusView page) {
    return " · status page " + StatusWords.emoji(page.indicator()) + " " + page.colour();
  }

  /** The opening's details: where to answer, then what the page showed. */
  private static Text details(String where, StatusView page) {
    return Text.builder()
        .plain(where).newline()
        .link("status.claude.com", StatusLinks.PUBLIC_PAGE)
        .plain(": " + pageLine(page))
        .build();
  }

  private static String pageLine(StatusView page) {
    if (page.isUnknown()) {
      return "I have not read it yet; the triage checks it first.";
    }
    int open = page.incidents().size();
    String incidents = open == 0 ? "no open incidents" : open + " open incident" + (open == 1 ? "" : "s");
    return incidents + ", " + StatusWords.freshness(page) + ".";
  }

  private static String article(String noun) {
    return !noun.isEmpty() && "aeiouAEIOU".indexOf(noun.charAt(0)) >= 0 ? "an" : "a";
  }
}
