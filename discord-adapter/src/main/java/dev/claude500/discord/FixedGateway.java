package dev.claude500.discord;

import java.util.Objects;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/** JDA's session controller, connecting to a configured gateway instead of Discord's own. */
final class FixedGateway extends SessionControllerAdapter {
  private final String url;

  FixedGateway(String url) {
    this.url = Objects.requireNonNull(url, "url");
  }

  @Override
  public String getGateway() {
    return url;
  }
}
