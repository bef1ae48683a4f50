/**
 * The {@code /claude500} commands every platform shares: parsing what follows the command, help,
 * status at a glance, and channel subscriptions with forgiving component names.
 */
package dev.claude500.bot;
