package dev.claude500.launcher;

import java.io.PrintStream;

/** Service mode: the configured chat platforms, until the process is asked to stop. */
final class Service {
  private Service() {}

  static int run(Core core, PrintStream err) {
    err.println("claude500: no chat platform adapter is available in this build yet; "
        + "run with 'console' or unset SLACK_BOT_TOKEN and DISCORD_BOT_TOKEN");
    return 1;
  }
}
