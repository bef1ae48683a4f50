/**
 * The Statuspage v2 client, the one poller that reads the page for the whole process, the cache it
 * feeds, and the page's data as values.
 *
 * <p>{@link dev.claude500.status.StatusPoller} reads the page once per poll interval and hands each
 * read ({@link dev.claude500.status.PageRead}) to {@link dev.claude500.status.CachingStatusSource}
 * (what {@code /claude500 status} and the triage read) and to its listeners (the incident watcher).
 * Callers never see an exception from here: a page that is down, slow or garbled yields the last
 * good {@link dev.claude500.status.StatusSnapshot} marked with its age, or an unknown one.
 */
package dev.claude500.status;
