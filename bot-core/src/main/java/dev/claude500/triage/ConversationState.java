package dev.claude500.triage;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.claude500.chat.Actor;
import dev.claude500.errors.ErrorKind;
import dev.claude500.errors.Origin;
import dev.claude500.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A conversation's state, stored as JSON so any replica can continue it. Not thread-safe. */
@JsonAutoDetect(
    fieldVisibility = JsonAutoDetect.Visibility.ANY,
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_NULL)
final class ConversationState {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  String playbookId;
  String stepId;
  int turn;
  boolean open = true;
  TriageOutcome outcome;
  String branch;
  /** True between a branch's advice and the answer to its same-path check. */
  boolean checking;
  /** The answer to the last same-path check (the first question after a branch's advice). */
  String samePathResult;
  String resumeAt;
  /** The turn a resume left the triage at; equal to {@link #turn} until someone answers. */
  Integer resumedTurn;
  Instant startedAt;
  Instant updatedAt;
  /** When the first branch advice was given; null before (and in triages stored before it was kept). */
  Instant firstMoveAt;
  /** When the triage ended; null while it is open. */
  Instant endedAt;
  Actor startedBy;
  /** The person the error hit, when not the one who started the triage (a triage of their message). */
  Actor hit;
  ErrorKind errorKind;
  /** Where the pasted error came from, when not from Anthropic's API: the sign-in page or a gateway. */
  Origin origin;
  /** The gateway or provider that answered, for {@link Origin#GATEWAY}. */
  String gateway;
  int questions;
  /** How many questions were asked before the first branch advice, once it was reached. */
  Integer questionsToFirstMove;
  StatusRecord statusAtFailure;
  Map<String, String> evidence = new LinkedHashMap<>();
  /** What the person wrote before a branch was reached (redacted, bounded): read for clues. */
  String told;
  /** The question last answered from what was told, which "pick another branch" returns to. */
  String guessedAt;
  /** Questions the person asked to answer themselves: never answered from what was told again. */
  Set<String> askOnly = new LinkedHashSet<>();
  /** The values a "Did you mean ...?" narrowed the pending question to; null when not asked. */
  List<String> clarifying;
  List<AnswerRecord> answers = new ArrayList<>();

  /** Returns the token of the step now waiting for a person. */
  String token() {
    return stepId + "@" + turn;
  }

  String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new StoreException("cannot write a conversation's state", e);
    }
  }

  static ConversationState fromJson(String json) {
    try {
      return JSON.readValue(json, ConversationState.class);
    } catch (JsonProcessingException e) {
      throw new StoreException("a stored conversation's state cannot be read", e);
    }
  }

  /**
   * One answer given.
   *
   * @param stepId the step answered
   * @param question the question's text
   * @param answer the answer's label, or the text given (redacted, shortened)
   * @param actorId who answered
   * @param actorName their display name
   * @param at when
   * @param automatic true when the bot answered from pasted text
   */
  record AnswerRecord(
      String stepId, String question, String answer, String actorId, String actorName, Instant at,
      boolean automatic) {}

  /**
   * What the status step found when the triage looked.
   *
   * @param result red, green or unknown
   * @param colour the page's colour word
   * @param incidentId the relevant open incident, if any
   * @param incidentName its title
   * @param incidentLink its public page
   * @param incidentState its impact and status words
   * @param asOf when the page data was fetched, if ever
   * @param answeredByPerson true when a person told the bot because the page could not be read
   */
  record StatusRecord(
      String result, String colour, String incidentId, String incidentName, String incidentLink,
      String incidentState, Instant asOf, boolean answeredByPerson) {}
}
