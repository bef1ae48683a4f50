/**
 * What the launcher hands every chat adapter: the core's services in one bundle
 * ({@link dev.claude500.adapters.AdapterServices}), which the adapters translate to and from.
 */
package dev.claude500.adapters;
