/**
 * Evidence people hand over: secrets redacted and sizes bounded before anything is stored or
 * shown, and the escalation report support receives.
 */
package dev.claude500.evidence;
