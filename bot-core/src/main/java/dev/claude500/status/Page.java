package dev.claude500.status;

import java.time.Instant;

/**
 * The page a response came from.
 *
 * @param id the page id
 * @param name the page's name
 * @param url the page's public address
 * @param updatedAt when the page last changed
 */
public record Page(String id, String name, String url, Instant updatedAt) {}
