package dev.claude500.commands;

import dev.claude500.chat.Actor;
import dev.claude500.chat.ChannelRef;
import dev.claude500.chat.Text;
import dev.claude500.status.Component;
import dev.claude500.status.KnownComponents;
import dev.claude500.status.StatusSource;
import dev.claude500.status.Summary;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code subscribe}, {@code unsubscribe}, {@code subscriptions} and {@code autodetect}: a channel's
 * wish for incident posts, with components named loosely and stored by id, and for offers under
 * pasted errors ({@link Autodetect}). Thread-safe.
 */
public final class SubscriptionService {
  private final SubscriptionStore store;
  private final Autodetect autodetect;
  private final StatusSource status;
  private final Clock clock;

  /** Creates the service. */
  public SubscriptionService(SubscriptionStore store, AutodetectStore autodetect, StatusSource status, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.autodetect = new Autodetect(Objects.requireNonNull(autodetect, "autodetect"), clock);
    this.status = Objects.requireNonNull(status, "status");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Subscribes a channel, or changes its subscription: the components and filters given replace
   * what it had (filters not given take their defaults). Nothing is saved when a name matches no
   * component or several, or a filter word is wrong.
   *
   * @param names component names as typed; empty means every component
   * @param filterWords the {@code key=value} words as typed ({@link Filters#parse})
   * @param surface where it was typed: which mentions are allowed
   * @return what to tell the person
   */
  public Text subscribe(ChannelRef channel, Actor actor, List<String> names, List<String> filterWords,
      Surface surface) {
    Filters.Parsed parsed = Filters.parse(filterWords, surface);
    if (parsed instanceof Filters.Parsed.Bad bad) {
      return Text.parse(bad.problem());
    }
    Filters filters = ((Filters.Parsed.Good) parsed).filters();
    List<Component> components = components();
    ComponentMatcher.Match match = ComponentMatcher.match(names, components);
    if (!match.isComplete()) {
      return problem(match, components);
    }
    Set<String> ids = match.matched().stream().map(Component::id).collect(Collectors.toSet());
    store.save(new Subscription(channel, ids, actor.id(), clock.instant(), filters));
    String which = ids.isEmpty() ? "every incident on the status page"
        : "incidents touching " + names(match.matched());
    return Text.parse("Subscribed: this channel will get " + which
        + ", each as one post with its updates in a thread. " + filtersLine(filters));
  }

  /** Removes a channel's subscription; returns what to tell the person. */
  public Text unsubscribe(ChannelRef channel) {
    return store.remove(channel)
        ? Text.parse("Unsubscribed: no more incident posts in this channel.")
        : Text.parse("This channel was not subscribed.");
  }

  /** Describes a channel's subscription: its components and its filters. */
  public Text describe(ChannelRef channel) {
    return store.find(channel).map(s -> {
      String which = s.allComponents() ? "every incident on the status page"
          : "incidents touching " + names(components().stream().filter(c -> s.componentIds().contains(c.id())).toList());
      return Text.parse("This channel gets " + which + ". " + filtersLine(s.filters()));
    }).orElse(Text.parse("This channel has no subscription. `/claude500 subscribe` adds one."));
  }

  private static String filtersLine(Filters filters) {
    return "Filters: " + filters.describe() + (filters.isDefault() ? " (the defaults)." : ".");
  }

  /** Returns the channel's offers under pasted errors ({@code autodetect}). */
  public Autodetect autodetect() {
    return autodetect;
  }

  private List<Component> components() {
    List<Component> live = status.current().summary().map(Summary::components).orElse(List.of())
        .stream().filter(c -> !c.group()).toList();
    return live.isEmpty() ? KnownComponents.all() : live;
  }

  private static Text problem(ComponentMatcher.Match match, List<Component> components) {
    StringBuilder sb = new StringBuilder("Nothing changed. ");
    if (!match.unknown().isEmpty()) {
      sb.append("No component matches ").append(quoted(match.unknown())).append(". ");
    }
    for (Map.Entry<String, List<Component>> e : match.ambiguous().entrySet()) {
      sb.append('`').append(e.getKey()).append("` matches several: ").append(names(e.getValue())).append(". ");
    }
    sb.append("Components: ").append(names(components)).append('.');
    return Text.parse(sb.toString());
  }

  private static String names(List<Component> components) {
    return components.stream().map(c -> "**" + c.name() + "**").collect(Collectors.joining(", "));
  }

  private static String quoted(List<String> names) {
    return names.stream()
        .map(n -> "`" + n.replaceAll("[`*\\[\\]()]", "") + "`")
        .collect(Collectors.joining(", "));
  }
}
