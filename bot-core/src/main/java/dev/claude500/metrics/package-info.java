/**
 * The bot's metrics: one facade, {@link dev.claude500.metrics.BotMetrics}, naming every meter the
 * other packages record (triages, acknowledgements, status fetches, incident posts, rate-limit waits,
 * store latency) over a Micrometer registry that the launcher serves at {@code GET /metrics}.
 */
package dev.claude500.metrics;
