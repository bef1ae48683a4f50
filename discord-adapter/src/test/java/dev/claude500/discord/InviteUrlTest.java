package dev.claude500.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InviteUrlTest {
  @Test
  @DisplayName("the invite asks for the bot and command scopes and exactly the seven permissions used: Mention Everyone for @here, @everyone and roles that are not mentionable")
  void content() {
    String url = InviteUrl.of("900000000000000001");
    assertThat(url).startsWith("https://discord.com/oauth2/authorize?client_id=900000000000000001&")
        .contains("scope=bot+applications.commands");
    long bits = Long.parseLong(url.substring(url.indexOf("permissions=") + "permissions=".length()));
    assertThat(Permission.getPermissions(bits)).containsExactlyInAnyOrder(Permission.VIEW_CHANNEL,
        Permission.MESSAGE_SEND, Permission.MESSAGE_SEND_IN_THREADS, Permission.CREATE_PUBLIC_THREADS,
        Permission.MESSAGE_EMBED_LINKS, Permission.MESSAGE_HISTORY, Permission.MESSAGE_MENTION_EVERYONE);
    assertThat(bits).isEqualTo((1L << 10) | (1L << 11) | (1L << 14) | (1L << 16) | (1L << 17) | (1L << 35) | (1L << 38));
    assertThat(Permission.getPermissions(bits)).doesNotContain(Permission.ADMINISTRATOR, Permission.MANAGE_THREADS);
  }

  @Test
  void refusesNonSnowflakes() {
    assertThatThrownBy(() -> InviteUrl.of("abc")).isInstanceOf(IllegalArgumentException.class);
  }
}
