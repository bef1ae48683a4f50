/**
 * The {@code /claude500} commands every surface shares: parsing what follows the command, and one
 * handler ({@link dev.claude500.commands.Commands}) that answers each of them, help and a triage's
 * first message in the words of the surface they are shown on, subscriptions with forgiving
 * component names.
 */
package dev.claude500.commands;
