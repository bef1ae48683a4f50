package dev.claude500.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits what people write into comparable words: lower case, apostrophes dropped ({@code didn't}
 * reads as {@code didnt}), {@code -} and {@code _} inside a word split it ({@code ANTHROPIC_API_KEY}
 * reads as {@code anthropic api key}), while a leading {@code /} or {@code --} stays part of the word
 * ({@code /login}, {@code --resume}). Each word remembers whether a clause break (a comma, a full stop,
 * "but") stands before it, so a negation does not reach across one. Stateless.
 */
final class Words {
  /** Most words of one text that are read; a paste longer than that is judged by its start. */
  static final int MAX_WORDS = 2_000;

  private static final Set<String> BREAK_WORDS = Set.of("but", "although", "though", "however", "except", "then");
  /** Characters that end a clause: punctuation, Claude Code's middle dot, dashes, arrows, line breaks. */
  private static final String CLAUSE_BREAKS = ",;.!?:()\n·•—–|→";

  private Words() {}

  /**
   * One word.
   *
   * @param text the word as compared
   * @param clauseStart true when a clause break stands before it
   */
  record Word(String text, boolean clauseStart) {
    /** Returns the word without a common ending ({@code resuming}, {@code resumed}: {@code resum}). */
    String stem() {
      return Words.stem(text);
    }
  }

  /** Returns the words of {@code text}, at most {@link #MAX_WORDS}. */
  static List<Word> of(String text) {
    List<Word> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean pendingBreak = true;
    int n = text.length();
    for (int i = 0; i < n && out.size() < MAX_WORDS; i++) {
      char c = Character.toLowerCase(text.charAt(i));
      if (Character.isLetterOrDigit(c)) {
        word.append(c);
      } else if (c == '\'' || c == '\u2019' || c == '\u2018') {
        continue; // didn't -> didnt
      } else if (c == '/' && word.length() == 0 || c == '-' && onlyDashes(word)) {
        word.append(c); // /login, --resume
      } else if (c == '.' && word.length() > 0 && i + 1 < n && Character.isLetterOrDigit(text.charAt(i + 1))) {
        word.append(c); // status.claude.com, 2.1.3
      } else {
        pendingBreak = flush(word, out, pendingBreak);
        if (CLAUSE_BREAKS.indexOf(c) >= 0) {
          pendingBreak = true;
        }
      }
    }
    flush(word, out, pendingBreak);
    return out;
  }

  private static boolean onlyDashes(StringBuilder word) {
    for (int i = 0; i < word.length(); i++) {
      if (word.charAt(i) != '-') {
        return false;
      }
    }
    return true;
  }

  /** Adds the word in {@code word}, if any; returns whether the next word starts a clause. */
  private static boolean flush(StringBuilder word, List<Word> out, boolean clauseStart) {
    if (word.length() == 0) {
      return clauseStart;
    }
    String w = trimDashes(word.toString());
    word.setLength(0);
    if (w.isEmpty()) {
      return clauseStart;
    }
    if (BREAK_WORDS.contains(w)) {
      return true;
    }
    out.add(new Word(w, clauseStart));
    return false;
  }

  private static String trimDashes(String w) {
    int end = w.length();
    while (end > 0 && (w.charAt(end - 1) == '-' || w.charAt(end - 1) == '/')) {
      end--;
    }
    String t = w.substring(0, end);
    return t.equals("-") || t.equals("--") || t.equals("/") ? "" : t;
  }

  /** Returns a phrase's words as one normal form (for comparing phrases with each other). */
  static String normal(String phrase) {
    List<String> texts = new ArrayList<>();
    for (Word w : of(phrase)) {
      texts.add(w.text());
    }
    return String.join(" ", texts);
  }

  /** Returns {@code w} without one common ending, keeping at least three letters. */
  static String stem(String w) {
    if (w.length() > 1 && w.endsWith("s") && Character.isDigit(w.charAt(0))) {
      return w.substring(0, w.length() - 1); // 500s, 401's
    }
    for (String end : new String[] {"ing", "ed", "es", "s", "e"}) {
      if (w.length() - end.length() >= 3 && w.endsWith(end) && !w.endsWith("ss")) {
        return w.substring(0, w.length() - end.length());
      }
    }
    return w;
  }

  /**
   * Returns true for words that deny what follows them ("not on login", "isn't a resumed session",
   * "can't make it work"). Where a denial names the failure itself ("can't log in"), the playbook
   * says so with a phrase of its own, which then holds the words.
   */
  static boolean negates(List<Word> words, int i) {
    String w = words.get(i).text();
    if (w.equals("not") && i > 0 && (words.get(i - 1).text().equals("can") || words.get(i - 1).text().equals("could"))) {
      return false; // "can not log in"
    }
    return NEGATORS.contains(w);
  }

  private static final Set<String> NEGATORS =
      Set.of("not", "no", "never", "without", "nor", "neither", "nothing", "none", "hardly", "dont", "doesnt",
          "didnt", "isnt", "wasnt", "arent", "werent", "havent", "hasnt", "hadnt", "aint", "cant", "cannot", "couldnt",
          "wont", "unable");
}
