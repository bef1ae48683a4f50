/**
 * The Statuspage v2 client, the cache in front of it, and the page's data as values.
 *
 * <p>Callers never see an exception from here: a page that is down, slow or garbled yields the
 * last good {@link dev.claude500.status.StatusSnapshot} marked with its age, or an unknown one.
 */
package dev.claude500.status;
