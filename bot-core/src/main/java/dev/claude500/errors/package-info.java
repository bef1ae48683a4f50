/**
 * Reads what people paste (Claude Code's printed error lines in all their mangled forms) into
 * status code, error type, message and request id, and tells the kinds of error apart.
 */
package dev.claude500.errors;
