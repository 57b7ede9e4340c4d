package io.switchboard.app.deploy;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What an API server refuses that a type check does not see, for the kinds and fields these
 * manifests use: required fields, enumerations, name formats and ranges (as the API server's
 * validation has them), and the Pod Security Standards' {@code restricted} profile, which a
 * namespace labelled {@code pod-security.kubernetes.io/enforce: restricted} admits. Each problem
 * names its path. Not a whole API server: rules for fields these manifests do not use are absent.
 */
final class ApiServerRules {
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern LABEL_VALUE =
      Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
  private static final Set<String> PROTOCOLS = Set.of("TCP", "UDP", "SCTP");
  private static final Set<String> PULL_POLICIES = Set.of("Always", "IfNotPresent", "Never");
  private static final Set<String> ACCESS_MODES =
      Set.of("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod");
  private static final Set<String> SERVICE_TYPES =
      Set.of("ClusterIP", "NodePort", "LoadBalancer", "ExternalName");
  private static final Set<String> SECCOMP_TYPES = Set.of("RuntimeDefault", "Localhost");

  private final List<String> problems = new ArrayList<>();

  private ApiServerRules() {}

  /** The problems of one typed object (as {@link KubernetesSchema#typed} reads it). */
  static List<String> problems(Object object) {
    ApiServerRules rules = new ApiServerRules();
    rules.check(object);
    return rules.problems;
  }

  private void check(Object object) {
    if (object instanceof HasMetadata resource) {
      String where = resource.getKind();
      String name = resource.getMetadata() == null ? null : resource.getMetadata().getName();
      if (name == null || name.isEmpty()) {
        problems.add(where + ".metadata.name: required");
      } else if (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
        problems.add(where + ".metadata.name: '" + name + "' is not a DNS-1123 subdomain");
      }
      if (resource.getMetadata() != null) {
        labels(where + ".metadata.labels", resource.getMetadata().getLabels());
      }
    }
    if (object instanceof Deployment d) {
      deployment(d);
    } else if (object instanceof StatefulSet s) {
      statefulSet(s);
    } else if (object instanceof Service s) {
      service(s);
    } else if (object instanceof PersistentVolumeClaim c) {
      claim("PersistentVolumeClaim.spec", c.getSpec());
    } else if (object instanceof PodDisruptionBudget b) {
      disruptionBudget(b);
    }
  }

  private void deployment(Deployment d) {
    String where = "Deployment.spec";
    require(d.getSpec().getSelector(), where + ".selector");
    if (d.getSpec().getReplicas() != null && d.getSpec().getReplicas() < 0) {
      problems.add(where + ".replicas: must be 0 or more");
    }
    var strategy = d.getSpec().getStrategy();
    if (strategy != null) {
      oneOf(strategy.getType(), Set.of("RollingUpdate", "Recreate"), where + ".strategy.type");
      var rolling = strategy.getRollingUpdate();
      if (rolling != null) {
        if ("Recreate".equals(strategy.getType())) {
          problems.add(where + ".strategy.rollingUpdate: may not be given with Recreate");
        }
        if (isZero(rolling.getMaxUnavailable()) && isZero(rolling.getMaxSurge())) {
          problems.add(where + ".strategy.rollingUpdate: maxUnavailable and maxSurge are both 0");
        }
      }
    }
    labels(
        where + ".template.metadata.labels", d.getSpec().getTemplate().getMetadata().getLabels());
    pod(where + ".template.spec", d.getSpec().getTemplate().getSpec(), true);
  }

  private void statefulSet(StatefulSet s) {
    String where = "StatefulSet.spec";
    require(s.getSpec().getSelector(), where + ".selector");
    if (s.getSpec().getPodManagementPolicy() != null) {
      oneOf(
          s.getSpec().getPodManagementPolicy(),
          Set.of("OrderedReady", "Parallel"),
          where + ".podManagementPolicy");
    }
    int i = 0;
    for (PersistentVolumeClaim template : s.getSpec().getVolumeClaimTemplates()) {
      claim(where + ".volumeClaimTemplates[" + i++ + "].spec", template.getSpec());
    }
    labels(
        where + ".template.metadata.labels", s.getSpec().getTemplate().getMetadata().getLabels());
    pod(where + ".template.spec", s.getSpec().getTemplate().getSpec(), false);
  }

