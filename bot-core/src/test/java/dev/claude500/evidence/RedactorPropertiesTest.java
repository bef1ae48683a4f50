package dev.claude500.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claude500.evidence.Secrets.Kind;
import dev.claude500.evidence.Secrets.Planted;
import dev.claude500.evidence.Secrets.Setting;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

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

  /** A paste: random text with secrets and text that must stay (request ids, links) planted in it. */
  record Paste(String text, List<Planted> secrets, List<String> kept) {
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
    for (String id : paste.kept()) {
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
  void neverThrowsOnManySecretsInARow(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 63) Integer> kinds, @ForAll long seed) {
    StringBuilder text = new StringBuilder();
    for (int k : kinds) {
      text.append(Kind.values()[k % Kind.values().length].make(seed + k).text()).append(' ');
    }
    String once = Redactor.redact(text.toString());

    assertThat(Redactor.redact(once)).isEqualTo(once);
  }

  /**
   * Every shape, planted in prose, in a JSON string value, in a URL (its query or user information,
   * where it fits) or cut in two by a line break, goes, and the text around it stays. A secret cut
   * by a line break follows the rule the redactor documents: shapes whose length or parts say they
   * are incomplete are joined back and go whole; elsewhere the part before the break goes by its
   * prefix or label, and what follows goes when it is random enough for the last rule, so what may
   * stay is a shorter piece, never the secret ({@link Secrets.Wrap}).
   */
  @Property(tries = 1_500)
  @Label("every shape goes wherever it stands, and the text around it stays")
  void everyShapeGoesWhereverItStands(@ForAll("plantings") Paste paste) {
    String out = Redactor.redact(paste.text());

    for (Planted p : paste.secrets()) {
      for (String piece : p.pieces()) {
        for (int i = 0; i + 8 <= piece.length(); i++) {
          assertThat(out).as("%s left a piece in %s", p.kind(), out).doesNotContain(piece.substring(i, i + 8));
        }
      }
      for (String kept : p.kept()) {
        assertThat(out).as("%s: what stands around it", p.kind()).contains(kept);
      }
    }
    for (String kept : paste.kept()) {
      assertThat(out).as("ordinary text").contains(kept);
    }
  }

  @Property(tries = 300)
  @Label("each rule on its own finds the shape it is named for")
  void eachRuleAloneFindsItsShape(@ForAll Kind kind, @ForAll long seed) {
    Planted p = kind.make(seed);
    SecretRule rule = SecretRules.ALL.stream().filter(r -> r.name().equals(kind.rule())).findFirst().orElseThrow();

    String out = rule.apply(p.text());

    for (int i = 0; i + 8 <= p.secret().length(); i++) {
      assertThat(out).as("%s by %s: %s", kind, rule.name(), out).doesNotContain(p.secret().substring(i, i + 8));
    }
  }

  @Example
  @Label("every rule of the redactor has a shape that exercises it")
  void everyRuleHasAShape() {
    assertThat(Arrays.stream(Kind.values()).map(Kind::rule).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(SecretRules.ALL.stream().map(SecretRule::name).toList());
  }

  /**
   * A megabyte of hostile text, many starts of the shapes and nothing that completes them, comes
   * back: no rule backtracks. The time is collected for the report, not asserted.
   */
  @Property(tries = 12)
  @Label("a megabyte of hostile text comes back")
  void aMegabyteOfHostileTextComesBack(
      @ForAll @Size(min = 1, max = 5) List<@From("hostileUnits") String> units, @ForAll long seed) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder(1 << 20);
    while (text.length() < 1 << 20) {
      text.append(units.get(random.nextInt(units.size())));
    }
    long started = System.nanoTime();

    String out = Redactor.redact(text.toString());

    long millis = (System.nanoTime() - started) / 1_000_000;
    Statistics.label("redact 1 MB").collect(millis < 250 ? "< 250 ms" : millis < 1_000 ? "< 1 s" : millis < 4_000 ? "< 4 s" : ">= 4 s");
    Statistics.label("slowest units").collect(millis >= 1_000 ? String.join("", units).replace("\n", "\\n") : "-");
    assertThat(out.length()).isLessThanOrEqualTo(3 * text.length());
  }

  @Provide
  Arbitrary<String> hostileUnits() {
    return Arbitraries.of(
        "AIza", "AIzaSy0\n", "AI\nza", "-----BEGIN", "-----BEGIN PRIVATE KEY-----", "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n",
        "-----END PRIVATE KEY-----", "https://a:", "https://a:b@", "://", "@", "eyJ", "eyJa\n", "eyJa.", "sk-ant-api03-",
        "sk-ant-api03-a\n", "sk-", "ghp_", "github_pat_", "AKIA\n", "xoxb-", "Authorization: ", "Authorization: Basic ",
        "authorization: abc ", "password=\"", "token: ", "a", "A", "0", " ", "\n", "\\n", " | ", "=", ":", "/", "-", "\"",
        "[redacted", "req_", "Proc-Type: ", "$", "a://:b@", "eyJa.b ");
  }

  @Provide
  Arbitrary<Paste> plantings() {
    return Arbitraries.of(Setting.class).flatMap(RedactorPropertiesTest::planted);
  }

  /** One secret of a random kind in {@code setting}, among ordinary text that must stay. */
  private static Arbitrary<Paste> planted(Setting setting) {
    List<Kind> kinds = Arrays.stream(Kind.values()).filter(k -> k.fits(setting)).toList();
    Arbitrary<Planted> secret = Combinators.combine(Arbitraries.of(kinds), Arbitraries.longs()).as((k, seed) -> k.make(seed, setting));
    Arbitrary<List<String>> ordinary = Arbitraries.longs().map(Secrets::ordinary).list().ofMinSize(1).ofMaxSize(3);
    return Combinators.combine(
            secret, ordinary, Arbitraries.integers().between(0, 3), prose().list().ofSize(5),
            Arbitraries.of(SEPARATORS).list().ofSize(8))
        .as((p, around, at, texts, separators) -> {
          List<Object> pieces = new ArrayList<>(around);
          pieces.add(Math.min(at, around.size()), p);
          return paste(pieces, texts, separators);
        });
  }

  /** Random text with no word a rule reads as a label. */
  private static Arbitrary<String> prose() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(60),
        Arbitraries.strings().alpha().numeric().withChars(" .,:/-_").ofMaxLength(60));
  }
}
