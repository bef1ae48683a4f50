package dev.claude500.triage;

import dev.claude500.evidence.InputLimits;

/** Turns text people give into evidence: cleaned, secrets redacted, then bounded. */
final class Evidence {
  private static final int PREVIEW_CHARS = 120;

  private Evidence() {}

  /** Returns text safe to store and show: redacted first, then cut with a note saying so. */
  static String keep(String raw) {
    return InputLimits.redactedCut(raw == null ? "" : raw, InputLimits.MAX_EVIDENCE_CHARS).withNote().strip();
  }

  /** Returns a one-line preview of kept evidence for the answers log. */
  static String preview(String kept) {
    String one = kept.replaceAll("\\s+", " ").strip();
    if (one.codePointCount(0, one.length()) <= PREVIEW_CHARS) {
      return one;
    }
    return one.substring(0, one.offsetByCodePoints(0, PREVIEW_CHARS - 1)) + "…";
  }
}
