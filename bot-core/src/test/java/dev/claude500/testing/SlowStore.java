package dev.claude500.testing;

import dev.claude500.store.Store;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Objects;

/**
 * A store whose every read and write takes at least a given time longer (a database under load),
 * for tests that prove a path never waits on the store. The part stores it hands out (conversations,
 * subscriptions, deliveries seen ...) are slowed; closing and the reachability check are not.
 */
public final class SlowStore {
  private SlowStore() {}

  /** Returns {@code store} with {@code delay} added to each call of its part stores. */
  public static Store wrap(Store store, Duration delay) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(delay, "delay");
    return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
        (proxy, method, args) -> {
          Object part = invoke(store, method, args);
          Class<?> type = method.getReturnType();
          if (part == null || !type.isInterface() || method.getParameterCount() > 0) {
            return part;
          }
          return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, slowed(part, delay));
        });
  }

  private static InvocationHandler slowed(Object part, Duration delay) {
    return (proxy, method, args) -> {
      if (method.getDeclaringClass() != Object.class) {
        Thread.sleep(delay.toMillis());
      }
      return invoke(part, method, args);
    };
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
