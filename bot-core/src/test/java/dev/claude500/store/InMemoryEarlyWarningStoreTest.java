package dev.claude500.store;

import dev.claude500.earlywarning.EarlyWarningStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The early warning's store in memory")
class InMemoryEarlyWarningStoreTest extends EarlyWarningStoreContract {
  private InMemoryEarlyWarnings last;

  @Override
  EarlyWarningStore emptyStore() {
    last = new InMemoryEarlyWarnings();
    return last;
  }

  @Override
  EarlyWarningStore sameData() {
    return last;
  }
}
