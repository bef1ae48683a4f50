package dev.claude500.status;

/**
 * A component an incident update changed.
 *
 * @param code the component's id
 * @param name its name when the update was written
 * @param oldStatus its state before
 * @param newStatus its state after
 */
public record AffectedComponent(
    String code, String name, ComponentStatus oldStatus, ComponentStatus newStatus) {
  /** Defaults missing states to unknown. */
  public AffectedComponent {
    oldStatus = oldStatus == null ? ComponentStatus.UNKNOWN : oldStatus;
    newStatus = newStatus == null ? ComponentStatus.UNKNOWN : newStatus;
  }
}
