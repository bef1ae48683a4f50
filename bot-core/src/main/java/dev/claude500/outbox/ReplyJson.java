package dev.claude500.outbox;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.claude500.chat.Reply;
import dev.claude500.chat.Span;
import java.util.Objects;

/**
 * Writes a {@link Reply} as JSON and reads it back, for an outbox store to keep queued messages
 * in: each reply and span case is named by a {@code "type"} field; records are read through their
 * constructors, so a reply read back is validated as one made in code. Stateless, thread-safe.
 */
public final class ReplyJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addMixIn(Reply.class, ReplyCases.class)
      .addMixIn(Span.class, SpanCases.class)
      .disable(MapperFeature.AUTO_DETECT_GETTERS)
      .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
      .addModule(new Jdk8Module())
      .addModule(new JavaTimeModule())
      .build();

  private ReplyJson() {}

  /** Returns the reply as JSON. */
  public static String write(Reply reply) {
    Objects.requireNonNull(reply, "reply");
    try {
      return MAPPER.writeValueAsString(reply);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write a " + reply.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /**
   * Returns the reply {@link #write} wrote.
   *
   * @throws IllegalArgumentException when {@code json} is not such a reply
   */
  public static Reply read(String json) {
    Objects.requireNonNull(json, "json");
    try {
      return MAPPER.readValue(json, Reply.class);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalArgumentException("not a stored reply: " + e.getMessage(), e);
    }
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
      @JsonSubTypes.Type(value = Reply.Message.class, name = "message"),
      @JsonSubTypes.Type(value = Reply.Question.class, name = "question"),
      @JsonSubTypes.Type(value = Reply.TextRequest.class, name = "text-request"),
      @JsonSubTypes.Type(value = Reply.Report.class, name = "report"),
      @JsonSubTypes.Type(value = Reply.Opening.class, name = "opening"),
      @JsonSubTypes.Type(value = Reply.Status.class, name = "status"),
      @JsonSubTypes.Type(value = Reply.Incident.class, name = "incident")})
  private interface ReplyCases {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
      @JsonSubTypes.Type(value = Span.Plain.class, name = "plain"),
      @JsonSubTypes.Type(value = Span.Strong.class, name = "strong"),
      @JsonSubTypes.Type(value = Span.Code.class, name = "code"),
      @JsonSubTypes.Type(value = Span.Mention.class, name = "mention"),
      @JsonSubTypes.Type(value = Span.Link.class, name = "link")})
  private interface SpanCases {}
}
