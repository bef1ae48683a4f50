package dev.claude500.commands;

import dev.claude500.chat.Text;
import dev.claude500.errors.ErrorKind;
import dev.claude500.errors.ErrorTextParser;
import dev.claude500.errors.ParsedError;
import dev.claude500.status.StatusView;
import dev.claude500.status.StatusWords;
import java.util.Optional;
import java.util.Set;

/**
 * The words of an offer under a message that holds a Claude Code API error: what the error is, as
 * the parser reads it, and whether the status page is red now. Only the kinds the playbooks route
 * (500, 529, 429, 401) are offered a triage. Stateless.
 */
final class PasteOffer {
  /** The kinds of error an offer is made for. */
  static final Set<ErrorKind> OFFERED = Set.of(ErrorKind.INTERNAL, ErrorKind.OVERLOADED, ErrorKind.RATE_LIMIT,
      ErrorKind.AUTHENTICATION);

  private PasteOffer() {}

  /** Returns the error in {@code text} that an offer is made for, if it holds one. */
  static Optional<ParsedError> errorIn(String text) {
    return ErrorTextParser.parse(text).filter(e -> OFFERED.contains(e.kind()));
  }

  /** Returns the offer's words for {@code error}, the page being as {@code page} shows it. */
  static Text of(ParsedError error, StatusView page) {
    return Text.builder().plain("That looks like ").text(Text.parse(what(error.kind()))).plain(". ")
        .text(pageLine(page)).newline()
        .plain("Want a triage of it in this message's thread? Only you see this offer.")
        .build();
  }

  private static String what(ErrorKind kind) {
    return switch (kind) {
      case INTERNAL -> "a Claude Code `API Error: 500` (a server error on Anthropic's side)";
      case OVERLOADED -> "a Claude Code `529 overloaded` error (Anthropic's capacity, not a 500)";
      case RATE_LIMIT -> "a Claude Code `429` rate limit (a usage or session limit)";
      default -> "a Claude Code `401` authentication error (signing in)";
    };
  }

  private static Text pageLine(StatusView page) {
    if (page.isUnknown()) {
      return Text.plain("I have not read the status page yet; the triage checks it first.");
    }
    Text.Builder b = Text.builder()
        .plain("The status page is " + StatusWords.emoji(page.indicator()) + " " + page.colour() + " now");
    if (page.incidents().isEmpty()) {
      return b.plain(", no open incident (" + StatusWords.freshness(page) + ").").build();
    }
    int more = page.incidents().size() - 1;
    return b.plain(": ").strong(page.incidents().get(0).name())
        .plain((more > 0 ? " and " + more + " more open" : "") + " (" + StatusWords.freshness(page) + ").").build();
  }
}
