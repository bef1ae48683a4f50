package dev.claude500.slack;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Slack adapter needs to know: its tokens and where the Web API is.
 *
 * @param botToken the bot token ({@code xoxb-...}) every Web API call uses
 * @param signingSecret the signing secret that verifies HTTP requests; required in HTTP mode
 * @param appToken the app-level token ({@code xapp-...}); when present the adapter uses Socket Mode
 * @param apiUrl the Web API base every call goes to, ending in a slash (e.g. {@code https://slack.com/api/})
 */
public record SlackSettings(String botToken, Optional<String> signingSecret, Optional<String> appToken, String apiUrl) {
  /** The Web API base Slack itself serves. */
  public static final String DEFAULT_API_URL = "https://slack.com/api/";

  /** Validates; adds the trailing slash to {@code apiUrl} when it is missing. */
  public SlackSettings {
    Objects.requireNonNull(botToken, "botToken");
    Objects.requireNonNull(signingSecret, "signingSecret");
    Objects.requireNonNull(appToken, "appToken");
    Objects.requireNonNull(apiUrl, "apiUrl");
    if (botToken.isBlank()) {
      throw new IllegalArgumentException("botToken must not be blank");
    }
    if (appToken.isEmpty() && signingSecret.filter(s -> !s.isBlank()).isEmpty()) {
      throw new IllegalArgumentException("signingSecret is required in HTTP mode (no appToken)");
    }
    URI uri = URI.create(apiUrl);
    if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
        || uri.getHost() == null) {
      throw new IllegalArgumentException("apiUrl must be an http(s) URL with a host: " + apiUrl);
    }
    apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
  }

  /** Returns true when the adapter connects by Socket Mode rather than taking HTTP requests. */
  public boolean socketMode() {
    return appToken.isPresent();
  }

  @Override
  public String toString() {
    return "SlackSettings[" + (socketMode() ? "socket mode" : "http mode") + ", apiUrl=" + apiUrl + "]";
  }
}
