package dev.claude500.playbook;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a playbook's steps and links; every problem found is reported, not just the first. */
final class PlaybookValidator {
  /** Phrases are words people type, not paragraphs; and every reply is read against all of them. */
  static final int MAX_PHRASE_CHARS = 100;
  static final int MAX_PHRASES = 200;

  private final List<String> problems = new ArrayList<>();

  private PlaybookValidator() {}

  /** Returns the problems of a parsed playbook file, empty when it is sound. */
  static List<String> problems(String id, String title, String start, List<Step> steps) {
    PlaybookValidator v = new PlaybookValidator();
    v.check(id, title, start, steps);
    return v.problems;
  }

  private void check(String id, String title, String start, List<Step> steps) {
    if (blank(id)) {
      problems.add("the playbook has no id");
    }
    if (blank(title)) {
      problems.add("the playbook has no title");
    }
    if (steps == null || steps.isEmpty()) {
      problems.add("the playbook has no steps");
      return;
    }
    Map<String, Step> byId = new LinkedHashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      if (step == null || blank(step.id())) {
        problems.add("step #" + (i + 1) + " has no id");
      } else if (byId.putIfAbsent(step.id(), step) != null) {
        problems.add("step " + step.id() + " is defined twice");
      }
    }
    byId.values().forEach(this::checkTexts);
    if (blank(start)) {
      problems.add("the playbook has no start step");
    } else if (!byId.containsKey(start)) {
      problems.add("the start step " + start + " does not exist");
    }
    byId.values().forEach(step -> checkTargets(step, byId));
    if (!problems.isEmpty()) {
      return;
    }
    checkReachable(start, byId);
    checkExits(byId);
    checkAutomaticLoops(byId);
  }

  private void checkTexts(Step step) {
    String id = step.id();
    if (step instanceof Step.Question q) {
      checkQuestion(q);
    } else if (step instanceof Step.Capture c) {
      require(id, "text", c.text());
      require(id, "evidence", c.evidence());
      require(id, "next", c.next());
    } else if (step instanceof Step.Auto a) {
      checkAuto(a);
    } else if (step instanceof Step.Advice a) {
      require(id, "branch", a.branch());
      require(id, "title", a.title());
      require(id, "owner", a.owner());
      require(id, "firstMove", a.firstMove());
      require(id, "samePathCheck", a.samePathCheck());
      require(id, "escalateWhen", a.escalateWhen());
      require(id, "next", a.next());
    } else if (step instanceof Step.Outcome o) {
      if (o.result() == null) {
        problems.add("step " + id + " has no result");
      }
      require(id, "text", o.text());
      if (o.resumeAt() != null && o.result() != OutcomeKind.WAIT) {
        problems.add("step " + id + " has resumeAt but only a wait outcome can be resumed");
      }
    }
  }

  private void checkQuestion(Step.Question q) {
    String id = q.id();
    require(id, "text", q.text());
    if (q.choices().isEmpty()) {
      problems.add("step " + id + " has no choices");
    }
    Set<String> values = new HashSet<>();
    for (Step.Answer a : q.choices()) {
      if (a == null) {
        problems.add("step " + id + " has an empty choice");
        continue;
      }
      require(id, "choice value", a.value());
      require(id, "choice label", a.label());
      require(id, "choice next", a.next());
      if (a.value() != null && !values.add(a.value())) {
        problems.add("step " + id + " has the choice value " + a.value() + " twice");
      }
      if (q.asks() != null && a.value() != null && !q.asks().results().contains(a.value())) {
        problems.add("step " + id + " asks for the " + q.asks().name().toLowerCase(java.util.Locale.ROOT)
            + " check but its choice " + a.value() + " is not one of the check's results");
      }
    }
    checkSays(q);
  }

  /** Every phrase says something, and no phrase means two choices of one question. */
  private void checkSays(Step.Question q) {
    Map<String, String> owner = new HashMap<>();
    for (Step.Answer a : q.choices()) {
      if (a == null) {
        continue;
      }
      if (a.says().size() > MAX_PHRASES) {
        problems.add("step " + q.id() + " choice " + a.value() + " has more than " + MAX_PHRASES + " phrases in says");
      }
      for (String phrase : a.says()) {
        if (phrase != null && phrase.length() > MAX_PHRASE_CHARS) {
          problems.add("step " + q.id() + " choice " + a.value() + " has a phrase longer than " + MAX_PHRASE_CHARS
              + " characters in says");
          continue;
        }
        String normal = phrase == null ? "" : Words.normal(phrase);
        if (normal.isEmpty()) {
          problems.add("step " + q.id() + " choice " + a.value() + " has an empty phrase in says"
              + (phrase == null || phrase.isBlank() ? "" : " (\"" + phrase + "\" has no words)"));
          continue;
        }
        String other = owner.putIfAbsent(normal, a.value());
        if (other != null && !other.equals(a.value())) {
          problems.add("step " + q.id() + " has the phrase \"" + phrase + "\" in the says of both " + other
              + " and " + a.value());
        } else if (other != null) {
          problems.add("step " + q.id() + " choice " + a.value() + " has the phrase \"" + phrase + "\" twice");
        }
      }
    }
  }

  private void checkAuto(Step.Auto a) {
    String id = a.id();
    if (a.check() == null) {
      problems.add("step " + id + " has no check");
      return;
    }
    for (String result : a.check().results()) {
      if (!a.routes().containsKey(result)) {
        problems.add("step " + id + " has no route for the result " + result);
      }
    }
    for (String result : a.routes().keySet()) {
      if (!a.check().results().contains(result)) {
        problems.add("step " + id + " routes a result its check never gives: " + result);
      }
    }
  }

  private void checkTargets(Step step, Map<String, Step> byId) {
    for (String target : step.targets()) {
      if (target != null && !byId.containsKey(target)) {
        problems.add("step " + step.id() + " leads to unknown step " + target);
      }
    }
  }

  private void checkReachable(String start, Map<String, Step> byId) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(start));
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (seen.add(id)) {
        todo.addAll(byId.get(id).targets());
      }
    }
    byId.keySet().stream()
        .filter(id -> !seen.contains(id))
        .forEach(id -> problems.add("step " + id + " cannot be reached from the start"));
  }

  private void checkExits(Map<String, Step> byId) {
    Map<String, List<String>> incoming = new HashMap<>();
    byId.values().forEach(s -> s.targets().forEach(t ->
        incoming.computeIfAbsent(t, k -> new ArrayList<>()).add(s.id())));
    Set<String> canEnd = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    byId.values().stream().filter(s -> s instanceof Step.Outcome).forEach(s -> todo.add(s.id()));
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (canEnd.add(id)) {
        todo.addAll(incoming.getOrDefault(id, List.of()));
      }
    }
    byId.keySet().stream()
        .filter(id -> !canEnd.contains(id))
        .forEach(id -> problems.add("step " + id + " is in a cycle without an exit: no outcome can be reached from it"));
  }

  /** A loop made only of steps the bot answers itself would never stop to wait. */
  private void checkAutomaticLoops(Map<String, Step> byId) {
    Map<String, Integer> state = new HashMap<>();
    for (Step step : byId.values()) {
      if (isAutomatic(step) && !state.containsKey(step.id())) {
        findLoops(step.id(), byId, state);
      }
    }
  }

  /**
   * Walks depth first from {@code start} through automatic steps, reporting each step a walk comes
   * back to while still on it ({@code state} 1: on the current path, 2: done). Iterative, so that a
   * long chain of steps cannot exhaust the stack.
   */
  private void findLoops(String start, Map<String, Step> byId, Map<String, Integer> state) {
    Deque<String> path = new ArrayDeque<>(List.of(start));
    Deque<Iterator<String>> next = new ArrayDeque<>(List.of(byId.get(start).targets().iterator()));
    state.put(start, 1);
    while (!next.isEmpty()) {
      Iterator<String> targets = next.peek();
      if (!targets.hasNext()) {
        state.put(path.pop(), 2);
        next.pop();
        continue;
      }
      String target = targets.next();
      if (!isAutomatic(byId.get(target))) {
        continue;
      }
      Integer s = state.get(target);
      if (s == null) {
        state.put(target, 1);
        path.push(target);
        next.push(byId.get(target).targets().iterator());
      } else if (s == 1) {
        problems.add("step " + target + " loops through automatic steps without ever asking or ending");
      }
    }
  }

  private static boolean isAutomatic(Step step) {
    return !step.waitsForPerson() && !(step instanceof Step.Outcome);
  }

  private void require(String stepId, String field, String value) {
    if (blank(value)) {
      problems.add("step " + stepId + " has no " + field);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
