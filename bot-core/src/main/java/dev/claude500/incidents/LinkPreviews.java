package dev.claude500.incidents;

import dev.claude500.chat.ChannelMention;
import dev.claude500.chat.Reply;
import dev.claude500.status.IncidentView;
import dev.claude500.status.StatusLinks;
import dev.claude500.status.StatusSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Previews of links to incidents on the public status page, {@code
 * https://status.claude.com/incidents/<id>}, for platforms that show one under a posted link (Slack's
 * unfurls): the incident as an incident post shows it, in its current state (name, impact, status,
 * latest update, the components it touches). Incidents come from the last read of the page ({@link
 * StatusSource#incident}); a preview never reads the page. Links to other hosts or paths, and ids
 * the last read does not list, get no preview. At most {@link #MAX_LINKS} links of one message are
 * looked at. Stateless; thread-safe.
 */
public final class LinkPreviews {
  /** Links to incidents looked at per message; the rest get no preview. */
  public static final int MAX_LINKS = 5;

  private static final String HOST = URI.create(StatusLinks.PUBLIC_PAGE).getHost();
  private static final Pattern INCIDENT_PATH = Pattern.compile("/incidents/([a-z0-9]{1,64})/?", Pattern.CASE_INSENSITIVE);
  /** Longer strings are not links anyone posted to an incident. */
  private static final int MAX_LINK_CHARS = 2_000;

  private final StatusSource status;

  /** Creates previews of the incidents {@code status} last read. */
  public LinkPreviews(StatusSource status) {
    this.status = Objects.requireNonNull(status, "status");
  }

  /** Returns the status page's host: the one domain whose links may get a preview. */
  public static String host() {
    return HOST;
  }

  /**
   * Returns a preview for each link that points at an incident the last read of the page listed,
   * keyed by the link as given, in the links' order; of several links, the first {@link #MAX_LINKS}
   * distinct links to incidents are looked at. Never null; empty when none has a preview.
   */
  public Map<String, Reply.Incident> previews(List<String> links) {
    Objects.requireNonNull(links, "links");
    Map<String, Reply.Incident> out = new LinkedHashMap<>();
    links.stream()
        .filter(Objects::nonNull)
        .distinct()
        .filter(link -> incidentId(link).isPresent())
        .limit(MAX_LINKS)
        .forEach(link -> status.incident(incidentId(link).orElseThrow())
            .ifPresent(incident -> out.put(link,
                new Reply.Incident(IncidentView.of(incident), ChannelMention.NONE, Optional.empty()))));
    return out;
  }

  /**
   * Returns the incident id a link points at: an http(s) link to the status page's host whose path is
   * {@code /incidents/<id>} (a query or fragment is ignored); empty for anything else.
   */
  public static Optional<String> incidentId(String link) {
    if (link == null || link.length() > MAX_LINK_CHARS) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(link.strip());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || uri.getRawUserInfo() != null
        || !HOST.equalsIgnoreCase(uri.getHost()) || uri.getRawPath() == null) {
      return Optional.empty();
    }
    Matcher m = INCIDENT_PATH.matcher(uri.getRawPath());
    return m.matches() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
  }
}
