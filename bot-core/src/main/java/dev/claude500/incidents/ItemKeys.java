package dev.claude500.incidents;

import dev.claude500.chat.ConversationKey;
import dev.claude500.status.IncidentStatus;
import dev.claude500.status.IncidentUpdate;
import java.util.List;

/**
 * The ledger's item keys, one per thing posted in a channel. Updates are keyed by their own id, so
 * an update that appears late, or with a display time earlier than one already shown, is still
 * posted once.
 */
final class ItemKeys {
  /** The incident id recorded for follow-ups that waited on no incident in particular. */
  static final String ANY_INCIDENT = "page";

  /** The prefix of a resolving update's thread reply. */
  static final String RESOLVED = "resolved/";

  /** The prefixes of every key above: the messages the watcher queues in the outbox and owns there. */
  private static final List<String> PREFIXES = List.of("incident/", "update/", RESOLVED, "postmortem/", "edit/",
      "maintenance-start/", "maintenance-end/", "followup/", "digest/");

  private ItemKeys() {}

  /** Returns true for the key of a message the watcher posts (and only the lease's holder may send). */
  static boolean isWatchers(String itemKey) {
    return itemKey != null && PREFIXES.stream().anyMatch(itemKey::startsWith);
  }

  /** An incident's top-level post. */
  static String incident(String incidentId) {
    return "incident/" + incidentId;
  }

  /** One update's thread reply: {@code resolved/}, {@code postmortem/} or {@code update/} and its id. */
  static String update(IncidentUpdate update) {
    if (update.status() == IncidentStatus.RESOLVED) {
      return RESOLVED + update.id();
    }
    if (update.status() == IncidentStatus.POSTMORTEM) {
      return "postmortem/" + update.id();
    }
    return "update/" + update.id();
  }

  /** The edit that made a top-level post show a state (an update's id, or a word). */
  static String edit(String incidentId, String state) {
    return "edit/" + incidentId + "/" + state;
  }

  /** A digest in an incident's thread of updates held back by filters, keyed by the last update it tells. */
  static String digest(String incidentId, String lastUpdateId) {
    return "digest/" + incidentId + "/" + lastUpdateId;
  }

  /** A maintenance's top-level post, made when it starts. */
  static String maintenanceStart(String maintenanceId) {
    return "maintenance-start/" + maintenanceId;
  }

  /** A maintenance's end, posted in its thread. */
  static String maintenanceEnd(String maintenanceId) {
    return "maintenance-end/" + maintenanceId;
  }

  /** The follow-up posted in a waiting triage's thread. */
  static String followUp(ConversationKey key) {
    return "followup/" + key.platform() + "/" + key.channel() + "/" + key.thread();
  }
}
