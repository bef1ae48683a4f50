package dev.claude500.launcher;

import dev.claude500.adapters.AdapterServices;
import dev.claude500.chat.ChatPort;
import dev.claude500.discord.DiscordAdapter;
import dev.claude500.discord.DiscordSettings;
import java.io.PrintStream;
import java.util.Objects;

/** Discord, as the launcher runs it: the adapter built from the settings, its invite link printed once. */
final class DiscordPlatform implements Platform {
  private final DiscordAdapter adapter;
  private final PrintStream out;

  DiscordPlatform(DiscordSettings settings, AdapterServices services, PrintStream out) {
    this.adapter = new DiscordAdapter(Objects.requireNonNull(settings, "settings"), services);
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public String name() {
    return DiscordAdapter.PLATFORM;
  }

  @Override
  public ChatPort chatPort() {
    return adapter.chatPort();
  }

  @Override
  public void start() throws Exception {
    adapter.start();
    adapter.inviteUrl().ifPresent(url -> {
      out.println("claude500: invite the Discord bot with " + url);
      out.flush();
    });
  }

  @Override
  public boolean isReady() {
    return adapter.isReady();
  }

  @Override
  public void stopTaking() {
    adapter.stopTaking();
  }

  @Override
  public void close() {
    adapter.close();
  }
}
