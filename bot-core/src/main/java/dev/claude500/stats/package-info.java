/**
 * The team's own numbers: {@code /claude500 stats} and the Slack App Home's summary, computed from
 * the records the triage engine keeps ({@link dev.claude500.triage.TriageRecords}) and the status
 * page's recent incidents, shown as a platform-neutral table and drawn as a PNG chart.
 */
package dev.claude500.stats;
