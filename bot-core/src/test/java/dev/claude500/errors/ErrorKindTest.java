package dev.claude500.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorKindTest {
  @ParameterizedTest
  @ValueSource(ints = {501, 502, 503, 504, 520, 522, 524, 527, 530, 599})
  @DisplayName("server-side statuses other than 500 and 529 are SERVER")
  void readsOtherServerSideStatusesAsServer(int status) {
    assertThat(ErrorKind.of(status, null)).isEqualTo(ErrorKind.SERVER);
    assertThat(ErrorKind.SERVER.serverSide()).isTrue();
  }

  @Test
  @DisplayName("timeout_error is SERVER; 500, 529 and a type that disagrees keep their kind")
  void keepsTheOtherKinds() {
    assertThat(ErrorKind.of(504, "timeout_error")).isEqualTo(ErrorKind.SERVER);
    assertThat(ErrorKind.of(null, "timeout_error")).isEqualTo(ErrorKind.SERVER);
    assertThat(ErrorKind.of(500, null)).isEqualTo(ErrorKind.INTERNAL);
    assertThat(ErrorKind.of(529, null)).isEqualTo(ErrorKind.OVERLOADED);
    assertThat(ErrorKind.of(503, "overloaded_error")).isEqualTo(ErrorKind.OVERLOADED);
    assertThat(ErrorKind.of(502, "api_error")).isEqualTo(ErrorKind.INTERNAL);
    assertThat(ErrorKind.of(600, null)).isEqualTo(ErrorKind.OTHER);
    assertThat(ErrorKind.of(404, null)).isEqualTo(ErrorKind.OTHER);
    assertThat(ErrorKind.RATE_LIMIT.serverSide()).isFalse();
  }
}
