/**
 * Persistence: conversations, channel subscriptions, the ledger of incident posts, and the
 * deliveries already seen. One contract, two implementations: in memory and JDBC (H2 or PostgreSQL).
 */
package dev.claude500.store;
