/**
 * The triage engine: one conversation per thread, walked through a playbook, its state kept in the
 * store so any replica can continue it, its evidence redacted and bounded, ending in an outcome or
 * the escalation report. It owns the port its conversations are kept behind ({@link
 * dev.claude500.triage.ConversationStore}); the store implements it.
 */
package dev.claude500.triage;
