package dev.claude500.chat;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who a channel post calls out, as a channel's subscription asks: nobody, the people active now
 * ({@code @here}), everyone in the channel ({@code @channel} on Slack, {@code @everyone} on
 * Discord), or one Discord role. Adapters render it and let it ping exactly that.
 *
 * @param kind who
 * @param roleId the role's id for {@link Kind#ROLE} (digits); empty otherwise
 */
public record ChannelMention(Kind kind, String roleId) {
  /** Nobody is called out. */
  public static final ChannelMention NONE = new ChannelMention(Kind.NONE, "");

  private static final Pattern ROLE_ID = Pattern.compile("[0-9]{1,25}");

  /** Who a mention calls out. */
  public enum Kind {
    /** Nobody. */
    NONE,
    /** The people active in the channel now: {@code @here}. */
    HERE,
    /** Everyone in a Slack channel: {@code @channel}. */
    CHANNEL,
    /** Everyone in a Discord channel: {@code @everyone}. */
    EVERYONE,
    /** One Discord role. */
    ROLE
  }

  /** Validates: a role has an id of digits, the other kinds none. */
  public ChannelMention {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(roleId, "roleId");
    if (kind == Kind.ROLE && !ROLE_ID.matcher(roleId).matches()) {
      throw new IllegalArgumentException("roleId must be digits, was " + roleId);
    }
    if (kind != Kind.ROLE && !roleId.isEmpty()) {
      throw new IllegalArgumentException("roleId is for a role only, was " + roleId);
    }
  }

  /** Returns the mention of {@code kind}, which must not be {@link Kind#ROLE}. */
  public static ChannelMention of(Kind kind) {
    return new ChannelMention(kind, "");
  }

  /** Returns the mention of one Discord role. */
  public static ChannelMention role(String roleId) {
    return new ChannelMention(Kind.ROLE, roleId);
  }

  /** Returns true when it calls out nobody. */
  public boolean isNone() {
    return kind == Kind.NONE;
  }

  /** Returns the word typed for it in {@code mention=}: {@code here}, {@code channel}, {@code <@&id>} ... */
  public String word() {
    return kind == Kind.ROLE ? "<@&" + roleId + ">" : kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Returns it as plain text shows it: {@code @here}, {@code @channel}, {@code @everyone}, {@code @role:<id>}; empty for none. */
  public String plain() {
    return switch (kind) {
      case NONE -> "";
      case ROLE -> "@role:" + roleId;
      default -> "@" + word();
    };
  }
}
