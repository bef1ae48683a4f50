package dev.claude500.hits;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.MessageRef;
import java.util.Objects;

/**
 * A click on the "I'm hit too" button, as an adapter maps it from its platform.
 *
 * @param deliveryId the platform's id of this click (Slack's {@code trigger_id}, a Discord
 *     interaction id): a repeated delivery of the same click carries the same one
 * @param post the message the button is on
 * @param incidentId the incident the button names
 * @param personId who clicked, as the platform names them
 */
public record HitClick(String deliveryId, MessageRef post, String incidentId, String personId) {
  /** Validates every part: ids of 1..200 characters, not blank. */
  public HitClick {
    ChannelRef.requireToken(deliveryId, "deliveryId");
    Objects.requireNonNull(post, "post");
    ChannelRef.requireToken(incidentId, "incidentId");
    ChannelRef.requireToken(personId, "personId");
  }
}
