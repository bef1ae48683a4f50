package dev.claude500.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.Request;
import net.dv8tion.jda.api.requests.Response;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import net.dv8tion.jda.internal.requests.RestActionImpl;

/**
 * Discord's REST API for a channel known by its id alone: the channels of servers on shards this
 * process does not hold, which JDA has no cache of (JDA only builds channels from its gateway's
 * events). The incident watcher runs on one replica and posts in every subscribed channel, so it
 * meets such channels whenever the bot is sharded across replicas.
 *
 * <p>Requests go through JDA's own requester, from a connected shard: the same token, REST base,
 * rate-limit buckets, retries and errors ({@code ErrorResponseException}) as every other call. JDA
 * offers no public way to send a request of one's own, so this one class builds them with JDA's
 * {@code RestActionImpl} and its public {@link Route}s; answers are read from Discord's JSON. Only
 * what posting needs is here: send, edit, read one message or a page of history, start a thread
 * on a message, and learn a channel's server. Stateless; thread-safe.
 */
final class ChannelsById {
  /** A message read back: enough to find a post by its mark. */
  record Posted(String id, String authorId, String content, List<String> footers) {}

  /** A message a thread may hang from: the thread started on it, if any, and what to name one. */
  record Root(Optional<String> threadId, String name) {}

  private ChannelsById() {}

  /** Sends a message (without files) to a channel or thread; yields its id. */
  static RestAction<String> send(JDA api, String channelId, MessageCreateData data, Optional<String> nonce) {
    if (!data.getFiles().isEmpty()) {
      throw new IllegalArgumentException("posting files to a channel known by id only is not supported");
    }
    DataObject body = data.toData();
    nonce.ifPresent(n -> body.put("nonce", n).put("enforce_nonce", true));
    return action(api, Route.Messages.SEND_MESSAGE.compile(channelId), body, (r, q) -> r.getObject().getString("id"));
  }

  /** Edits a message the bot posted. */
  static RestAction<Void> edit(JDA api, String channelId, String messageId, MessageEditData data) {
    if (!data.getFiles().isEmpty()) {
      throw new IllegalArgumentException("editing files in a channel known by id only is not supported");
    }
    return action(api, Route.Messages.EDIT_MESSAGE.compile(channelId, messageId), data.toData(), (r, q) -> null);
  }

  /** Reads a message: the thread started on it, and a name for one (its embed's title, else its text). */
  static RestAction<Root> root(JDA api, String channelId, String messageId) {
    return action(api, Route.Messages.GET_MESSAGE.compile(channelId, messageId), null, (r, q) -> {
      DataObject m = r.getObject();
      Optional<String> thread = m.optObject("thread").map(t -> t.getString("id"));
      String name = "";
      DataArray embeds = m.optArray("embeds").orElseGet(DataArray::empty);
      for (int i = 0; i < embeds.length() && name.isBlank(); i++) {
        name = embeds.getObject(i).getString("title", "");
      }
      return new Root(thread, name.isBlank() ? m.getString("content", "") : name);
    });
  }

  /** Starts a thread on a message (Discord gives it the message's id); yields the thread's id. */
  static RestAction<String> startThread(JDA api, String channelId, String messageId, String name) {
    DataObject body = DataObject.empty().put("name", name);
    return action(api, Route.Channels.CREATE_THREAD_FROM_MESSAGE.compile(channelId, messageId), body,
        (r, q) -> r.getObject().getString("id"));
  }

  /** Reads the id of the server a channel or thread belongs to. */
  static RestAction<String> guildOf(JDA api, String channelId) {
    return action(api, Route.Channels.GET_CHANNEL.compile(channelId), null, (r, q) -> r.getObject().getString("guild_id"));
  }

  /** Reads up to {@code limit} (at most 100) messages of a channel or thread, newest first, before {@code before}. */
  static RestAction<List<Posted>> history(JDA api, String channelId, Optional<String> before, int limit) {
    Route.CompiledRoute route = Route.Messages.GET_MESSAGE_HISTORY.compile(channelId)
        .withQueryParams("limit", Integer.toString(Math.max(1, Math.min(100, limit))));
    if (before.isPresent()) {
      route = route.withQueryParams("before", before.get());
    }
    return action(api, route, null, (r, q) -> {
      DataArray array = r.getArray();
      List<Posted> out = new ArrayList<>(array.length());
      for (int i = 0; i < array.length(); i++) {
        out.add(posted(array.getObject(i)));
      }
      return out;
    });
  }

  private static Posted posted(DataObject m) {
    List<String> footers = new ArrayList<>();
    DataArray embeds = m.optArray("embeds").orElseGet(DataArray::empty);
    for (int i = 0; i < embeds.length(); i++) {
      embeds.getObject(i).optObject("footer").map(f -> f.getString("text", "")).ifPresent(footers::add);
    }
    String author = m.optObject("author").map(a -> a.getString("id", "")).orElse("");
    return new Posted(m.getString("id"), author, m.getString("content", ""), footers);
  }

  private static <T> RestAction<T> action(JDA api, Route.CompiledRoute route, DataObject body,
      BiFunction<Response, Request<T>, T> read) {
    return new RestActionImpl<>(api, route, body, read);
  }
}
