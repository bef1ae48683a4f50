package dev.claude500.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The bodies Slack sends to {@code POST /slack/events}, as Slack shapes them: a slash command (a
 * form), a button click ({@code block_actions}, a form with one {@code payload} field), a message
 * shortcut ({@code message_action}, the same) and an
 * Events API callback (JSON), for tests that play Slack's side against a bot. Sign them with
 * {@link SlackSigner}. Stateless.
 */
public final class SlackRequests {
  /** The content type of slash commands and interactivity payloads. */
  public static final String FORM = "application/x-www-form-urlencoded";
  /** The content type of Events API callbacks. */
  public static final String JSON_TYPE = "application/json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private SlackRequests() {}

  /**
   * A button in a message the bot posted, and the id of the block holding it.
   *
   * @param element the button element as posted
   * @param blockId its block's id
   */
  public record Button(JsonNode element, String blockId) {
    /** Returns the label people see on the button. */
    public String label() {
      return element.path("text").path("text").asText();
    }
  }

  /** Returns the form of {@code /claude500 <text>} typed by a user in a channel. */
  public static String command(String channelId, String userId, String userName, String text, String triggerId,
      String responseUrl) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", "legacy-token");
    form.put("team_id", FakeSlackApi.TEAM_ID);
    form.put("team_domain", "fake");
    form.put("channel_id", channelId);
    form.put("channel_name", "incidents");
    form.put("user_id", userId);
    form.put("user_name", userName);
    form.put("command", "/claude500");
    form.put("text", text);
    form.put("api_app_id", "A0APP");
    form.put("is_enterprise_install", "false");
    form.put("response_url", responseUrl);
    form.put("trigger_id", triggerId);
    return form(form);
  }

  /** Returns the first button of a posted message that {@code which} accepts, if any. */
  public static Optional<Button> button(FakeSlackApi.Call posted, Predicate<Button> which) {
    for (JsonNode block : posted.json("blocks")) {
      for (JsonNode e : block.path("elements")) {
        Button b = new Button(e, block.path("block_id").asText());
        if (e.path("type").asText().equals("button") && which.test(b)) {
          return Optional.of(b);
        }
      }
    }
    return Optional.empty();
  }

  /** Returns the form of a click on {@code button} in a message the bot posted (a {@code block_actions} payload). */
  public static String click(FakeSlackApi.Call posted, Button button, String userId, String userName, String triggerId,
      String responseUrl) {
    return "payload=" + enc(clickPayload(posted, button, userId, userName, triggerId, responseUrl).toString());
  }

  /** Returns the {@code block_actions} payload of a click on {@code button} in a message the bot posted. */
  public static ObjectNode clickPayload(FakeSlackApi.Call posted, Button button, String userId, String userName,
      String triggerId, String responseUrl) {
    ObjectNode p = JSON.createObjectNode().put("type", "block_actions").put("api_app_id", "A0APP")
        .put("token", "legacy-token").put("trigger_id", triggerId)
        .put("response_url", responseUrl).put("is_enterprise_install", false);
    p.putObject("user").put("id", userId).put("username", userName).put("name", userName)
        .put("team_id", FakeSlackApi.TEAM_ID);
    p.putObject("team").put("id", FakeSlackApi.TEAM_ID).put("domain", "fake");
    p.putObject("channel").put("id", posted.param("channel")).put("name", "incidents");
    p.putObject("container").put("type", "message").put("message_ts", posted.ts())
        .put("channel_id", posted.param("channel")).put("is_ephemeral", false).put("thread_ts", posted.param("thread_ts"));
    ObjectNode message = p.putObject("message").put("type", "message").put("user", FakeSlackApi.BOT_USER_ID)
        .put("ts", posted.ts()).put("thread_ts", posted.param("thread_ts")).put("text", posted.param("text"));
    message.set("blocks", posted.json("blocks"));
    ObjectNode action = p.putArray("actions").addObject().put("action_id", button.element().path("action_id").asText())
        .put("block_id", button.blockId()).put("value", button.element().path("value").asText()).put("type", "button")
        .put("action_ts", "1700000001.000100");
    action.set("text", button.element().path("text"));
    return p;
  }

  /**
   * Returns the {@code message_action} payload of the message shortcut {@code callbackId} used by
   * {@code userId} on {@code message} (as Slack shows the message: its {@code ts}, {@code text},
   * {@code user} or {@code bot_id}, and {@code thread_ts} when it is a reply).
   */
  public static ObjectNode messageShortcut(String callbackId, String channelId, String userId, String userName,
      JsonNode message, String triggerId, String responseUrl) {
    ObjectNode p = JSON.createObjectNode().put("type", "message_action").put("callback_id", callbackId)
        .put("token", "legacy-token").put("trigger_id", triggerId).put("response_url", responseUrl)
        .put("message_ts", message.path("ts").asText()).put("action_ts", "1700000900.000100")
        .put("is_enterprise_install", false);
    p.putObject("team").put("id", FakeSlackApi.TEAM_ID).put("domain", "fake");
    p.putObject("user").put("id", userId).put("name", userName).put("team_id", FakeSlackApi.TEAM_ID);
    p.putObject("channel").put("id", channelId).put("name", "incidents");
    ObjectNode m = message.deepCopy();
    m.remove("channel");
    p.set("message", m);
    return p;
  }

  /** Returns a {@code message} event: a person's new message {@code ts} at the top of a channel. */
  public static ObjectNode topLevelMessage(String channelId, String userId, String text, String ts) {
    return JSON.createObjectNode().put("type", "message").put("channel", channelId).put("user", userId)
        .put("text", text).put("ts", ts).put("event_ts", ts).put("channel_type", "channel");
  }

  /** Returns a {@code message} event: a person's reply {@code ts} in the thread {@code threadTs}. */
  public static ObjectNode threadReply(String channelId, String userId, String text, String ts, String threadTs) {
    return JSON.createObjectNode().put("type", "message").put("channel", channelId).put("user", userId)
        .put("text", text).put("ts", ts).put("thread_ts", threadTs).put("parent_user_id", FakeSlackApi.BOT_USER_ID)
        .put("event_ts", ts).put("channel_type", "channel");
  }

  /** Returns the Events API callback that delivers {@code event}, as JSON text. */
  public static String eventCallback(String eventId, JsonNode event) {
    ObjectNode e = JSON.createObjectNode().put("token", "legacy-token").put("team_id", FakeSlackApi.TEAM_ID)
        .put("api_app_id", "A0APP").put("type", "event_callback").put("event_id", eventId).put("event_time", 1700000500);
    e.set("event", event);
    e.putArray("authorizations").addObject().put("team_id", FakeSlackApi.TEAM_ID)
        .put("user_id", FakeSlackApi.BOT_USER_ID).put("is_bot", true);
    return e.toString();
  }

  /** Returns fields as an URL-encoded form. */
  public static String form(Map<String, String> fields) {
    return fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  /** Returns {@code s} URL-encoded. */
  public static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
