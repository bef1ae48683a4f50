package dev.claude500.discord;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatDeliveryException;
import dev.claude500.discord.PermissionProblems.Problem;
import dev.claude500.discord.Targets.Target;
import dev.claude500.outbox.Outgoing;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Posts that can be found again: a post made under an item key carries its {@link PostTag} (a
 * nonce on each message, Discord dropping a repeat of it for a few minutes, and a short reference
 * people can see on its last message), and is looked for by that reference among the newest
 * {@value #HISTORY_WINDOW} messages of its channel or thread. A tagged post that fails in a way
 * Discord may have taken it (a timeout, a 5xx) is reported with an unknown outcome, so the caller
 * looks for it before posting again. Blocks; never call it on a JDA thread. Thread-safe.
 */
final class TaggedPosts {
  /** Messages of a channel or thread looked through for a tagged post: its newest. */
  static final int HISTORY_WINDOW = 200;
  private static final int PAGE = 100;

  private final Targets targets;
  private final Requests requests;

  TaggedPosts(Targets targets, Requests requests) {
    this.targets = Objects.requireNonNull(targets, "targets");
    this.requests = Objects.requireNonNull(requests, "requests");
  }

  /**
   * Sends a post's messages in order and returns the first one's id; a keyed post's are tagged.
   *
   * @param reportTo the subscribed channel a refusal is reported for, as {@code problem}
   */
  String post(Target target, List<MessageCreateData> data, ChannelRef reportTo, Problem problem,
      Optional<String> itemKey) {
    // a triage reply carries its nonce only: its thread shows what it always showed, no tag
    List<MessageCreateData> parts = itemKey.filter(k -> !Outgoing.isTriageKey(k)).map(k -> PostTag.marked(data, k))
        .orElse(data);
    String first = null;
    for (int i = 0; i < parts.size(); i++) {
      int part = i;
      String sent = send(target, parts.get(i), reportTo, problem, itemKey.map(k -> PostTag.nonce(target.id(), k, part)));
      first = first == null ? sent : first;
    }
    return first;
  }

  /** Sends one message, with {@code nonce} when given; returns its id. */
  String send(Target target, MessageCreateData data, ChannelRef reportTo, Problem problem, Optional<String> nonce) {
    String action = "post in " + target.id();
    Supplier<RestAction<String>> request = () -> target.cached()
        .<RestAction<String>>map(c -> nonce.map(n -> c.sendMessage(data).setNonce(n)).orElseGet(() -> c.sendMessage(data))
            .map(Message::getId))
        .orElseGet(() -> ChannelsById.send(targets.api(), target.id(), data, nonce));
    if (nonce.isEmpty()) {
      return requests.call(reportTo, problem, action, request);
    }
    try {
      return requests.call(reportTo, problem, action, request);
    } catch (ChatDeliveryException e) {
      if (e.retryable() && Failures.mayHaveBeenTaken(e.getCause())) {
        throw ChatDeliveryException.outcomeUnknown(e.getMessage(), e.getCause());
      }
      throw e;
    }
  }

  /** Returns the id of the message in {@code where} that carries the tag of {@code itemKey}, among its newest. */
  Optional<String> find(Target where, String itemKey) {
    JDA api = targets.api();
    String self = api.getSelfUser().getId();
    Optional<String> before = Optional.empty();
    for (int read = 0; read < HISTORY_WINDOW; read += PAGE) {
      Optional<String> from = before;
      List<ChannelsById.Posted> page = requests.read("read the history of " + where.id(),
          () -> ChannelsById.history(api, where.id(), from, PAGE));
      Optional<ChannelsById.Posted> hit = page.stream().filter(m -> PostTag.carries(m, self, itemKey)).findFirst();
      if (hit.isPresent() || page.size() < PAGE) {
        return hit.map(ChannelsById.Posted::id);
      }
      before = Optional.of(page.get(page.size() - 1).id());
    }
    return Optional.empty();
  }
}
