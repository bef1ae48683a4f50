/**
 * The triage engine: one conversation per thread, walked through a playbook, its state kept in the
 * store so any replica can continue it, its evidence redacted and bounded, ending in an outcome or
 * the escalation report.
 */
package dev.claude500.triage;
