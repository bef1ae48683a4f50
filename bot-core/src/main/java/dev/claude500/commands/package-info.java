/**
 * The {@code /claude500} commands every surface shares: parsing what follows the command, and one
 * handler ({@link dev.claude500.commands.Commands}) that answers each of them, help and a triage's
 * first message in the words of the surface they are shown on, subscriptions with forgiving
 * component names, kept behind the port this package owns ({@link
 * dev.claude500.commands.SubscriptionStore}; the store implements it).
 */
package dev.claude500.commands;