  private void pod(String where, PodSpec pod, boolean restricted) {
    if (pod.getContainers() == null || pod.getContainers().isEmpty()) {
      problems.add(where + ".containers: at least one container is required");
      return;
    }
    if (pod.getRestartPolicy() != null && !"Always".equals(pod.getRestartPolicy())) {
      problems.add(where + ".restartPolicy: a workload's pods must restart Always");
    }
    Set<String> volumeNames = new HashSet<>();
    int v = 0;
    for (Volume volume : pod.getVolumes()) {
      String at = where + ".volumes[" + v++ + "]";
      label(volume.getName(), at + ".name");
      if (!volumeNames.add(String.valueOf(volume.getName()))) {
        problems.add(at + ".name: '" + volume.getName() + "' is given twice");
      }
      long sources =
          Stream.of(
                  volume.getSecret(),
                  volume.getConfigMap(),
                  volume.getEmptyDir(),
                  volume.getPersistentVolumeClaim(),
                  volume.getProjected(),
                  volume.getDownwardAPI(),
                  volume.getHostPath())
              .filter(Objects::nonNull)
              .count();
      if (sources != 1) {
        problems.add(at + ": exactly one volume source is required, found " + sources);
      }
      if (volume.getHostPath() != null) {
        problems.add(at + ".hostPath: not allowed by the baseline Pod Security Standard");
      }
    }
    Set<String> containerNames = new HashSet<>();
    int c = 0;
    for (Container container : pod.getContainers()) {
      String at = where + ".containers[" + c++ + "]";
      label(container.getName(), at + ".name");
      if (!containerNames.add(String.valueOf(container.getName()))) {
        problems.add(at + ".name: '" + container.getName() + "' is given twice");
      }
      container(at, container);
      if (restricted) {
        restricted(at, pod.getSecurityContext(), container.getSecurityContext());
      }
    }
    if (Boolean.TRUE.equals(pod.getHostNetwork())
        || Boolean.TRUE.equals(pod.getHostPID())
        || Boolean.TRUE.equals(pod.getHostIPC())) {
      problems.add(
          where + ": host namespaces are not allowed by the baseline Pod Security Standard");
    }
  }

  private void container(String at, Container container) {
    if (container.getImage() == null || container.getImage().isBlank()) {
      problems.add(at + ".image: required");
    }
    if (container.getImagePullPolicy() != null) {
      oneOf(container.getImagePullPolicy(), PULL_POLICIES, at + ".imagePullPolicy");
    }
    int p = 0;
    for (ContainerPort port : container.getPorts()) {
      String portAt = at + ".ports[" + p++ + "]";
      range(port.getContainerPort(), portAt + ".containerPort");
      if (port.getName() != null) {
        portName(port.getName(), portAt + ".name");
      }
      if (port.getProtocol() != null) {
        oneOf(port.getProtocol(), PROTOCOLS, portAt + ".protocol");
      }
    }
    int e = 0;
    for (EnvVar env : container.getEnv()) {
      String envAt = at + ".env[" + e++ + "]";
      if (env.getName() == null || env.getName().isEmpty()) {
        problems.add(envAt + ".name: required");
      }
      EnvVarSource from = env.getValueFrom();
      if (from != null) {
        if (env.getValue() != null) {
          problems.add(envAt + ": value and valueFrom are exclusive");
        }
        long sources =
            Stream.of(
                    from.getSecretKeyRef(),
                    from.getConfigMapKeyRef(),
                    from.getFieldRef(),
                    from.getResourceFieldRef())
                .filter(Objects::nonNull)
                .count();
        if (sources != 1) {
          problems.add(envAt + ".valueFrom: exactly one source is required, found " + sources);
        }
        if (from.getSecretKeyRef() != null) {
          require(from.getSecretKeyRef().getKey(), envAt + ".valueFrom.secretKeyRef.key");
        }
      }
    }
    probe(container.getStartupProbe(), at + ".startupProbe");
    probe(container.getLivenessProbe(), at + ".livenessProbe");
    probe(container.getReadinessProbe(), at + ".readinessProbe");
    if (container.getResources() != null) {
      Map<String, Quantity> requests = container.getResources().getRequests();
      Map<String, Quantity> limits = container.getResources().getLimits();
      if (requests != null && limits != null) {
        requests.forEach(
            (resource, request) -> {
              Quantity limit = limits.get(resource);
              if (limit != null
                  && Quantity.getAmountInBytes(request).compareTo(Quantity.getAmountInBytes(limit))
                      > 0) {
                problems.add(
                    at + ".resources.requests." + resource + ": must not exceed its limit");
              }
            });
      }
    }
  }

  private void probe(Probe probe, String at) {
    if (probe == null) {
      return;
    }
    long handlers =
        Stream.of(probe.getHttpGet(), probe.getExec(), probe.getTcpSocket(), probe.getGrpc())
            .filter(Objects::nonNull)
            .count();
    if (handlers != 1) {
      problems.add(at + ": exactly one handler is required, found " + handlers);
    }
    positive(probe.getPeriodSeconds(), at + ".periodSeconds");
    positive(probe.getFailureThreshold(), at + ".failureThreshold");
  }

