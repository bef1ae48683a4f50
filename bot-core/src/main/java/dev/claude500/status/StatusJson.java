package dev.claude500.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reads and writes Statuspage v2 JSON onto this package's records.
 *
 * <p>The mapper maps {@code snake_case} names onto the records' components, ignores properties it
 * does not know, reads ISO-8601 instants, and is lenient about nulls and missing values (the
 * records' constructors turn them into empty lists and {@code UNKNOWN} enum values). It refuses
 * trailing garbage after the JSON value, so a truncated or doubled body never half-parses.
 */
public final class StatusJson {
  private static final ObjectMapper SHARED = newMapper();
  private static final TypeReference<List<Incident>> INCIDENT_ARRAY = new TypeReference<>() {};

  private StatusJson() {}

  /**
   * Returns a new mapper configured for Statuspage JSON. Each call returns a fresh instance, so a
   * caller may configure its copy further without affecting anyone else.
   */
  public static ObjectMapper newMapper() {
    ObjectMapper mapper =
        JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .build();
    // "" where an instant or an object belongs reads as null rather than failing the whole page.
    mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull);
    return mapper;
  }

  /** Returns the package's shared mapper; callers must not reconfigure it. */
  static ObjectMapper mapper() {
    return SHARED;
  }

  /**
   * Reads a {@code /api/v2/summary.json} body.
   *
   * @throws IOException when the bytes are not JSON of that shape
   */
  public static Summary readSummary(byte[] json) throws IOException {
    return SHARED.readValue(json, Summary.class);
  }

  /**
   * Reads an {@code /api/v2/incidents.json} (or {@code incidents/unresolved.json}) body.
   *
   * @throws IOException when the bytes are not JSON of that shape
   */
  public static IncidentList readIncidentList(byte[] json) throws IOException {
    return SHARED.readValue(json, IncidentList.class);
  }

  /**
   * Reads a bare JSON array of incidents, as archives of the page store them.
   *
   * @throws IOException when the bytes are not JSON of that shape
   */
  public static List<Incident> readIncidentArray(byte[] json) throws IOException {
    return SHARED.readValue(json, INCIDENT_ARRAY);
  }

  /**
   * Returns the value as Statuspage-shaped JSON bytes (snake_case names, ISO instants).
   *
   * @throws UncheckedIOException when the value cannot be serialised (never for this package's
   *     records)
   */
  public static byte[] write(Object value) {
    try {
      return SHARED.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
