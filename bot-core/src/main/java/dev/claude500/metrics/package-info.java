/**
 * The bot's metrics: one facade, {@link dev.claude500.metrics.BotMetrics}, naming every meter the
 * other packages record (triages, acknowledgements, status fetches, incident posts, rate-limit waits,
 * store latency, HTTP connections cut and requests refused) over a Micrometer registry that the
 * launcher serves at {@code GET /metrics}; and {@link dev.claude500.metrics.OncePer}, which keeps a
 * flood of like events to one log line a period.
 */
package dev.claude500.metrics;
