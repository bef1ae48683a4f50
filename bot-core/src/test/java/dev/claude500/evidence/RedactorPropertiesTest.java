package dev.claude500.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.evidence.Secrets.Kind;
import dev.claude500.evidence.Secrets.Planted;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class RedactorPropertiesTest {
  /** What may stand on either side of a secret in a paste. */
  private static final List<String> SEPARATORS =
      List.of(" ", "\n", "\t", "(", ")", "\"", ",", ";", "<", ">", "|", "\r\n", " = ", ": ");

  /**
   * What may follow a labelled value ({@code x-api-key: value}): a value runs to a blank, a quote,
   * a comma or a semicolon, and a password may hold any other symbol, so what is glued to it goes
   * with it.
   */
  private static final List<String> VALUE_ENDS = List.of(" ", "\n", "\t", "\"", ",", ";", "\r\n");

  /** A paste: random text with secrets and request ids planted in it. */
  record Paste(String text, List<Planted> secrets, List<String> requestIds) {
    @Override
    public String toString() {
      return text;
    }
  }

  @Property(tries = 300)
  void noSecretSurvivesAndRequestIdsDo(@ForAll("pastes") Paste paste) {
    String out = Redactor.redact(paste.text());

    for (Planted p : paste.secrets()) {
      assertThat(out).as("%s in %s", p.kind(), out).doesNotContain(p.secret());
      for (int i = 0; i + 16 <= p.secret().length(); i++) {
        assertThat(out).as("%s leaked a part in %s", p.kind(), out).doesNotContain(p.secret().substring(i, i + 16));
      }
    }
    for (String id : paste.requestIds()) {
      assertThat(out).contains(id);
    }
  }

  @Property(tries = 300)
  void isIdempotentAndBoundedOnPastes(@ForAll("pastes") Paste paste) {
    String once = Redactor.redact(paste.text());

    assertThat(Redactor.redact(once)).isEqualTo(once);
    assertThat(once.length()).isLessThanOrEqualTo(3 * paste.text().length());
  }

  @Property(tries = 500)
  void neverThrowsIsIdempotentAndBoundedOnAnyString(@ForAll("anyText") String text) {
    String once = Redactor.redact(text);

    assertThat(Redactor.redact(once)).isEqualTo(once);
    assertThat(once.length()).isLessThanOrEqualTo(3 * text.length());
  }

  @Property(tries = 200)
  void aSecretStraddlingTheCutNeverLeaksAPrefix(
      @ForAll Kind kind,
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 200) int fill,
      @ForAll @IntRange(min = 1, max = 400) int into) {
    Planted p = kind.make(seed);
    String before = "evidence: " + "x ".repeat(fill);
    String text = before + p.text() + " and more text after it" + " z".repeat(200);
    int maxChars = before.length() + Math.min(into, p.text().length() - 1);

    Bounded kept = InputLimits.redactedCut(text, maxChars);

    assertThat(kept.text().length()).isLessThanOrEqualTo(maxChars);
    for (int i = 0; i + 8 <= p.secret().length(); i++) {
      assertThat(kept.text()).as("%s", kind).doesNotContain(p.secret().substring(i, i + 8));
    }
  }

  @Provide
  Arbitrary<Paste> pastes() {
    Arbitrary<Planted> secret =
        Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.longs()).as(Kind::make);
    Arbitrary<String> requestId = Arbitraries.longs().map(Secrets::requestId);
    Arbitrary<Object> piece = Arbitraries.oneOf(secret.map(o -> o), requestId.map(o -> o));
    Arbitrary<String> text = noise();
    Arbitrary<String> separator = Arbitraries.of(SEPARATORS);
    return Combinators.combine(
            piece.list().ofMinSize(1).ofMaxSize(6),
            text.list().ofSize(7),
            separator.list().ofSize(14))
        .as(RedactorPropertiesTest::paste);
  }

  private static Paste paste(List<Object> pieces, List<String> texts, List<String> separators) {
    StringBuilder s = new StringBuilder(texts.get(0));
    List<Planted> secrets = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < pieces.size(); i++) {
      Object piece = pieces.get(i);
      String shown = piece instanceof Planted p ? p.text() : (String) piece;
      if (piece instanceof Planted p) {
        secrets.add(p);
      } else {
        ids.add((String) piece);
      }
      String after = separators.get(2 * i + 1);
      if (piece instanceof Planted p && !p.secret().equals(p.text()) && !VALUE_ENDS.contains(after)) {
        after = " " + after;
      }
      s.append(separators.get(2 * i)).append(shown).append(after).append(texts.get(i + 1));
    }
    return new Paste(s.toString(), secrets, ids);
  }

  private static Arbitrary<String> noise() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(60),
        Arbitraries.strings().alpha().numeric().withChars(" .,:/-_").ofMaxLength(60),
        Arbitraries.of("", "API Error: 500 ", "see https://status.claude.com ", "Bearer ", "key"));
  }

  @Provide
  Arbitrary<String> anyText() {
    Arbitrary<String> soup =
        Arbitraries.strings()
            .withChars("sk-antapi03oatxoxbghp_AKIAeyJ.Bearer authorization:=\"' [redacted]$_TOKEN0123456789abcdefABCDEF+/")
            .ofMaxLength(400);
    return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(1_000), soup);
  }

  @Property(tries = 100)
  void neverThrowsOnManySecretsInARow(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 16) Integer> kinds, @ForAll long seed) {
    StringBuilder text = new StringBuilder();
    for (int k : kinds) {
      text.append(Kind.values()[k % Kind.values().length].make(seed + k).text()).append(' ');
    }
    String once = Redactor.redact(text.toString());

    assertThat(Redactor.redact(once)).isEqualTo(once);
  }
}
