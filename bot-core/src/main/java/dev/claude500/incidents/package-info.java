/**
 * The incident watcher: follows the status poller's reads, diffs each against the ledger of what
 * was posted, and queues in the {@link dev.claude500.outbox.Outbox} each incident for the subscribed
 * channels as one post with its updates
 * threaded under it (the post edited to the current state, the resolution also shown in the
 * channel, maintenance windows when they start and end), exactly once per channel through restarts
 * and rate limits. It also tells triages that ended waiting for an incident when it clears, and
 * gives the triage engine a link to the channel's post about an incident.
 *
 * <p>{@link dev.claude500.incidents.IncidentWatcher} is the entry point; {@link
 * dev.claude500.incidents.ChatPorts}, {@link dev.claude500.incidents.IncidentLinks} and {@link
 * dev.claude500.incidents.WaitingTriageRecorder} are what the launcher wires into the rest. It owns
 * the ports of what it keeps (the {@link dev.claude500.incidents.PostLedger}, the {@link
 * dev.claude500.incidents.Leases} among replicas, the {@link dev.claude500.incidents.WaitingTriages},
 * who is hit by each incident ({@link dev.claude500.incidents.IncidentHits}, which each top-level
 * post shows) and its {@link dev.claude500.incidents.WatcherState}); the store implements them.
 */
package dev.claude500.incidents;
