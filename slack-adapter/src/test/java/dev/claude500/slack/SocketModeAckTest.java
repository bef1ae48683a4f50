package dev.claude500.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.response.Response;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A Socket Mode ack carries the envelope id and the Bolt response as its payload")
class SocketModeAckTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode ack(Response response) throws Exception {
    return JSON.readTree(SocketModeConnection.ack("env-1", response));
  }

  @Test
  void anEmptyResponseIsABareAck() throws Exception {
    assertThat(ack(Response.ok()).toString()).isEqualTo("{\"envelope_id\":\"env-1\"}");
  }

  @Test
  void aJsonBodyIsThePayload() throws Exception {
    JsonNode ack = ack(Response.json(200, Map.of("text", CommandListener.BUSY, "response_type", "ephemeral")));
    assertThat(ack.path("envelope_id").asText()).isEqualTo("env-1");
    assertThat(ack.path("payload").path("text").asText()).isEqualTo(CommandListener.BUSY);
    assertThat(ack.path("payload").path("response_type").asText()).isEqualTo("ephemeral");
  }

  @Test
  void aPlainTextBodyBecomesThePayloadText() throws Exception {
    Response text = Response.builder().statusCode(200).contentType("text/plain; charset=utf-8").body("a \"quoted\" line").build();
    assertThat(ack(text).path("payload").path("text").asText()).isEqualTo("a \"quoted\" line");
  }
}
