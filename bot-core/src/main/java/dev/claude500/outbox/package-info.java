/**
 * The one way the bot's own messages reach a chat: triage replies, idle-triage summaries, and any
 * other post, thread reply or edit the core or an adapter queues.
 *
 * <p>{@link dev.claude500.outbox.Outbox} takes {@link dev.claude500.outbox.Outgoing} messages, writes
 * them to an {@link dev.claude500.outbox.OutboxStore} before sending them, and delivers them through
 * each platform's {@link dev.claude500.chat.ChatPort}: in order per thread or channel, a
 * {@code Retry-After} parking only its channel, other passing failures backed off, exactly once
 * through the post ledger. {@link dev.claude500.outbox.IdleSummaries} closes idle triages through it.
 * Time comes from an injected clock and {@link dev.claude500.outbox.Scheduler}.
 */
package dev.claude500.outbox;
