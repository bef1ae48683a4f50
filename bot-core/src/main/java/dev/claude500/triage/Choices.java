package dev.claude500.triage;

import dev.claude500.chat.Choice;
import dev.claude500.chat.Reply;
import dev.claude500.chat.Text;
import dev.claude500.errors.ErrorTextParser;
import dev.claude500.errors.Origin;
import dev.claude500.errors.ParsedError;
import dev.claude500.playbook.AnswerMatcher;
import dev.claude500.playbook.AnswerMatcher.Match;
import dev.claude500.playbook.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The choices a triage offers at a question and how what people write picks one: the
 * question's own choices, narrowed by a "Did you mean ...?", plus "pick another branch" right
 * after a branch the bot guessed from what was told. Stateless.
 */
final class Choices {
  /** The value of the "skip" alternative on text requests. */
  static final String SKIP = "skip";
  /** The value of the choice that undoes a guessed branch. */
  static final String OTHER_BRANCH = "other-branch";

  private static final Step.Answer OTHER_BRANCH_CHOICE = Step.Answer.of(OTHER_BRANCH, "Wrong branch? Pick another",
      "", List.of("wrong branch", "another branch", "other branch", "different branch", "not this branch",
          "pick another", "wrong guess", "guessed wrong"));
  private static final List<String> SKIP_SAYS = List.of("skip", "skip it", "skip this", "pass", "dont have it",
      "do not have it", "i dont have it", "no output", "none", "n/a", "nothing", "not available", "no idea",
      "cant get it", "lost it");
  private static final int MAX_SKIP_WORDS = 6;

  private Choices() {}

  /**
   * A choice read from what was told before the question came up.
   *
   * @param answer the choice
   * @param said the phrase that told it, or for an error's origin the place it came from
   * @param origin the origin of the pasted error that picked it, or null when words did
   */
  record Guess(Step.Answer answer, String said, Origin origin) {}

  /** Returns every choice the pending question accepts: its own, and "pick another branch" after a guess. */
  static List<Step.Answer> offered(ConversationState state, Step.Question q) {
    if (state.guessedAt == null || !state.checking) {
      return q.choices();
    }
    List<Step.Answer> all = new ArrayList<>(q.choices());
    all.add(OTHER_BRANCH_CHOICE);
    return all;
  }

  /** Returns the choices shown: those a "Did you mean ...?" narrowed to, else every one offered. */
  static List<Step.Answer> shown(ConversationState state, Step.Question q) {
    List<Step.Answer> offered = offered(state, q);
    if (state.clarifying == null) {
      return offered;
    }
    List<Step.Answer> narrowed = offered.stream().filter(c -> state.clarifying.contains(c.value())).toList();
    return narrowed.isEmpty() ? offered : narrowed;
  }

  /** Returns the question as it is asked now. */
  static Reply question(ConversationState state, Step.Question q) {
    List<Step.Answer> shown = shown(state, q);
    Text text = state.clarifying == null ? Text.parse(q.text()) : Text.parse(didYouMean(shown));
    return new Reply.Question(state.token(), text, shown.stream().map(c -> new Choice(c.value(), c.label())).toList());
  }

  /** Returns the text request as it is asked now. */
  static Reply textRequest(ConversationState state, Step.Capture c) {
    List<Choice> alternatives = c.skipLabel() == null ? List.of() : List.of(new Choice(SKIP, c.skipLabel()));
    return new Reply.TextRequest(state.token(), Text.parse(c.text()), alternatives);
  }

  private static String didYouMean(List<Step.Answer> candidates) {
    StringBuilder b = new StringBuilder("Did you mean ");
    for (int i = 0; i < candidates.size(); i++) {
      if (i > 0) {
        b.append(i == candidates.size() - 1 ? " or " : ", ");
      }
      b.append("“").append(candidates.get(i).label()).append("”");
    }
    return b.append("?").toString();
  }

  /**
   * Returns what a reply picks: among the choices a "Did you mean ...?" narrowed to first, then
   * among all the question offers.
   */
  static Match match(ConversationState state, Step.Question q, String text) {
    if (state.clarifying != null) {
      Match narrowed = AnswerMatcher.reply(shown(state, q), text);
      if (narrowed instanceof Match.Picked) {
        return narrowed;
      }
    }
    return AnswerMatcher.reply(offered(state, q), text);
  }

  /** Returns the choice the error already read (from the first paste) answers, if one does. */
  static Optional<Step.Answer> byErrorKind(ConversationState state, Step.Question q) {
    if (state.errorKind == null) {
      return Optional.empty();
    }
    return q.choices().stream().filter(c -> c.errorKinds().contains(state.errorKind)).findFirst();
  }

  /** Returns the choice an error pasted as a reply answers, if it holds one that does. */
  static Optional<Step.Answer> byPastedError(ConversationState state, Step.Question q, String text) {
    if (q.choices().stream().allMatch(c -> c.errorKinds().isEmpty())) {
      return Optional.empty();
    }
    Optional<ParsedError> parsed = ErrorTextParser.parse(text);
    return parsed.flatMap(e -> q.choices().stream().filter(c -> c.errorKinds().contains(e.kind())).findFirst());
  }

  /**
   * Returns the choice that what the person told before this question clearly means. Only a
   * question on the way to a branch is answered so (never a same-path check, nor the status page
   * question, which is about the page now), and never one the person asked to answer themselves.
   */
  static Optional<Guess> guess(ConversationState state, Step.Question q) {
    if (state.told == null || state.branch != null || state.checking || q.asks() != null
        || state.askOnly.contains(q.id())) {
      return Optional.empty();
    }
    Optional<Guess> gateway = byOrigin(state, q, Origin.GATEWAY);
    if (gateway.isPresent()) {
      return gateway; // first: the person must hear that the status page cannot explain it
    }
    Match m = AnswerMatcher.clues(q.choices(), state.told);
    if (m instanceof Match.Picked p) {
      return Optional.of(new Guess(p.answer(), p.said(), null));
    }
    return byOrigin(state, q, Origin.SIGN_IN);
  }

  private static Optional<Guess> byOrigin(ConversationState state, Step.Question q, Origin origin) {
    if (state.origin != origin) {
      return Optional.empty();
    }
    String from = origin == Origin.GATEWAY ? state.gateway : "the sign-in page";
    return q.choices().stream().filter(c -> c.origins().contains(origin)).findFirst()
        .map(c -> new Guess(c, from, origin));
  }

  /** Returns true when a short reply to a text request says to skip it. */
  static boolean skips(Step.Capture c, String text) {
    if (c.skipLabel() == null || text.strip().split("\\s+").length > MAX_SKIP_WORDS) {
      return false;
    }
    Step.Answer skip = Step.Answer.of(SKIP, c.skipLabel(), c.next(), SKIP_SAYS);
    return AnswerMatcher.reply(List.of(skip), text) instanceof Match.Picked;
  }

  /** Returns "1) A, 2) B, ...". */
  static String numbered(List<Step.Answer> choices) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < choices.size(); i++) {
      parts.add((i + 1) + ") " + choices.get(i).label());
    }
    return String.join(", ", parts);
  }
}
