package dev.claude500.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("InMemoryStore")
class InMemoryStoreTest extends StoreContract {
  @Override
  Store emptyStore() {
    return new InMemoryStore();
  }

  @Test
  @DisplayName("Closing makes it unreachable and never throws")
  void close() {
    store.close();
    store.close();

    assertThat(store.isReachable()).isFalse();
  }
}
