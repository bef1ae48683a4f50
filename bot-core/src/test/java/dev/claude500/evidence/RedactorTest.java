package dev.claude500.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  static Stream<Arguments> examples() {
    return Stream.of(
        Arguments.of(
            "key is sk-ant-api03-abcDEF123_-xyzXYZ0987654321abcdefghijklmnopqrstuvwxyzABCDEFGHIJ-AA ok",
            "key is [redacted api key] ok"),
        Arguments.of(
            "CLAUDE_CODE_OAUTH_TOKEN=sk-ant-oat01-Zx9_yW8-vU7tS6rQ5pO4nM3lK2jI1hG0fE",
            "CLAUDE_CODE_OAUTH_TOKEN=[redacted oauth token]"),
        Arguments.of("Authorization: Bearer abc.DEF-123_xyz", "Authorization: Bearer [redacted credential]"),
        Arguments.of("curl -H Bearer\tabc.DEF-123_xyz", "curl -H Bearer\t[redacted token]"),
        Arguments.of("Bearer \tSLACK_SIGNING_SECRET = miWWlFmzOI9SSm6", "Bearer \t[redacted token] = [redacted credential]"),
        Arguments.of("authorization: Basic dXNlcjpwYXNzd29yZA==", "authorization: Basic [redacted credential]"),
        Arguments.of("curl -H \"x-api-key: k3y-V4lue-9f8e\" ...", "curl -H \"x-api-key: [redacted credential]\" ..."),
        Arguments.of("{\"X-Api-Key\":\"abcd1234efgh\"}", "{\"X-Api-Key\":\"[redacted credential]\"}"),
        Arguments.of("export ANTHROPIC_API_KEY=my-key-123", "export ANTHROPIC_API_KEY=[redacted credential]"),
        Arguments.of("ANTHROPIC_AUTH_TOKEN=\"t0ken-value\"", "ANTHROPIC_AUTH_TOKEN=\"[redacted credential]\""),
        Arguments.of("id AKIAIOSFODNN7EXAMPLE here", "id [redacted aws key id] here"),
        Arguments.of(
            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "aws_secret_access_key = [redacted credential]"),
        Arguments.of(
            "SLACK_BOT_TOKEN is xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
            "SLACK_BOT_TOKEN is [redacted slack token]"),
        Arguments.of("ghp_1234567890abcdefghijABCDEFGHIJklmnop", "[redacted github token]"),
        Arguments.of(
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
            "[redacted jwt]"),
        Arguments.of("sha 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "sha [redacted token]"),
        Arguments.of("blob Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MEFCQ0RFRkdISUpLTE1OT1A=", "blob [redacted token]"));
  }

  /** Shapes that passed the redactor and reached the posted report and the stored state. */
  static Stream<Arguments> shapesThatGotThrough() {
    String rsa = "-----BEGIN RSA PRIVATE KEY-----\n"
        + "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n"
        + "VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n"
        + "Zq2vK1yS\n"
        + "-----END RSA PRIVATE KEY-----";
    return Stream.of(
        Arguments.of("maps key=AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe&x=1", "maps key=[redacted api key]&x=1"),
        Arguments.of("clone https://user:hunter2pass@git.example.com/org/repo.git",
            "clone https://user:[redacted]@git.example.com/org/repo.git"),
        Arguments.of("DATABASE_URL=postgres://admin:pw@db:5432/x", "DATABASE_URL=postgres://admin:[redacted]@db:5432/x"),
        Arguments.of("cache redis://:s3cr3tpw@host:6379/0", "cache redis://:[redacted]@host:6379/0"),
        Arguments.of("key:\n" + rsa + "\nthen API Error: 500", "key:\n[redacted private key]\nthen API Error: 500"),
        Arguments.of("cut:\n" + rsa.substring(0, rsa.indexOf("Zq2v")) + "Zq2v\nreq_011CXmPAT8xd3GWgKxdq8TRC",
            "cut:\n[redacted private key]\nreq_011CXmPAT8xd3GWgKxdq8TRC"));
  }

  static Stream<Arguments> otherShapes() {
    String anthropic = "sk-ant-api03-" + "Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa-ZYXWVUTSRQPONMLKJIHGFEDCBA0123456789abcd".repeat(2)
        .substring(0, 93) + "AA";
    return Stream.of(
        Arguments.of("Authorization: SSWS 00QCjAl4MlV-WPXM0yfXbWn7T5dSPpdSssyyTnpPxm done",
            "Authorization: SSWS [redacted credential] done"),
        Arguments.of("authorization: Custom Xy9abcDEF123ghiJKL done", "authorization: [redacted credential] done"),
        Arguments.of("Authorization: Digest username=\"Mufasa\", realm=\"http-auth@example.org\", "
            + "response=\"6629fae49393a05397450978507c4ef1\"", "Authorization: Digest [redacted credential]"),
        Arguments.of("Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
            + "SignedHeaders=host;range;x-amz-date, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024",
            "Authorization: AWS4-HMAC-SHA256 [redacted credential];range;x-amz-date, Signature=[redacted token]"),
        Arguments.of("Authorization:\n  Bearer abc123DEF456ghi\nnext line", "Authorization:\n  Bearer [redacted credential]\nnext line"),
        Arguments.of("Authorization: Basic\r\n dXNlcjpwYXNzd29yZA==\r\nHost: x", "Authorization: Basic\r\n [redacted credential]\r\nHost: x"),
        Arguments.of("{\"password\": \"correct horse battery staple\", \"user\": \"bob\"}",
            "{\"password\": \"[redacted credential]\", \"user\": \"bob\"}"),
        Arguments.of("PASSWD: hunter2! and SECRET=s3cr3t-value", "PASSWD: [redacted credential] and SECRET=[redacted credential]"),
        Arguments.of("{\"env\":{\"ANTHROPIC_API_KEY\":\"my-proxy-key-123\",\"ANTHROPIC_BASE_URL\":\"https://proxy.example.com\"}}",
            "{\"env\":{\"ANTHROPIC_API_KEY\":\"[redacted credential]\",\"ANTHROPIC_BASE_URL\":\"https://proxy.example.com\"}}"),
        Arguments.of("https://example.com/cb?token=abc123XYZ&state=ok", "https://example.com/cb?token=[redacted credential]&state=ok"),
        Arguments.of("jdbc:postgresql://db:5432/app?user=app&password=s3cret!x", "jdbc:postgresql://db:5432/app?user=app&password=[redacted credential]"),
        Arguments.of("{\"AccessKeyId\":\"ASIAZ7Q3R5T6Y8U9I0P2\",\"SecretAccessKey\":\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"}",
            "{\"AccessKeyId\":\"[redacted aws key id]\",\"SecretAccessKey\":\"[redacted credential]\"}"),
        Arguments.of("openai sk-proj-" + "aB3dE5fG7h".repeat(8) + " done", "openai [redacted api key] done"),
        Arguments.of("{\"private_key\":\"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\nabc=\\n-----END PRIVATE KEY-----\\n\"}",
            "{\"private_key\":\"[redacted private key]\\n\"}"),
        Arguments.of("log - -----BEGIN EC PRIVATE KEY----- | MHcCAQEEIIrYSSNQFaA2Hwf1duRSxKtLYX5CB04fSeQ6tF1aY | oAoGCCqGSM49"
            + " | -----END EC PRIVATE KEY----- | done", "log - [redacted private key] | done"),
        Arguments.of("-----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ AAAA -----END OPENSSH PRIVATE KEY----- ok",
            "[redacted private key] ok"),
        Arguments.of("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: DES-EDE3-CBC,7BA3A4D5D3F5E0C4\n\n"
            + "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nZq2v\n-----END RSA PRIVATE KEY-----\nok",
            "[redacted private key]\nok"),
        Arguments.of("-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nZq2v\n"
            + "thanks, API Error: 500 req_011CXmPAT8xd3GWgKxdq8TRC",
            "[redacted private key]\nthanks, API Error: 500 req_011CXmPAT8xd3GWgKxdq8TRC"),
        Arguments.of("stray -----END PRIVATE KEY----- line", "stray [redacted private key] line"),
        Arguments.of("k AIzaSyDaGmWKa4JsX\nZ-HjGw7ISLn_3namBGewQe next", "k [redacted api key] next"),
        Arguments.of("k AI\nzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe next", "k [redacted api key] next"),
        Arguments.of("t ghp_1234567890abcdefghij\r\nABCDEFGHIJklmnop done", "t [redacted github token] done"),
        Arguments.of("id AKIAIOSFOD\nNN7EXAMPLE here", "id [redacted aws key id] here"),
        Arguments.of(anthropic.substring(0, 50) + "\n" + anthropic.substring(50) + " next", "[redacted api key] next"),
        Arguments.of("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3\nODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U ok",
            "[redacted jwt] ok"),
        Arguments.of("postgres://admin:hunt\ner2@db:5432/x", "postgres://admin:[redacted]@db:5432/x"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "k AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe\nreq_011CXmPAT8xd3GWgKxdq8TRC",
        "t ghp_1234567890abcdefghijABCDEFGHIJklmnop\nnext",
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U\nreq_011CXmPAT8xd3GWgKxdq8TRC",
        "ANTHROPIC_API_KEY=sk-ant-api03-abcd1234\nreq_011CXmPAT8xd3GWgKxdq8TRC"
      })
  @DisplayName("never joins the next line to a token that is complete, or to one cut short by hand")
  void neverJoinsACompleteToken(String text) {
    assertThat(Redactor.redact(text)).endsWith(text.substring(text.indexOf('\n')));
  }

  @ParameterizedTest
  @MethodSource({"examples", "shapesThatGotThrough", "otherShapes"})
  @DisplayName("replaces each kind of secret with its marker, keeping labels, known schemes and a URL's user and host")
  void redactsEachKind(String text, String expected) {
    assertThat(Redactor.redact(text)).isEqualTo(expected);
    assertThat(Redactor.redact(expected)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "API Error: 500 {\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"},\"request_id\":\"req_011CXmPAT8xd3GWgKxdq8TRC\"}",
        "request-id: req_011CXmPAT8xd3GWgKxdq8TRC",
        "check https://status.claude.com/incidents/yyzkbfm5jrnk and https://anthropic.statuspage.io",
        "OAuth token has expired. Please obtain a new token or refresh your existing token.",
        "use a Bearer token, or Bearer authentication; the Authorization header",
        "Auth token: ANTHROPIC_AUTH_TOKEN\nAPI key: /login managed key",
        "ANTHROPIC_API_KEY=$ANTHROPIC_API_KEY and TOKEN=${SECRET}",
        "/home/runner/work/my-project/my-project/src/components/Header2.tsx",
        "src/main/java/dev/claude500/errors/ErrorTextParserPropertiesTest.java",
        "session 123e4567-e89b-12d3-a456-426614174000",
        "at AbstractSingletonProxyFactoryBeanConfigurerHolder.run",
        "CLAUDE_CODE_MAX_OUTPUT_TOKENS=32000",
        "Auth token: none, max_tokens: 4096, \"token_type\": \"Bearer\", input_tokens=12",
        "see http://localhost:3000/healthz, postgres://db.internal:5432/claude500, ssh://git@github.com:22/x"
            + " and https://example.com:8443/p?x=1&page=2",
        "component k8w3r06qmzrp (incident yyzkbfm5jrnk) https://stspg.io/0h1g3bkh1v1q",
        ""
      })
  @DisplayName("keeps request ids, status links, words, paths and variable references")
  void keepsEvidence(String text) {
    assertThat(Redactor.redact(text)).isEqualTo(text);
  }

  @Test
  @DisplayName("redacts a whole run, never part of it")
  void redactsWholeRuns() {
    String text = "token_0123456789abcdef0123456789abcdef_tail and more";

    assertThat(Redactor.redact(text)).isEqualTo("[redacted token] and more");
  }

  @Test
  @DisplayName("does a quarter megabyte of adversarial text quickly (it is linear)")
  void linearOnAdversarialText() {
    String[] units = {
      "sk-ant-", "sk-", "eyJ", "eyJaaaaa.", "xoxb-", "ghp_", "AKIA", "bearer ", "Bearer aaaaaaa ",
      "authorization: ", "x-api-key=", "password:", "A_", "_TOKEN", "TOKEN=", "export ", "a", "=",
      "aaaaaaaaaaaaaaaaaaaaaaaaa.", "aaaaaa.", "[redacted", "\n", " ", "aB3", "aB3/",
      "AIza", "AIzaA\n", "-----BEGIN PRIVATE KEY-----", "-----BEGIN PRIVATE KEY-----\na\n", "https://a:", "eyJa\n",
      "sk-ant-api03-\n", "Authorization: abc ", "token: ", "\\n", "a://:b@", "eyJa.b "
    };
    for (String unit : units) {
      String text = unit.repeat((1 << 18) / unit.length());
      long started = CPU.getCurrentThreadCpuTime();

      String out = Redactor.redact(text);

      // this thread's CPU time, so a busy machine does not count; a pattern that backtracks on
      // 256 KB takes minutes, a linear one some tens of milliseconds
      long millis = (CPU.getCurrentThreadCpuTime() - started) / 1_000_000;
      assertThat(millis).as("%s took %d ms of CPU", unit, millis).isLessThan(3_000);
      assertThat(out.length() <= 3 * text.length()).as("output bounded for %s", unit).isTrue();
    }
  }

  @Test
  @DisplayName("redacts a megabyte-long random-looking run as one token, and keeps a long word")
  void redactsHugeRuns() {
    char[] word = new char[1 << 20];
    Arrays.fill(word, 'A');
    String run = "aB3".repeat(1 << 18);

    assertThat(Redactor.redact(new String(word)).equals(new String(word))).isTrue();
    assertThat(Redactor.redact(run)).isEqualTo(Redactor.TOKEN);
  }
}
