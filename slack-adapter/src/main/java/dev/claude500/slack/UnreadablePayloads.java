package dev.claude500.slack;

import com.google.gson.JsonParseException;

/**
 * Tells a payload Bolt could not read from a failure of the bot. Bolt reads a payload's parts
 * lazily, as each listener needs them, with Gson and the Slack SDK's type factories; a part of the
 * wrong shape (a block without a {@code type}, a number where an object belongs) fails there,
 * sometimes with a {@link JsonParseException} and sometimes with a bare {@link NullPointerException}
 * or {@link IllegalStateException} thrown by the factory. Such a request is answered as unreadable,
 * not as an error of ours.
 */
final class UnreadablePayloads {
  private static final String[] READERS = {"com.google.gson.", "com.slack.api.util.json."};

  private UnreadablePayloads() {}

  /** Returns whether {@code e} was thrown while a payload's JSON was being read into Slack's types. */
  static boolean isUnreadable(Throwable e) {
    if (e instanceof JsonParseException) {
      return true;
    }
    StackTraceElement[] frames = e.getStackTrace();
    if (!(e instanceof RuntimeException) || frames.length == 0) {
      return false;
    }
    String thrower = frames[0].getClassName();
    for (String reader : READERS) {
      if (thrower.startsWith(reader)) {
        return true;
      }
    }
    return false;
  }
}
