package dev.claude500.playbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds where the phrases of a question's choices stand in a text, for {@link AnswerMatcher}: each
 * phrase is compared word by word, a word matching as written, by its stem, or (in a reply short
 * enough to be typed) with a small typo forgiven; then overlapping finds are settled so that a
 * phrase inside a longer one is not counted twice. Stateless and thread-safe; the terms of
 * playbook phrases are kept once read.
 */
final class PhraseHits {
  private static final LevenshteinDistance ONE_EDIT = new LevenshteinDistance(1);
  private static final LevenshteinDistance TWO_EDITS = new LevenshteinDistance(2);
  private static final double TYPO = 0.75;
  private static final int MAX_KEPT_PHRASES = 10_000;
  private static final Map<String, Term[]> PHRASES = new ConcurrentHashMap<>();
  /** Typos are forgiven in replies; in a long paste only words as written (or their stems) count. */
  private static final int MAX_FORGIVING_WORDS = 60;

  private PhraseHits() {}

  /** One place a phrase of a choice was found. */
  record Hit(int choice, String phrase, int start, int length, double score) {}

  /**
   * A word made ready for comparing: its text, its stem, and whether it must be written exactly
   * (commands, flags and codes: /login is not /logout, 500 not 501; a code's plural, 500s, is 500).
   */
  private record Term(String text, String stem, boolean exact, boolean digits) {
    static Term of(String w) {
      boolean digits = w.chars().anyMatch(Character::isDigit);
      return new Term(w, Words.stem(w), w.startsWith("/") || w.startsWith("-") || digits,
          !w.isEmpty() && Character.isDigit(w.charAt(0)));
    }
  }

  /** A text made ready for matching: its terms, where each stem stands, and whether typos are forgiven. */
  static final class Reading {
    final List<Words.Word> words;
    final Term[] terms;
    final Map<String, List<Integer>> byStem = new HashMap<>();
    final boolean forgiving;

    Reading(List<Words.Word> words) {
      this.words = words;
      this.terms = new Term[words.size()];
      for (int i = 0; i < terms.length; i++) {
        terms[i] = Term.of(words.get(i).text());
        byStem.computeIfAbsent(terms[i].stem(), k -> new ArrayList<>()).add(i);
      }
      this.forgiving = terms.length <= MAX_FORGIVING_WORDS;
    }
  }

  /** Adds to {@code hits} every place {@code phrase}, a phrase of choice {@code choice}, stands in {@code text}. */
  static void find(Reading text, int choice, String phrase, List<Hit> hits) {
    Term[] p = phraseTerms(phrase);
    int n = text.terms.length;
    if (p.length == 0 || p.length > n) {
      return;
    }
    if (text.forgiving) {
      for (int i = 0; i + p.length <= n; i++) {
        hitAt(text, choice, phrase, p, i, hits);
      }
      return;
    }
    for (int i : text.byStem.getOrDefault(p[0].stem(), List.of())) {
      if (i + p.length <= n) {
        hitAt(text, choice, phrase, p, i, hits);
      }
    }
  }

  private static void hitAt(Reading text, int choice, String phrase, Term[] p, int i, List<Hit> hits) {
    double score = 0;
    for (int j = 0; j < p.length; j++) {
      double s = likeness(p[j], text.terms[i + j], text.forgiving);
      if (s == 0) {
        return;
      }
      score += s;
    }
    hits.add(new Hit(choice, phrase, i, p.length, score));
  }

  /** Returns a phrase's terms; phrases come from playbooks, so there are few and they are kept. */
  private static Term[] phraseTerms(String phrase) {
    Term[] known = PHRASES.get(phrase);
    if (known != null) {
      return known;
    }
    Term[] terms = Words.of(phrase).stream().map(w -> Term.of(w.text())).toArray(Term[]::new);
    if (PHRASES.size() < MAX_KEPT_PHRASES) {
      PHRASES.put(phrase, terms);
    }
    return terms;
  }

  /**
   * Returns 1 for the same word (or the same stem), {@link #TYPO} for a small typo when typos are
   * forgiven, else 0.
   */
  private static double likeness(Term want, Term got, boolean forgiving) {
    if (want.text().equals(got.text())) {
      return 1;
    }
    if (want.stem().equals(got.stem()) && (!want.exact() || want.digits())) {
      return 1;
    }
    String w = want.text();
    String g = got.text();
    if (!forgiving || want.exact() || got.exact() || Math.min(w.length(), g.length()) < 5
        || Math.abs(w.length() - g.length()) > 2) {
      return 0;
    }
    LevenshteinDistance d = w.length() >= 8 ? TWO_EDITS : ONE_EDIT;
    return d.apply(w, g) >= 0 ? TYPO : 0;
  }

  /** Keeps the longest, best hits that do not overlap (a phrase inside a longer one is not counted twice). */
  static List<Hit> claim(List<Hit> hits) {
    hits.sort(Comparator.comparingInt(Hit::length).reversed().thenComparing(Comparator.comparingDouble(Hit::score).reversed())
        .thenComparingInt(Hit::start));
    List<Hit> kept = new ArrayList<>();
    for (Hit h : hits) {
      boolean overlaps = false;
      for (Hit k : kept) {
        if (h.start() < k.start() + k.length() && k.start() < h.start() + h.length()) {
          overlaps = true;
          break;
        }
      }
      if (!overlaps) {
        kept.add(h);
      }
    }
    return kept;
  }
}
