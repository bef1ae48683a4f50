package dev.claude500.incidents;

import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.ConversationKey;
import dev.claude500.chat.MessageRef;
import dev.claude500.chat.Text;
import dev.claude500.triage.TriageEngine;
import java.util.Objects;
import java.util.Optional;

/**
 * Points a triage whose status check found an open incident to the incident's post in the same
 * channel, when the watcher made one: a link where the platform gives one ({@link
 * dev.claude500.chat.ChatPort#permalink}), else a pointer. Give it to {@link
 * TriageEngine} as its start notes. Thread-safe.
 */
public final class IncidentLinks implements TriageEngine.StartNotes {
  private final PostLedger ledger;
  private final ChatPorts ports;

  /** Creates links read from the ledger, made by the platforms' ports. */
  public IncidentLinks(PostLedger ledger, ChatPorts ports) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.ports = Objects.requireNonNull(ports, "ports");
  }

  @Override
  public Optional<Text> noteFor(ConversationKey key, String incidentId) {
    ChannelRef channel = key.channelRef();
    Optional<String> messageId = ledger.find(channel, ItemKeys.incident(incidentId))
        .filter(LedgerEntry::isPosted)
        .flatMap(LedgerEntry::messageId);
    if (messageId.isEmpty()) {
      return Optional.empty();
    }
    MessageRef post = new MessageRef(channel, messageId.get());
    Optional<String> link = ports.find(key.platform()).flatMap(p -> p.permalink(post));
    return Optional.of(Posts.linkNote(link));
  }
}
