/**
 * The composition root: reads and validates settings, builds the core, and starts what is
 * configured (console mode, Slack, Discord).
 */
package dev.claude500.launcher;
