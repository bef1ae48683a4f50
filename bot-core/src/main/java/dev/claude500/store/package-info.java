/**
 * Persistence: conversations, channel subscriptions, the ledger of incident posts, the deliveries
 * already seen, and what the incident watcher keeps (its lease among replicas, the triages waiting
 * for an incident to clear, a few values of its own). One contract, two implementations: in memory
 * and JDBC (H2 or PostgreSQL).
 */
package dev.claude500.store;
