package dev.claude500.status;

/**
 * A component and its state, as shown to people.
 *
 * @param id the component id
 * @param name its name
 * @param status its state
 */
public record ComponentState(String id, String name, ComponentStatus status) {}
