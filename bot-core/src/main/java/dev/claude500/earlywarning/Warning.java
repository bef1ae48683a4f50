package dev.claude500.earlywarning;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One early warning: a cluster of triages failing on a green page in one workspace.
 *
 * @param id its id, in the item keys of its posts
 * @param workspace the workspace or server, as {@code <platform>:<id>}
 * @param firstAt when the first triage of the cluster failed: the cluster is every signal since
 * @param openedAt when the warning was opened
 * @param openedWith how many triages the first post showed
 * @param closing how it was closed, once it was
 */
public record Warning(String id, String workspace, Instant firstAt, Instant openedAt, int openedWith,
    Optional<Closing> closing) {
  /** Validates. */
  public Warning {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(firstAt, "firstAt");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(closing, "closing");
    if (openedWith < 1) {
      throw new IllegalArgumentException("openedWith must be positive");
    }
  }

  /** Returns true until it is closed. */
  public boolean isOpen() {
    return closing.isEmpty();
  }

  /**
   * How a warning ended.
   *
   * @param at when
   * @param incidentId the incident that appeared on the page, if one did (else the window passed quietly)
   * @param incidentName its title
   * @param incidentLink its public page
   */
  public record Closing(Instant at, Optional<String> incidentId, Optional<String> incidentName,
      Optional<String> incidentLink) {
    /** Validates. */
    public Closing {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(incidentId, "incidentId");
      Objects.requireNonNull(incidentName, "incidentName");
      Objects.requireNonNull(incidentLink, "incidentLink");
    }

    /** Returns a closing for a window that passed with no new failing triage. */
    public static Closing quiet(Instant at) {
      return new Closing(at, Optional.empty(), Optional.empty(), Optional.empty());
    }
  }
}
