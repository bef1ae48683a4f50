package dev.claude500.slack;

import com.slack.api.Slack;
import com.slack.api.socket_mode.impl.SocketModeClientTyrusImpl;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.websocket.ClientEndpoint;
import javax.websocket.CloseReason;
import javax.websocket.OnClose;
import javax.websocket.OnOpen;
import javax.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's Tyrus Socket Mode client that also keeps which of its connections are open, each by the
 * websocket session it opened with. Bolt tells its listeners that some connection closed, never
 * which; on a refresh it opens the new connection first and closes the retired one after, so only
 * the session says whether the live connection went. Thread-safe.
 *
 * <p>Tyrus finds the callbacks by their annotations on this class, hence they are repeated here,
 * and calls them by reflection, hence the class is public (it is made only in this package).
 */
@ClientEndpoint
public final class ConnectionTrackingClient extends SocketModeClientTyrusImpl {
  private static final Logger LOG = LoggerFactory.getLogger(SocketModeConnection.class);

  private final Set<Session> open = ConcurrentHashMap.newKeySet();

  ConnectionTrackingClient(Slack slack, String appToken, String url) throws URISyntaxException {
    super(slack, appToken, url);
  }

  /** Records the new connection, then lets Bolt adopt it (which retires the one before). */
  @OnOpen
  @Override
  public void onOpen(Session session) {
    open.add(session);
    LOG.info("Socket Mode connection opened ({}); {} open", session.getId(), openCount());
    super.onOpen(session);
  }

  /** Forgets the connection that closed and logs how many are left, then lets Bolt run its close listeners. */
  @OnClose
  @Override
  public void onClose(Session session, CloseReason reason) {
    if (open.remove(session)) {
      long left = openCount();
      LOG.info("Socket Mode connection closed ({}, {} {}); {}", session.getId(), reason.getCloseCode().getCode(),
          reason.getReasonPhrase(), left == 0 ? "none open, it reconnects by itself" : left + " still open");
    }
    super.onClose(session, reason);
  }

  /** Returns true while at least one connection is open. */
  boolean anyOpen() {
    return openCount() > 0;
  }

  /** Closes every connection still open, the retired ones Bolt has not closed yet included. */
  void closeAll() {
    for (Session s : open) {
      try {
        s.close();
      } catch (Exception e) {
        LOG.debug("closing a Socket Mode connection: {}", e.toString());
      }
    }
  }

  private long openCount() {
    return open.stream().filter(Session::isOpen).count();
  }
}
