/**
 * Who is hit by an incident, on its post: the "I'm hit too" button's clicks ({@link
 * dev.claude500.hits.HitButton}, which every chat adapter calls), the people whose triages wait on
 * the incident ({@link dev.claude500.hits.HitRecorder}), and the post edited to the count as it
 * changes, at most once per {@link dev.claude500.hits.HitEdits#EVERY} per post, through the outbox.
 * The count itself is kept in the store ({@link dev.claude500.incidents.IncidentHits}), so every
 * replica shows the same number.
 */
package dev.claude500.hits;
