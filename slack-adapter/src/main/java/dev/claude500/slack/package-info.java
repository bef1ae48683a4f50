/**
 * The Slack adapter: {@code /claude500} with a guided triage in a thread, Block Kit buttons, thread
 * replies, ephemeral status and subscriptions, and the Slack side of the chat port (incident posts).
 *
 * <p>It only translates: Slack payloads become {@code dev.claude500.commands} and {@code triage} calls,
 * their {@code Reply} values become Block Kit. Requests arrive through Bolt for Java, either over
 * HTTP ({@link dev.claude500.slack.SlackAdapter#eventsEndpoint()} on the launcher's server) or over
 * a Socket Mode connection. Every handler acknowledges at once and does the slow work (status page,
 * store, Web API) afterwards on a bounded executor the adapter owns.
 *
 * <p>The public surface is {@link dev.claude500.slack.SlackAdapter} and
 * {@link dev.claude500.slack.SlackSettings}; everything else is package-private.
 */
package dev.claude500.slack;
