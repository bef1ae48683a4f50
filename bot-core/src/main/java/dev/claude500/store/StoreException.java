package dev.claude500.store;

/** The one unchecked exception persistence failures become. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message and its cause. */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates an exception with a message. */
  public StoreException(String message) {
    super(message);
  }
}
