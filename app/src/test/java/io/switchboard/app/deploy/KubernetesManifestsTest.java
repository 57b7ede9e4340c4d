package io.switchboard.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Kubernetes manifests under ops/deploy/kubernetes, checked without a cluster (none exists on
 * these machines): each document is a known kind of its API group, the workloads' selectors, ports,
 * probes, volumes and claims refer to things that exist, secrets come only by reference, and the
 * application, given the ConfigMap as its environment, resolves its image store and credentials key
 * to the volumes mounted for them and serves the probes on the container's port. What it cannot
 * check (a real API server's admission, the images, the Camunda chart) is listed in
 * docs/production.md.
 */
class KubernetesManifestsTest {
  private static final Path DIR = Path.of("..", "ops", "deploy", "kubernetes");
  private static final Set<String> KINDS =
      Set.of(
          "v1/ConfigMap",
          "v1/Service",
          "v1/PersistentVolumeClaim",
          "apps/v1/Deployment",
          "apps/v1/StatefulSet",
          "policy/v1/PodDisruptionBudget");
  private static final Pattern SECRET_NAME =
      Pattern.compile(".*(PASSWORD|SECRET|TOKEN|_KEY|CLIENTID)$");

  private static final List<Map<String, Object>> objects = new ArrayList<>();

  @BeforeAll
  static void load() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        if (file.getFileName().toString().equals("camunda-values.yaml")
            || file.getFileName().toString().equals("prometheus-scrape.yaml")) {
          parse(file); // Helm values and a Prometheus fragment: YAML, but not Kubernetes objects
          continue;
        }
        for (Object document : parse(file)) {
          if (document != null) {
            objects.add(map(document));
          }
        }
      }
    }
    assertThat(objects).isNotEmpty();
  }

  private static List<Object> parse(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file)) {
      List<Object> documents = new ArrayList<>();
      new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader).forEach(documents::add);
      return documents;
    }
  }

  @Test
  void everyDocumentIsAKnownKindOfItsApiGroupWithAName() {
    for (Map<String, Object> object : objects) {
      assertThat(KINDS).contains(object.get("apiVersion") + "/" + object.get("kind"));
      assertThat(map(object.get("metadata")).get("name")).isInstanceOf(String.class);
    }
  }

  @Test
  void everyDocumentHasOnlyTheFieldsAndValueTypesOfItsKindInTheKubernetesApi() {
    for (Map<String, Object> object : objects) {
      assertThat(KubernetesSchema.problems(object))
          .as(object.get("kind") + " " + map(object.get("metadata")).get("name"))
          .isEmpty();
    }
  }

  @Test
  void aMisspeltFieldAWrongTypeAndABadQuantityAreEachNamedByTheirPath() {
    Map<String, Object> deployment = map(copy(named("Deployment", "switchboard")));
    Map<String, Object> container =
        list(map(map(map(deployment.get("spec")).get("template")).get("spec")).get("containers"))
            .get(0);
    container.put("readinesProbe", container.remove("readinessProbe"));
    container.put("resources", Map.of("limits", Map.of("memory", "two gigabytes")));
    map(deployment.get("spec")).put("replicas", Map.of("count", 2));

    List<String> problems = KubernetesSchema.problems(deployment);

    assertThat(String.join("\n", problems)).contains("replicas");
    map(deployment.get("spec")).put("replicas", 2);
    assertThat(KubernetesSchema.problems(deployment))
        .contains(
            "apps/v1/Deployment.spec.template.spec.containers[0].readinesProbe: no such field",
            "apps/v1/Deployment.spec.template.spec.containers[0].resources.limits.memory:"
                + " quantity 'two gigabytes' does not parse");
  }

  @Test
  void everyDocumentPassesTheApiServersValidationAndTheWorkloadTheRestrictedPodSecurityStandard() {
    for (Map<String, Object> object : objects) {
      assertThat(ApiServerRules.problems(KubernetesSchema.typed(object)))
          .as(object.get("kind") + " " + map(object.get("metadata")).get("name"))
          .isEmpty();
    }
  }

  @Test
  void aMissingImageABadEnumAPortOutOfRangeAndAnEscalatingContainerAreEachNamed() {
    Map<String, Object> deployment = map(copy(named("Deployment", "switchboard")));
    Map<String, Object> pod = map(map(map(deployment.get("spec")).get("template")).get("spec"));
    Map<String, Object> container = list(pod.get("containers")).get(0);
    container.remove("image");
    container.put("imagePullPolicy", "Sometimes");
    container.put("ports", List.of(Map.of("name", "http", "containerPort", 80800)));
    map(container.get("securityContext")).put("allowPrivilegeEscalation", true);
    map(map(deployment.get("spec")).get("strategy")).put("type", "BlueGreen");

    assertThat(ApiServerRules.problems(KubernetesSchema.typed(deployment)))
        .contains(
            "Deployment.spec.strategy.type: 'BlueGreen' is not one of [Recreate, RollingUpdate]",
            "Deployment.spec.template.spec.containers[0].image: required",
            "Deployment.spec.template.spec.containers[0].imagePullPolicy: 'Sometimes' is not one"
                + " of [Always, IfNotPresent, Never]",
            "Deployment.spec.template.spec.containers[0].ports[0].containerPort: 80800 is not a"
                + " port number (1-65535)",
            "Deployment.spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation:"
                + " restricted requires false");

    Map<String, Object> claim = map(copy(named("PersistentVolumeClaim", "switchboard-images")));
    map(claim.get("spec")).put("accessModes", List.of("ReadWriteSometimes"));
    map(claim.get("spec")).remove("resources");
    assertThat(ApiServerRules.problems(KubernetesSchema.typed(claim)))
        .contains(
            "PersistentVolumeClaim.spec.accessModes: 'ReadWriteSometimes' is not one of"
                + " [ReadOnlyMany, ReadWriteMany, ReadWriteOnce, ReadWriteOncePod]",
            "PersistentVolumeClaim.spec.resources.requests.storage: required");
  }

  /** A deep copy through YAML, so a test may change it without touching the others' objects. */
  private static Object copy(Object document) {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    return yaml.load(yaml.dump(document));
  }

  @Test
  void workloadsSelectTheirOwnPodsAndReferOnlyToPortsVolumesAndClaimsThatExist() {
    Set<String> claims = new java.util.HashSet<>(namesOf("PersistentVolumeClaim"));
    for (Map<String, Object> workload : workloads()) {
      Map<String, Object> spec = map(workload.get("spec"));
      Map<String, Object> template = map(spec.get("template"));
      Map<String, Object> podLabels = map(map(template.get("metadata")).get("labels"));
      assertThat(podLabels).containsAllEntriesOf(map(map(spec.get("selector")).get("matchLabels")));
      Map<String, Object> pod = map(template.get("spec"));
      Set<String> volumes = new java.util.HashSet<>();
      for (Map<String, Object> volume : list(pod.get("volumes"))) {
        volumes.add((String) volume.get("name"));
        if (volume.containsKey("persistentVolumeClaim")) {
          assertThat(claims)
              .contains((String) map(volume.get("persistentVolumeClaim")).get("claimName"));
        }
      }
      for (Map<String, Object> claim : list(spec.get("volumeClaimTemplates"))) {
        volumes.add((String) map(claim.get("metadata")).get("name"));
      }
      for (Map<String, Object> container : list(pod.get("containers"))) {
        Set<Object> ports = new java.util.HashSet<>();
        for (Map<String, Object> port : list(container.get("ports"))) {
          ports.add(port.get("name"));
          ports.add(port.get("containerPort"));
        }
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
          Map<String, Object> httpGet = map(map(container.get(probe)).get("httpGet"));
          if (httpGet.containsKey("port")) {
            assertThat(ports).as(probe + " port").contains(httpGet.get("port"));
          }
        }
        for (Map<String, Object> mount : list(container.get("volumeMounts"))) {
          assertThat(volumes).as("volume of mount " + mount).contains((String) mount.get("name"));
        }
      }
    }
  }

  @Test
  void servicesAndDisruptionBudgetsSelectPodsThatAWorkloadRuns() {
    List<Map<String, Object>> podLabels =
        workloads().stream()
            .map(
                w ->
                    map(map(map(map(w.get("spec")).get("template")).get("metadata")).get("labels")))
            .toList();
    for (Map<String, Object> object : objects) {
      Map<String, Object> spec = map(object.get("spec"));
      Map<String, Object> selector =
          switch ((String) object.get("kind")) {
            case "Service" -> map(spec.get("selector"));
            case "PodDisruptionBudget" -> map(map(spec.get("selector")).get("matchLabels"));
            default -> null;
          };
      if (selector != null) {
        assertThat(podLabels)
            .as(
                "pods selected by "
                    + object.get("kind")
                    + " "
                    + map(object.get("metadata")).get("name"))
            .anySatisfy(labels -> assertThat(labels).containsAllEntriesOf(selector));
      }
    }
  }

  @Test
  void secretsComeOnlyByReference() {
    for (Map<String, Object> object : objects) {
      if ("ConfigMap".equals(object.get("kind"))) {
        for (String key : map(object.get("data")).keySet()) {
          assertThat(key.endsWith("_FILE") || !SECRET_NAME.matcher(key).matches())
              .as("secret-looking ConfigMap key " + key)
              .isTrue();
        }
      }
    }
    for (Map<String, Object> container : containers()) {
      for (Map<String, Object> env : list(container.get("env"))) {
        if (SECRET_NAME.matcher((String) env.get("name")).matches()) {
          assertThat(env).as("env " + env.get("name")).doesNotContainKey("value");
          assertThat(map(env.get("valueFrom"))).containsKey("secretKeyRef");
        }
      }
    }
  }

  /**
   * The application started (no beans) with the ConfigMap as its environment and the secrets'
   * variables set: its image store must be the shared claim's mount, its credentials key file
   * inside the secret's mount, its probes the groups it serves on the container's port.
   */
  @Test
  void theApplicationGivenTheConfigMapFindsItsImageStoreAndKeyOnTheMountedVolumes() {
    Map<String, Object> deployment = named("Deployment", "switchboard");
    Map<String, Object> pod = map(map(map(deployment.get("spec")).get("template")).get("spec"));
    Map<String, Object> container = list(pod.get("containers")).get(0);
    Map<String, Object> environment =
        new HashMap<>(map(named("ConfigMap", "switchboard").get("data")));
    for (Map<String, Object> env : list(container.get("env"))) {
      environment.put((String) env.get("name"), "from-secret");
    }
    // the logging settings would outlive this context: Spring Boot keeps them in system
    // properties, and every later test of this JVM would log JSON
    environment.keySet().removeIf(name -> name.startsWith("LOGGING_"));
    Map<String, String> volumeByMount = new LinkedHashMap<>();
    for (Map<String, Object> mount : list(container.get("volumeMounts"))) {
      volumeByMount.put((String) mount.get("mountPath"), (String) mount.get("name"));
    }
    Map<String, Map<String, Object>> volumes = new HashMap<>();
    for (Map<String, Object> volume : list(pod.get("volumes"))) {
      volumes.put((String) volume.get("name"), volume);
    }

    try (ConfigurableApplicationContext context = start(environment)) {
      ConfigurableEnvironment env = context.getEnvironment();
      assertThat(env.getActiveProfiles()).contains("camunda", "mysql");
      assertThat(env.getProperty("switchboard.engine.enabled")).isEqualTo("false");

      String store = env.getProperty("switchboard.images.store-dir");
      Map<String, Object> storeVolume = volumes.get(volumeOf(volumeByMount, store));
      assertThat(storeVolume).as("volume holding the image store " + store).isNotNull();
      assertThat(storeVolume).containsKey("persistentVolumeClaim");

      String keyFile = env.getProperty("switchboard.security.credentials-key-file");
      Map<String, Object> keyVolume = volumes.get(volumeOf(volumeByMount, keyFile));
      assertThat(keyVolume).as("volume holding the credentials key " + keyFile).isNotNull();
      assertThat(keyVolume).containsKey("secret");

      String dataDir = env.getProperty("switchboard.data-dir");
      assertThat(volumeOf(volumeByMount, dataDir + "/x"))
          .as("a writable volume for the data directory " + dataDir)
          .isNotNull();

      int port = Integer.parseInt(env.getProperty("server.port", "8080"));
      assertThat(list(container.get("ports")).get(0).get("containerPort")).isEqualTo(port);
      assertThat(env.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
      assertThat(env.getProperty("management.endpoint.health.group.liveness.include")).isNotBlank();
      assertThat(env.getProperty("management.endpoint.health.group.readiness.include"))
          .contains("db", "workflowEngine", "processes");
      assertThat(map(map(container.get("livenessProbe")).get("httpGet")).get("path"))
          .isEqualTo("/actuator/health/liveness");
      assertThat(map(map(container.get("readinessProbe")).get("httpGet")).get("path"))
          .isEqualTo("/actuator/health/readiness");
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class NoBeans {}

  private static ConfigurableApplicationContext start(Map<String, Object> variables) {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    environment
        .getPropertySources()
        .addLast(
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    return new SpringApplicationBuilder(NoBeans.class)
        .web(WebApplicationType.NONE)
        .environment(environment)
        .logStartupInfo(false)
        .run();
  }

  /** The volume whose mount holds this path (the deepest mount that is a prefix of it). */
  private static String volumeOf(Map<String, String> volumeByMount, String path) {
    String best = null;
    for (String mount : volumeByMount.keySet()) {
      if ((path.equals(mount) || path.startsWith(mount + "/"))
          && (best == null || mount.length() > best.length())) {
        best = mount;
      }
    }
    return best == null ? null : volumeByMount.get(best);
  }

  private static List<Map<String, Object>> workloads() {
    return objects.stream()
        .filter(o -> Set.of("Deployment", "StatefulSet").contains(o.get("kind")))
        .toList();
  }

  private static List<Map<String, Object>> containers() {
    return workloads().stream()
        .flatMap(
            w ->
                list(map(map(map(w.get("spec")).get("template")).get("spec")).get("containers"))
                    .stream())
        .toList();
  }

  private static List<String> namesOf(String kind) {
    return objects.stream()
        .filter(o -> kind.equals(o.get("kind")))
        .map(o -> (String) map(o.get("metadata")).get("name"))
        .toList();
  }

  private static Map<String, Object> named(String kind, String name) {
    return objects.stream()
        .filter(o -> kind.equals(o.get("kind")) && name.equals(map(o.get("metadata")).get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }
}
