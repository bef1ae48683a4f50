package dev.claude500.earlywarning;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ChatPort;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Reply;
import dev.claude500.commands.Subscription;
import dev.claude500.commands.SubscriptionStore;
import dev.claude500.incidents.ChatPorts;
import dev.claude500.incidents.LedgerEntry;
import dev.claude500.incidents.PostLedger;
import dev.claude500.outbox.Outbox;
import dev.claude500.outbox.Outgoing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a warning's posts up to date in every channel subscribed in its workspace, through the
 * outbox: the first post where there is none, an edit when the cluster grew past what was shown,
 * the closed text and a note in its thread once it closed. Every message has an item key of its own
 * ({@code early-warning/<id>}, {@code .../n<count>}, {@code .../closed}, {@code .../note}), claimed
 * in the store before it is queued, so one replica queues it and the outbox sends it once. What is
 * not yet possible (an edit of a post still on its way) is done by a later call, and so is what this
 * process claimed but could not queue. Thread-safe.
 */
final class WarningPosts {
  private static final Logger LOG = LoggerFactory.getLogger(WarningPosts.class);
  private static final String PREFIX = "early-warning/";
  private static final int CACHED = 2_000;

  private final EarlyWarningStore store;
  private final SubscriptionStore subscriptions;
  private final PostLedger ledger;
  private final Outbox outbox;
  private final ChatPorts ports;
  private final Duration window;
  /** Links to triage threads, asked once per process (on Slack each is a call). */
  private final Map<ConversationKey, Optional<String>> links = bounded();
  /** The workspace of each channel seen, as {@code <platform>:<id>}. */
  private final Map<ChannelRef, String> workspaces = bounded();
  /** The messages this process claimed and could not queue (the outbox's store failed), by {@link #owedKey}. */
  private final Map<String, Boolean> owed = bounded();
  /** The channels whose workspace could not be told, logged once each. */
  private final Map<ChannelRef, Boolean> untold = bounded();

  WarningPosts(EarlyWarningStore store, SubscriptionStore subscriptions, PostLedger ledger, Outbox outbox,
      ChatPorts ports, Duration window) {
    this.store = store;
    this.subscriptions = subscriptions;
    this.ledger = ledger;
    this.outbox = outbox;
    this.ports = ports;
    this.window = window;
  }

  /**
   * Returns the workspace of a channel as {@code <platform>:<id>}, asking its platform once.
   *
   * @throws dev.claude500.chat.ChatDeliveryException when the platform cannot say now
   */
  Optional<String> workspaceOf(ChannelRef channel) {
    String known;
    synchronized (workspaces) {
      known = workspaces.get(channel);
    }
    if (known != null) {
      return Optional.of(known);
    }
    Optional<ChatPort> port = ports.find(channel.platform());
    if (port.isEmpty()) {
      return Optional.empty();
    }
    String found = channel.platform() + ":" + port.get().workspace(channel);
    synchronized (workspaces) {
      workspaces.put(channel, found);
    }
    return Optional.of(found);
  }

