package dev.claude500.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The files an operator deploys with parse, and name only settings the launcher knows. */
class PackagingTest {
  private static final Path DEPLOY = Path.of(".");
  private static final Pattern SETTING = Pattern.compile("\\b((?:CLAUDE500|SLACK|DISCORD)_[A-Z0-9_]+)\\b");

  private static List<Path> packagingFiles() throws IOException {
    try (Stream<Path> files = Files.walk(DEPLOY)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> !p.startsWith(DEPLOY.resolve("src")) && !p.startsWith(DEPLOY.resolve("target")))
          .filter(p -> !p.getFileName().toString().equals("pom.xml"))
          .sorted()
          .toList();
    }
  }

  @Test
  void theContractedPackagingIsThere() {
    for (String f : List.of("Dockerfile", "docker-compose.yml", ".env.example", "k8s/deployment.yaml",
        "k8s/service.yaml", "k8s/secret.yaml", "k8s/configmap.yaml", "k8s/postgres.yaml", "systemd/claude500.service")) {
      assertThat(DEPLOY.resolve(f)).as(f).isRegularFile();
    }
  }

  @Test
  void everyManifestParsesAsYaml() throws IOException {
    YAMLMapper yaml = new YAMLMapper();
    List<Path> manifests = packagingFiles().stream()
        .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).toList();
    assertThat(manifests).isNotEmpty();
    for (Path p : manifests) {
      try (MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class).readValues(p.toFile())) {
        List<JsonNode> all = docs.readAll();
        assertThat(all).as(p.toString()).isNotEmpty().allMatch(JsonNode::isObject);
      }
    }
  }

  @Test
  void manifestsNameOnlySettingsTheLauncherKnows() throws IOException {
    Set<String> known = Arrays.stream(Setting.values()).map(Setting::name).collect(Collectors.toSet());
    Set<String> unknown = new TreeSet<>();
    Set<String> named = new TreeSet<>();
    for (Path p : packagingFiles()) {
      Matcher m = SETTING.matcher(Files.readString(p));
      while (m.find()) {
        named.add(m.group(1));
        if (!known.contains(m.group(1))) {
          unknown.add(p + ": " + m.group(1));
        }
      }
    }
    assertThat(named).contains("CLAUDE500_DB_URL", "SLACK_BOT_TOKEN", "DISCORD_BOT_TOKEN");
    assertThat(unknown).isEmpty();
  }

  @Test
  void theDeploymentProbesTheHealthEndpoints() throws IOException {
    JsonNode deployment = new YAMLMapper().readTree(DEPLOY.resolve("k8s/deployment.yaml").toFile());
    JsonNode container = deployment.at("/spec/template/spec/containers/0");
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
    assertThat(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(deployment.at("/spec/template/spec/terminationGracePeriodSeconds").asInt())
        .as("room for the graceful stop").isGreaterThanOrEqualTo(30);
  }

  @Test
  void theShardedStatefulSetGivesEachReplicaItsOwnShardOfAsManyAsThereAreReplicas() throws IOException {
    JsonNode set = new YAMLMapper().readTree(DEPLOY.resolve("k8s/statefulset-discord-shards.yaml").toFile());
    JsonNode container = set.at("/spec/template/spec/containers/0");
    assertThat(set.at("/kind").asText()).isEqualTo("StatefulSet");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
    Map<String, JsonNode> env = new LinkedHashMap<>();
    container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
    assertThat(env.get("POD_INDEX").at("/valueFrom/fieldRef/fieldPath").asText())
        .isEqualTo("metadata.labels['apps.kubernetes.io/pod-index']");
    String shards = env.get("DISCORD_SHARDS").path("value").asText();
    assertThat(shards).isEqualTo("$(POD_INDEX)/" + set.at("/spec/replicas").asInt());
    for (int i = 0; i < set.at("/spec/replicas").asInt(); i++) {
      assertThat(Settings.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", "t",
          "DISCORD_SHARDS", shards.replace("$(POD_INDEX)", Integer.toString(i)))).discord().orElseThrow().shards())
          .hasValueSatisfying(held -> assertThat(held.ids()).hasSize(1));
    }
  }

  @Test
  void theImageBuildsWithTheWrapperAndRunsOnAJre17AsANonRootUserWithAHealthCheck() throws IOException {
    List<String> lines = Files.readAllLines(DEPLOY.resolve("Dockerfile"));
    assertThat(lines).filteredOn(l -> l.startsWith("FROM ")).hasSize(2)
        .last().asString().contains(":17-jre");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("RUN ./mvnw ").contains("package"));
    assertThat(lines).filteredOn(l -> l.startsWith("USER ")).singleElement().asString()
        .doesNotContain("root").matches("USER [1-9][0-9]*(:[1-9][0-9]*)?");
    assertThat(String.join("\n", lines)).contains("HEALTHCHECK").contains("/healthz");
  }

  @Test
  void supervisorsWaitForTheGracefulStopAndTakeItsExitStatusAsClean() throws IOException {
    JsonNode compose = new YAMLMapper().readTree(DEPLOY.resolve("docker-compose.yml").toFile());
    assertThat(compose.at("/services/bot/stop_grace_period").asText()).isEqualTo("30s");
    assertThat(compose.at("/services/postgres/volumes/0").asText()).startsWith("pgdata:");
    List<String> unit = Files.readAllLines(DEPLOY.resolve("systemd/claude500.service"));
    assertThat(unit).contains("TimeoutStopSec=30", "SuccessExitStatus=143");
  }
}
