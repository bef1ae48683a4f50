package dev.claude500.status;

/**
 * A component shown on the page.
 *
 * @param id the component's id, stable while names change
 * @param name its current name
 * @param status its state
 * @param groupId the id of the group it belongs to, or null
 * @param group whether it is a group of other components
 * @param position its place on the page
 */
public record Component(
    String id, String name, ComponentStatus status, String groupId, boolean group, int position) {
  /** Defaults a missing status to unknown. */
  public Component {
    status = status == null ? ComponentStatus.UNKNOWN : status;
  }
}
