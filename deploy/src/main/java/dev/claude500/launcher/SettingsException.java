package dev.claude500.launcher;

/** A setting with a bad value; the message is one line that names the setting. */
public final class SettingsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception naming a setting and what is wrong with it. */
  public SettingsException(Setting setting, String problem) {
    super(setting.name() + ": " + problem);
  }
}
