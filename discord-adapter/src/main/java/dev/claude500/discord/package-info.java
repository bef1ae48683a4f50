/**
 * The Discord adapter: {@code /claude500} with subcommands, buttons, modals, threads and embeds,
 * through JDA. It translates between Discord and the core and holds no triage logic.
 *
 * <p>{@link dev.claude500.discord.DiscordAdapter} runs the gateway connection and answers
 * interactions; {@link dev.claude500.discord.DiscordChatPort} is how the core speaks first
 * (incident posts, idle-triage summaries). Everything else is package-private.
 */
package dev.claude500.discord;