  /**
   * Queues what the warning's posts still lack, in every channel subscribed in its workspace. Each
   * message is claimed in the store before it is queued, so of several replicas one queues it.
   *
   * @throws RuntimeException the outbox's failure to keep the messages: this process queues them at a later call
   */
  void bringUpToDate(Warning w, Cluster cluster, Instant now) {
    String postKey = PREFIX + w.id();
    Supplier<Reply> shown = memo(() -> w.isOpen() ? WarningText.open(cluster, window, this::link)
        : WarningText.closed(w, cluster, window));
    List<Outgoing> out = new ArrayList<>();
    for (ChannelRef channel : channels(w.workspace())) {
      Optional<LedgerEntry> post = ledger.find(channel, postKey);
      if (post.isEmpty()) {
        if (w.isOpen() && claim(w, channel, postKey, now)) {
          out.add(new Outgoing.Post(postKey, channel, shown.get()));
        }
        continue;
      }
      if (post.get().messageId().isEmpty() || !post.get().isPosted()) {
        continue; // on its way (a later call edits it), or refused for good
      }
      MessageRef ref = new MessageRef(channel, post.get().messageId().get());
      String editKey = postKey + "/n" + cluster.size();
      // the ledger is asked first: a claim refused by the database's key costs an error in its log
      if (w.isOpen() && cluster.size() > w.openedWith() && unsent(channel, editKey)
          && claim(w, channel, editKey, now)) {
        out.add(new Outgoing.Edit(editKey, ref, Optional.empty(), shown.get()));
      } else if (!w.isOpen() && unsent(channel, postKey + "/closed")
          && claim(w, channel, postKey + "/closed", now)) {
        out.add(new Outgoing.Edit(postKey + "/closed", ref, Optional.empty(), shown.get()));
        out.add(new Outgoing.ThreadPost(postKey + "/note", channel, ref.messageId(), WarningText.note(w, window),
            false));
      }
    }
    try {
      outbox.send(out);
    } catch (RuntimeException e) {
      out.forEach(m -> owed.put(owedKey(m.channel(), m.itemKey()), Boolean.TRUE));
      throw e;
    }
    out.forEach(m -> owed.remove(owedKey(m.channel(), m.itemKey())));
  }

  /**
   * Claims one of a warning's messages in a channel: true when this call claimed it, or this process
   * claimed it before and could not queue it (none else will, so it is queued now).
   */
  private boolean claim(Warning w, ChannelRef channel, String itemKey, Instant now) {
    return owed.containsKey(owedKey(channel, itemKey)) || store.claimItem(w.id(), channel, itemKey, now);
  }

  private static String owedKey(ChannelRef channel, String itemKey) {
    return channel + " " + itemKey;
  }

  private boolean unsent(ChannelRef channel, String itemKey) {
    return ledger.find(channel, itemKey).isEmpty();
  }

  /** Returns the channels subscribed in a workspace on a platform this process serves. */
  private List<ChannelRef> channels(String workspace) {
    List<ChannelRef> in = new ArrayList<>();
    for (Subscription s : subscriptions.all()) {
      if (workspace.startsWith(s.channel().platform() + ":") && outbox.serves(s.channel().platform())
          && inWorkspace(s.channel(), workspace)) {
        in.add(s.channel());
      }
    }
    return in;
  }

  /**
   * Returns true when a channel is in the workspace; false when it is not, or its platform cannot
   * tell now (a deleted channel still subscribed): that one is left out, the others are posted to.
   */
  private boolean inWorkspace(ChannelRef channel, String workspace) {
    try {
      return workspaceOf(channel).filter(workspace::equals).isPresent();
    } catch (RuntimeException e) {
      if (untold.put(channel, Boolean.TRUE) == null) {
        LOG.info("early warning: cannot tell the workspace of {} ({}); no warning posted there for now", channel,
            e.toString());
      } else {
        LOG.debug("early warning: still cannot tell the workspace of {} ({})", channel, e.toString());
      }
      return false;
    }
  }

  private Optional<String> link(ConversationKey key) {
    synchronized (links) {
      Optional<String> known = links.get(key);
      if (known != null) {
        return known;
      }
    }
    Optional<String> found = ports.find(key.platform())
        .flatMap(p -> p.permalink(new MessageRef(key.channelRef(), key.thread())));
    synchronized (links) {
      links.put(key, found);
    }
    return found;
  }

  private static <T> Supplier<T> memo(Supplier<T> make) {
    List<T> made = new ArrayList<>(1);
    return () -> {
      if (made.isEmpty()) {
        made.add(make.get());
      }
      return made.get(0);
    };
  }

  private static <K, V> Map<K, V> bounded() {
    return Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > CACHED;
      }
    });
  }
}
