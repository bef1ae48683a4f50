/**
 * The platform-neutral message model and the port every chat adapter implements.
 *
 * <p>The core speaks in {@link dev.claude500.chat.Reply} values made of {@link dev.claude500.chat.Text};
 * Slack, Discord and the console each render them in their own way and nothing more. Adapters
 * apply a retried delivery once through {@link dev.claude500.chat.SeenDeliveries}, which the store
 * implements.
 */
package dev.claude500.chat;
