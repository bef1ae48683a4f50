/**
 * Reads what people paste (Claude Code's printed error lines in all their mangled forms, JSON
 * bodies, limit, sign-in and install messages, prose) into status code, error type, message and
 * request id, tells the kinds of error apart, tells where each came from (the API, the sign-in
 * page, a gateway), and picks the one a triage should take.
 */
package dev.claude500.errors;
