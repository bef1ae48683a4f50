/**
 * The early warning: when several triages in one workspace or server fail on a green status page
 * within a window, one warning goes to the channels subscribed there, is edited as the cluster grows
 * and is closed with a note when an incident appears or the window passes quietly. Its state is in
 * the store ({@link dev.claude500.earlywarning.EarlyWarningStore}), so replicas agree on one warning.
 */
package dev.claude500.earlywarning;
