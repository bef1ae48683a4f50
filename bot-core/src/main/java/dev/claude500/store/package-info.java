/**
 * Persistence over JDBC (H2 or PostgreSQL): the schema and its migrations, and the implementations
 * of the ports each capability owns (conversations in {@code triage}, subscriptions in
 * {@code commands}, the ledger of incident posts, the lease among replicas, the triages waiting for
 * an incident to clear and the watcher's own values in {@code incidents}, the deliveries already
 * seen in {@code chat}), behind one handle ({@link dev.claude500.store.Store}) the launcher opens;
 * and, on PostgreSQL, the relay that passes status-page pokes among replicas ({@link
 * dev.claude500.store.PokeRelay}).
 */
package dev.claude500.store;
