package dev.claude500.incidents;

import dev.claude500.chat.ChannelRef;

/**
 * Where people hit by an incident are counted together: one incident in one workspace (Slack) or
 * server (Discord) of one platform.
 *
 * @param incidentId the incident
 * @param platform the platform's short name
 * @param workspace the workspace or server, as {@link dev.claude500.chat.ChatPort#workspace} names it
 */
public record HitScope(String incidentId, String platform, String workspace) {
  /** Validates every part: 1..200 characters, not blank. */
  public HitScope {
    ChannelRef.requireToken(incidentId, "incidentId");
    ChannelRef.requireToken(platform, "platform");
    ChannelRef.requireToken(workspace, "workspace");
  }
}