  /** The restricted Pod Security Standard, from the pod's and the container's settings. */
  private void restricted(String at, PodSecurityContext pod, SecurityContext container) {
    boolean nonRoot =
        container != null && container.getRunAsNonRoot() != null
            ? container.getRunAsNonRoot()
            : pod != null && Boolean.TRUE.equals(pod.getRunAsNonRoot());
    if (!nonRoot) {
      problems.add(at + ".securityContext.runAsNonRoot: restricted requires true");
    }
    if (container == null || !Boolean.FALSE.equals(container.getAllowPrivilegeEscalation())) {
      problems.add(at + ".securityContext.allowPrivilegeEscalation: restricted requires false");
    }
    if (container != null && Boolean.TRUE.equals(container.getPrivileged())) {
      problems.add(at + ".securityContext.privileged: not allowed");
    }
    Capabilities capabilities = container == null ? null : container.getCapabilities();
    if (capabilities == null || !capabilities.getDrop().contains("ALL")) {
      problems.add(at + ".securityContext.capabilities.drop: restricted requires ALL");
    }
    if (capabilities != null
        && capabilities.getAdd().stream().anyMatch(add -> !add.equals("NET_BIND_SERVICE"))) {
      problems.add(at + ".securityContext.capabilities.add: only NET_BIND_SERVICE is allowed");
    }
    String seccomp =
        container != null && container.getSeccompProfile() != null
            ? container.getSeccompProfile().getType()
            : pod != null && pod.getSeccompProfile() != null
                ? pod.getSeccompProfile().getType()
                : null;
    if (seccomp == null || !SECCOMP_TYPES.contains(seccomp)) {
      problems.add(at + ".securityContext.seccompProfile.type: restricted requires RuntimeDefault");
    }
  }

  private void service(Service s) {
    String where = "Service.spec";
    if (s.getSpec().getType() != null) {
      oneOf(s.getSpec().getType(), SERVICE_TYPES, where + ".type");
    }
    List<ServicePort> ports = s.getSpec().getPorts();
    if (ports.isEmpty()) {
      problems.add(where + ".ports: at least one port is required");
    }
    int i = 0;
    for (ServicePort port : ports) {
      String at = where + ".ports[" + i++ + "]";
      range(port.getPort(), at + ".port");
      if (port.getProtocol() != null) {
        oneOf(port.getProtocol(), PROTOCOLS, at + ".protocol");
      }
      if (ports.size() > 1 && port.getName() == null) {
        problems.add(at + ".name: required when a service has more than one port");
      }
      if (port.getName() != null) {
        portName(port.getName(), at + ".name");
      }
    }
  }

  private void claim(String where, PersistentVolumeClaimSpec spec) {
    if (spec.getAccessModes().isEmpty()) {
      problems.add(where + ".accessModes: at least one is required");
    }
    spec.getAccessModes().forEach(mode -> oneOf(mode, ACCESS_MODES, where + ".accessModes"));
    if (spec.getResources() == null
        || spec.getResources().getRequests() == null
        || spec.getResources().getRequests().get("storage") == null) {
      problems.add(where + ".resources.requests.storage: required");
    }
  }

  private void disruptionBudget(PodDisruptionBudget b) {
    String where = "PodDisruptionBudget.spec";
    require(b.getSpec().getSelector(), where + ".selector");
    if (b.getSpec().getMinAvailable() != null && b.getSpec().getMaxUnavailable() != null) {
      problems.add(where + ": minAvailable and maxUnavailable are exclusive");
    }
  }

  private void labels(String where, Map<String, String> labels) {
    if (labels == null) {
      return;
    }
    labels.forEach(
        (key, value) -> {
          if (value.length() > 63 || !LABEL_VALUE.matcher(value).matches()) {
            problems.add(where + "." + key + ": '" + value + "' is not a valid label value");
          }
        });
  }

  private void label(String name, String where) {
    if (name == null || name.length() > 63 || !DNS_LABEL.matcher(name).matches()) {
      problems.add(where + ": '" + name + "' is not a DNS-1123 label");
    }
  }

  private void portName(String name, String where) {
    if (name.length() > 15 || !PORT_NAME.matcher(name).matches() || !name.matches(".*[a-z].*")) {
      problems.add(where + ": '" + name + "' is not an IANA service name");
    }
  }

  private void range(Integer port, String where) {
    if (port == null || port < 1 || port > 65535) {
      problems.add(where + ": " + port + " is not a port number (1-65535)");
    }
  }

  private void positive(Integer value, String where) {
    if (value != null && value < 1) {
      problems.add(where + ": must be 1 or more");
    }
  }

  private void oneOf(String value, Set<String> allowed, String where) {
    if (!allowed.contains(value)) {
      problems.add(where + ": '" + value + "' is not one of " + new java.util.TreeSet<>(allowed));
    }
  }

  private void require(Object value, String where) {
    if (value == null) {
      problems.add(where + ": required");
    }
  }

  private static boolean isZero(io.fabric8.kubernetes.api.model.IntOrString value) {
    return value != null
        && ((value.getIntVal() != null && value.getIntVal() == 0)
            || "0%".equals(value.getStrVal())
            || "0".equals(value.getStrVal()));
  }
}
