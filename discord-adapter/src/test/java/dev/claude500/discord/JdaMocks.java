package dev.claude500.discord;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.requests.RestAction;

/**
 * JDA objects built with Mockito, for the listener's unit tests: events cannot be built without a
 * gateway. Every request mock records its name in {@link #log} when it is queued or completed, so
 * tests can check what was acknowledged before what, and calls its success callback at once.
 */
final class JdaMocks {
  static final String USER = "111";
  static final String USER_NAME = "alice";

  final List<String> log = Collections.synchronizedList(new ArrayList<>());

  /** Returns a request mock named {@code name} that succeeds with {@code value}; builder methods return it. */
  @SuppressWarnings("unchecked")
  <A extends RestAction<T>, T> A action(Class<A> type, String name, T value) {
    A action = mock(type, withSettings().defaultAnswer(RETURNS_SELF));
    doAnswer(inv -> {
      log.add(name);
      Consumer<T> success = inv.getArgument(0);
      if (success != null) {
        success.accept(value);
      }
      return null;
    }).when(action).queue(any(), any());
    lenient().doAnswer(inv -> {
      log.add(name);
      return value;
    }).when(action).complete();
    return action;
  }

  /** Stubs the person behind an interaction: user {@link #USER}, shown as {@link #USER_NAME}. */
  static void person(Interaction interaction) {
    User user = mock(User.class);
    lenient().when(user.getId()).thenReturn(USER);
    lenient().when(user.getEffectiveName()).thenReturn(USER_NAME);
    Member member = mock(Member.class);
    lenient().when(member.getEffectiveName()).thenReturn(USER_NAME);
    lenient().when(interaction.getUser()).thenReturn(user);
    lenient().when(interaction.getMember()).thenReturn(member);
  }
}
