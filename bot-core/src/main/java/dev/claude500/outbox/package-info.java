/**
 * The one way the bot's own messages reach a chat: triage replies, idle-triage summaries, incident
 * and maintenance posts with their thread updates and edits, follow-ups, and any other post, thread
 * reply or edit the core or an adapter queues.
 *
 * <p>{@link dev.claude500.outbox.Outbox} takes {@link dev.claude500.outbox.Outgoing} messages, writes
 * them to an {@link dev.claude500.outbox.OutboxStore} before sending them, and delivers them through
 * each platform's {@link dev.claude500.chat.ChatPort}: in order per thread or channel, a
 * {@code Retry-After} parking only its channel (or its workspace, when the platform says the limit
 * covers it), other passing failures backed off, exactly once through the post ledger. A message may
 * hang from a top-level post still queued, by that post's item key; an {@link
 * dev.claude500.outbox.Owner} (the incident watcher) decides when its messages may go out (while it
 * holds the lease). {@link dev.claude500.outbox.IdleSummaries} closes idle triages through it. Time
 * comes from an injected clock and {@link dev.claude500.outbox.Scheduler}.
 */
package dev.claude500.outbox;
