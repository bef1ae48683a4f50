package dev.claude500.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Tells which choice of a question a person's words pick. One matcher for every surface: a
 * reply is tried as a choice's value, then its label, then its number, then for what its words
 * mean (the choice's {@link Step.Answer#says() says} phrases, read with small typos forgiven and
 * with negation: "not on login" does not pick login). Prose told earlier is read for its words
 * only ({@link #clues}). Stateless and thread-safe; bounded by {@link Words#MAX_WORDS}.
 */
public final class AnswerMatcher {
  private static final int NEGATION_REACH = 3;
  private static final double LAST_CLAUSE = 1.5;
  /**
   * HTTP reason phrases any server prints, Anthropic's edge included: their words ("gateway") are no
   * clue that a gateway of the person's own is in the way, so they are read as meaning nothing.
   */
  private static final List<String> NAMES_NOTHING =
      List.of("bad gateway", "gateway timeout", "gateway time-out", "gateway time out", "no healthy upstream");
  private static final int NOTHING = -1;

  private AnswerMatcher() {}

  /** How a reply was matched. */
  public enum How {
    /** The reply was a choice's value. */
    VALUE,
    /** The reply was a choice's label. */
    LABEL,
    /** The reply was a choice's number (1 for the first). */
    NUMBER,
    /** The reply's words mean the choice. */
    WORDS
  }

  /** What a reply picks. */
  public sealed interface Match {
    /**
     * One choice, clearly.
     *
     * @param answer the choice
     * @param how how it was recognised
     * @param said for {@link How#WORDS}: the phrase recognised, as the choice's data spells it
     */
    record Picked(Step.Answer answer, How how, String said) implements Match {
      /** Rejects nulls. */
      public Picked {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(how, "how");
        Objects.requireNonNull(said, "said");
      }
    }

    /**
     * Two or more choices fit equally well; the person should be asked which.
     *
     * @param candidates the choices that fit, in the question's order
     */
    record Ambiguous(List<Step.Answer> candidates) implements Match {
      /** Copies the list. */
      public Ambiguous {
        candidates = List.copyOf(candidates);
      }
    }

    /** Nothing fits. */
    record None() implements Match {}
  }

  /**
   * Returns the choice a typed reply picks: its value, label or number, else its words.
   *
   * @param choices the question's choices, in order
   * @param text what the person wrote
   */
  public static Match reply(List<Step.Answer> choices, String text) {
    String t = bare(Objects.requireNonNull(text, "text"));
    if (t.isEmpty()) {
      return new Match.None();
    }
    for (Step.Answer c : choices) {
      if (c.value().equalsIgnoreCase(t)) {
        return new Match.Picked(c, How.VALUE, c.value());
      }
    }
    for (Step.Answer c : choices) {
      if (bare(c.label()).equals(t)) {
        return new Match.Picked(c, How.LABEL, c.label());
      }
    }
    int n = number(t);
    if (n >= 1 && n <= choices.size()) {
      return new Match.Picked(choices.get(n - 1), How.NUMBER, Integer.toString(n));
    }
    return clues(choices, text);
  }

  /**
   * Returns the choice that words told in prose (a first message, a paste) clearly mean; numbers,
   * values and labels are not looked for, since prose is not an answer to a question not yet asked.
   */
  public static Match clues(List<Step.Answer> choices, String text) {
    List<Words.Word> words = Words.of(Objects.requireNonNull(text, "text"));
    if (words.isEmpty()) {
      return new Match.None();
    }
    PhraseHits.Reading reading = new PhraseHits.Reading(words);
    List<PhraseHits.Hit> hits = new ArrayList<>();
    for (String phrase : NAMES_NOTHING) {
      PhraseHits.find(reading, NOTHING, phrase, hits);
    }
    for (int c = 0; c < choices.size(); c++) {
      for (String phrase : choices.get(c).says()) {
        PhraseHits.find(reading, c, phrase, hits);
      }
    }
    return decide(choices, words, PhraseHits.claim(hits));
  }

  /** Returns the reply without case, outer blanks, quotes and final punctuation. */
  private static String bare(String s) {
    String t = s.strip().toLowerCase(Locale.ROOT);
    int end = t.length();
    while (end > 0 && ".!?\"'`*_".indexOf(t.charAt(end - 1)) >= 0) {
      end--;
    }
    int start = 0;
    while (start < end && "\"'`*_#".indexOf(t.charAt(start)) >= 0) {
      start++;
    }
    return t.substring(start, end).strip();
  }

  /** Returns the number a reply such as "2", "2)" or "option 2" gives, or -1. */
  private static int number(String t) {
    String s = t.startsWith("option ") ? t.substring(7).strip() : t;
    if (s.endsWith(")")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.isEmpty() || s.length() > 2 || !s.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Integer.parseInt(s);
  }

  private static Match decide(List<Step.Answer> choices, List<Words.Word> words, List<PhraseHits.Hit> hits) {
    int lastClause = 0;
    for (int i = 0; i < words.size(); i++) {
      if (words.get(i).clauseStart()) {
        lastClause = i;
      }
    }
    double[] score = new double[choices.size()];
    String[] said = new String[choices.size()];
    double[] best = new double[choices.size()];
    for (PhraseHits.Hit h : hits) {
      if (h.choice() == NOTHING || negated(words, h)) {
        continue;
      }
      // people end with what they concluded ("tried /login, didn't help, then it worked"): the last clause weighs more
      score[h.choice()] += h.start() >= lastClause && lastClause > 0 ? h.score() * LAST_CLAUSE : h.score();
      if (h.score() > best[h.choice()]) {
        best[h.choice()] = h.score();
        said[h.choice()] = h.phrase();
      }
    }
    double top = 0;
    for (double s : score) {
      top = Math.max(top, s);
    }
    if (top == 0) {
      return new Match.None();
    }
    List<Step.Answer> leaders = new ArrayList<>();
    int leader = -1;
    for (int c = 0; c < choices.size(); c++) {
      if (score[c] == top) {
        leaders.add(choices.get(c));
        leader = c;
      }
    }
    if (leaders.size() > 1) {
      return new Match.Ambiguous(leaders);
    }
    return new Match.Picked(choices.get(leader), How.WORDS, said[leader]);
  }

  /** Returns true when a negation stands shortly before the hit, in the same clause. */
  private static boolean negated(List<Words.Word> words, PhraseHits.Hit h) {
    if (words.get(h.start()).clauseStart()) {
      return false;
    }
    for (int i = h.start() - 1; i >= 0 && i >= h.start() - NEGATION_REACH; i--) {
      Words.Word w = words.get(i);
      if (Words.negates(words, i)) {
        return true;
      }
      if (w.clauseStart()) {
        return false;
      }
    }
    return false;
  }
}
