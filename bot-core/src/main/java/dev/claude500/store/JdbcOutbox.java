package dev.claude500.store;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.MessageRef;
import dev.claude500.outbox.Outgoing;
import dev.claude500.outbox.OutboxStore;
import dev.claude500.outbox.Queued;
import dev.claude500.outbox.ReplyJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outbox in table {@code outbox}, one row per queued message, its reply as JSON ({@link
 * ReplyJson}). A message added twice keeps its first row (the primary key says no to the second).
 */
final class JdbcOutbox implements OutboxStore {
  private static final String COLUMNS =
      "platform, channel_id, item_key, seq, kind, thread_id, message_id, also_to_channel, reply, queued_at, subject,"
          + " settles";
  private static final String POST = "post";
  private static final String THREAD = "thread";
  private static final String EDIT = "edit";
  private static final String TOP = "top";
  private static final String UNDER_ROOT = "under-root";
  private static final String EDIT_ROOT = "edit-root";

  private final Jdbc jdbc;

  JdbcOutbox(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void add(List<Queued> messages) {
    Objects.requireNonNull(messages, "messages");
    if (messages.isEmpty()) {
      return;
    }
    jdbc.inTransaction("queueing " + messages.size() + " outbox message(s)", c -> {
      for (Queued q : messages) {
        Outgoing m = q.message();
        Optional<String> thread = m instanceof Outgoing.ThreadPost t ? Optional.of(t.threadId())
            : m instanceof Outgoing.Edit e ? e.threadId()
            : m instanceof Outgoing.UnderRoot u ? Optional.of(u.rootKey()) : Optional.empty();
        Optional<String> edited = m instanceof Outgoing.Edit e ? Optional.of(e.message().messageId())
            : m instanceof Outgoing.EditRoot e ? Optional.of(e.rootKey()) : Optional.empty();
        boolean also = m instanceof Outgoing.ThreadPost t ? t.alsoToChannel()
            : m instanceof Outgoing.UnderRoot u && u.alsoToChannel();
        String kind = kind(m);
        String subject = m.subject().equals(Outgoing.NO_SUBJECT) ? null : m.subject();
        String settles = m.settles().isEmpty() ? null : String.join("\n", m.settles());
        // an item already queued keeps its row: insert only where the key is free
        Jdbc.update(c, "INSERT INTO outbox (" + COLUMNS + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                + " WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE platform = ? AND channel_id = ? AND item_key = ?)",
            m.channel().platform(), m.channel().channelId(), m.itemKey(), q.seq(), kind, thread.orElse(null),
            edited.orElse(null), also, ReplyJson.write(m.reply()), q.queuedAt(), subject, settles,
            m.channel().platform(), m.channel().channelId(), m.itemKey());
      }
      return null;
    });
  }

  private static String kind(Outgoing m) {
    if (m instanceof Outgoing.Post) {
      return POST;
    }
    if (m instanceof Outgoing.ThreadPost) {
      return THREAD;
    }
    if (m instanceof Outgoing.Edit) {
      return EDIT;
    }
    if (m instanceof Outgoing.Top) {
      return TOP;
    }
    return m instanceof Outgoing.UnderRoot ? UNDER_ROOT : EDIT_ROOT;
  }

  @Override
  public List<Queued> pending() {
    return jdbc.query("listing the outbox", "SELECT " + COLUMNS + " FROM outbox ORDER BY seq", JdbcOutbox::read);
  }

  @Override
  public void remove(ChannelRef channel, String itemKey) {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(itemKey, "itemKey");
    jdbc.update("removing " + itemKey + " in " + channel + " from the outbox",
        "DELETE FROM outbox WHERE platform = ? AND channel_id = ? AND item_key = ?",
        channel.platform(), channel.channelId(), itemKey);
  }

  private static Queued read(ResultSet rs) throws SQLException {
    ChannelRef channel = new ChannelRef(rs.getString("platform"), rs.getString("channel_id"));
    String key = rs.getString("item_key");
    Optional<String> thread = Optional.ofNullable(rs.getString("thread_id"));
    String kind = rs.getString("kind");
    String subject = Optional.ofNullable(rs.getString("subject")).orElse(Outgoing.NO_SUBJECT);
    List<String> settles = Optional.ofNullable(rs.getString("settles")).map(t -> List.of(t.split("\n")))
        .orElse(List.of());
    Outgoing message;
    try {
      var reply = ReplyJson.read(rs.getString("reply"));
      message = switch (kind) {
        case POST -> new Outgoing.Post(key, channel, reply);
        case THREAD -> new Outgoing.ThreadPost(key, channel, thread.orElseThrow(), reply, rs.getBoolean("also_to_channel"));
        case EDIT -> new Outgoing.Edit(key, new MessageRef(channel, rs.getString("message_id")), thread, reply);
        case TOP -> new Outgoing.Top(key, channel, reply, subject, settles);
        case UNDER_ROOT -> new Outgoing.UnderRoot(key, channel, thread.orElseThrow(), reply,
            rs.getBoolean("also_to_channel"), subject, settles);
        case EDIT_ROOT -> new Outgoing.EditRoot(key, channel, rs.getString("message_id"), reply, subject);
        default -> throw new IllegalArgumentException("unknown kind " + kind);
      };
    } catch (RuntimeException e) {
      throw new SQLException("outbox row " + key + " in " + channel + " cannot be read: " + e.getMessage(), e);
    }
    return new Queued(rs.getLong("seq"), message, Jdbc.instant(rs, "queued_at"));
  }
}
