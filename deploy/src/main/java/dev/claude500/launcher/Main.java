package dev.claude500.launcher;

/** Starts claude500. */
public final class Main {
  private Main() {}

  /** Entry point. */
  public static void main(String[] args) {
    System.out.println("claude500");
  }
}
