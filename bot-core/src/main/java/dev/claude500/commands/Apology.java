package dev.claude500.commands;

import dev.claude500.chat.Reply;
import dev.claude500.chat.Text;
import dev.claude500.store.StoreException;

/**
 * What a person is told, on every platform, when the bot could not carry out their request because
 * of a fault on its own side.
 *
 * <p>A store that cannot be reached for a moment (the database restarting, a network blip) gets
 * its own short apology: every change the bot makes to a triage is one write that either happens
 * or does not, so nothing of the request was applied and trying again is safe. The bot recovers by
 * itself once the store answers again. Stateless.
 */
public final class Apology {
  /** The apology when the store cannot be reached. */
  public static final String STORE_UNREACHABLE =
      "Sorry, I can't reach my database right now, so I did not act on that. Please try again in a minute.";

  /** The apology for any other fault on the bot's side. */
  public static final String SOMETHING_WENT_WRONG = "Sorry, something went wrong on my side. Please try again.";

  private Apology() {}

  /** Returns the apology for a request that failed with {@code failure}. */
  public static Text textFor(Throwable failure) {
    return Text.plain(isStoreOutage(failure) ? STORE_UNREACHABLE : SOMETHING_WENT_WRONG);
  }

  /** Returns the apology for a request that failed with {@code failure}, as a message. */
  public static Reply forFailure(Throwable failure) {
    return new Reply.Message(textFor(failure));
  }

  /** Returns true when {@code failure}, or one of its causes, is the store failing. */
  public static boolean isStoreOutage(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StoreException) {
        return true;
      }
    }
    return false;
  }
}
