package io.unveil.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.unveil.core.topic.Topic;
import io.unveil.core.topic.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Validates deploy/k8s with the fabric8 Kubernetes model and Strimzi's API model (strict: unknown fields fail), renders
 * the base and both overlays, and checks the cross-references a cluster would only reveal at run time: selectors,
 * named ports, ConfigMap/Secret keys, one KafkaTopic per entry of {@link Topics}, one Deployment per role.
 */
class K8sManifestsTest {
    static final Path K8S = DeployPaths.module().resolve("k8s");
    static final List<String> ROLES = Roles.ALL;
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    record Rendered(List<Kustomize.Doc> docs, List<HasMetadata> models) {
        <T extends HasMetadata> List<T> all(Class<T> type) {
            return models.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends HasMetadata> T one(Class<T> type, String name) {
            List<T> hits = all(type).stream().filter(m -> m.getMetadata().getName().equals(name)).toList();
            assertEquals(1, hits.size(), type.getSimpleName() + " " + name + " present once");
            return hits.get(0);
        }
    }

    static Rendered render(String dir) {
        List<Kustomize.Doc> docs = Kustomize.render(K8S.resolve(dir));
        List<HasMetadata> models = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Kustomize.Doc d : docs) {
            HasMetadata m = StrictModel.toModel(d.node(), d.source() + " (" + d.kind() + "/" + d.name() + ")");
            String name = m.getMetadata().getName();
            assertNotNull(name, d.source() + ": metadata.name");
            assertTrue(name.length() <= 253 && DNS1123_SUBDOMAIN.matcher(name).matches(), d.source() + ": bad name " + name);
            assertTrue(seen.add(d.node().path("apiVersion").asText() + "/" + d.kind() + "/" + name), "duplicate " + d.kind() + "/" + name);
            models.add(m);
        }
        return new Rendered(docs, models);
    }

    @Test
    void everyYamlFileParsesStrictlyAndIsListedInItsKustomization() throws IOException {
        List<Path> yamls;
        try (Stream<Path> s = Files.walk(K8S)) {
            yamls = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        int documents = 0;
        Set<Path> referenced = new HashSet<>();
        try (Stream<Path> s = Files.walk(K8S)) {
            for (Path k : s.filter(p -> p.getFileName().toString().equals("kustomization.yaml")).toList()) {
                Kustomize.Kustomization kz = Kustomize.read(k.getParent());
                for (String r : kz.resources()) referenced.add(k.getParent().resolve(r).normalize());
                if (kz.patches() != null) kz.patches().forEach(p -> referenced.add(k.getParent().resolve(p.path()).normalize()));
            }
        }
        for (Path y : yamls) {
            if (y.getFileName().toString().equals("kustomization.yaml")) continue;
            assertTrue(referenced.contains(y.normalize()), y + " is not referenced by any kustomization (dead file)");
            if (y.getParent().getFileName().toString().equals("gpu") || y.getParent().getFileName().toString().equals("cpu")) continue;
            for (JsonNode doc : StrictModel.documents(y)) {
                StrictModel.toModel(doc, y.toString());
                documents++;
            }
        }
        assertTrue(documents >= 30, "documents validated: " + documents);
    }

    @Test
    void strictParsingRejectsAnUnknownField() {
        JsonNode doc = StrictModel.documents(K8S.resolve("base/app/deployment-detect.yaml")).get(0).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.path("spec").path("template").path("spec").path("containers").get(0))
                .put("imagePullPolicyy", "Always");
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> StrictModel.toModel(doc, "typo"));
        assertTrue(e.getMessage().contains("imagePullPolicyy"), e.getMessage());
        JsonNode topic = StrictModel.documents(K8S.resolve("base/kafka/topics.yaml")).get(0).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) topic.path("spec")).put("replicas", "three");
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> StrictModel.toModel(topic, "type"));
        JsonNode kafka = StrictModel.documents(K8S.resolve("base/kafka/kafka.yaml")).get(0).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) kafka.path("spec").path("kafka")).put("listenerz", 3);
        AssertionError k = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> StrictModel.toModel(kafka, "strimzi"));
        assertTrue(k.getMessage().contains("listenerz"), k.getMessage());
    }

    @Test
    void everyTopicOfTheCatalogueHasAKafkaTopicWithRf3AndMinIsr2() {
        Rendered r = render("base");
        Kafka kafka = r.all(Kafka.class).get(0);
        Map<String, KafkaTopic> byTopic = new LinkedHashMap<>();
        for (KafkaTopic t : r.all(KafkaTopic.class)) {
            assertEquals(kafka.getMetadata().getName(), t.getMetadata().getLabels().get("strimzi.io/cluster"), t.getMetadata().getName());
            String topicName = t.getSpec().getTopicName() != null ? t.getSpec().getTopicName() : t.getMetadata().getName();
            assertTrue(byTopic.put(topicName, t) == null, "two KafkaTopics for " + topicName);
        }
        assertEquals(Topics.ALL.stream().map(Topic::name).collect(Collectors.toCollection(TreeSet::new)),
                new TreeSet<>(byTopic.keySet()), "KafkaTopics = Topics.ALL");
        for (Topic<?, ?> topic : Topics.ALL) {
            KafkaTopic kt = byTopic.get(topic.name());
            assertEquals(topic.partitions(), kt.getSpec().getPartitions(), topic.name() + " partitions");
            assertEquals(3, kt.getSpec().getReplicas(), topic.name() + " replicas");
            Map<String, Object> cfg = kt.getSpec().getConfig();
            assertEquals("2", String.valueOf(cfg.get("min.insync.replicas")), topic.name() + " min.insync.replicas");
            assertEquals(topic.compacted() ? "compact" : "delete", String.valueOf(cfg.get("cleanup.policy")), topic.name());
            if (topic.retention() != null)
                assertEquals(String.valueOf(topic.retention().toMillis()), String.valueOf(cfg.get("retention.ms")), topic.name());
            else assertFalse(cfg.containsKey("retention.ms"), topic.name() + " has no retention in Topics");
            // issue 25: without these, Kafka's 7-day / 1 GiB segments keep data long past its retention
            assertEquals(String.valueOf(topic.segmentTime().toMillis()), String.valueOf(cfg.get("segment.ms")), topic.name() + " segment.ms");
            assertEquals(String.valueOf(topic.segmentBytes()), String.valueOf(cfg.get("segment.bytes")), topic.name() + " segment.bytes");
        }
    }

    @Test
    void kafkaIsKraftWithThreeDualRoleNodesAndDurableTransactions() {
        Rendered r = render("base");
        Kafka kafka = r.one(Kafka.class, "unveil");
        assertEquals("enabled", kafka.getMetadata().getAnnotations().get("strimzi.io/kraft"));
        assertEquals("enabled", kafka.getMetadata().getAnnotations().get("strimzi.io/node-pools"));
        int brokers = 0, controllers = 0;
        for (KafkaNodePool pool : r.all(KafkaNodePool.class)) {
            assertEquals("unveil", pool.getMetadata().getLabels().get("strimzi.io/cluster"));
            if (pool.getSpec().getRoles().contains(ProcessRoles.BROKER)) brokers += pool.getSpec().getReplicas();
            if (pool.getSpec().getRoles().contains(ProcessRoles.CONTROLLER)) controllers += pool.getSpec().getReplicas();
        }
        assertEquals(3, brokers, "brokers");
        assertEquals(3, controllers, "KRaft controllers (quorum of 3)");
        Map<String, Object> cfg = kafka.getSpec().getKafka().getConfig();
        assertEquals("3", String.valueOf(cfg.get("default.replication.factor")));
        assertEquals("2", String.valueOf(cfg.get("min.insync.replicas")));
        assertEquals("3", String.valueOf(cfg.get("offsets.topic.replication.factor")));
        assertEquals("3", String.valueOf(cfg.get("transaction.state.log.replication.factor")));
        assertEquals("2", String.valueOf(cfg.get("transaction.state.log.min.isr")));
        assertEquals("false", String.valueOf(cfg.get("auto.create.topics.enable")));
        ConfigMap config = r.one(ConfigMap.class, "unveil-config");
        assertTrue(config.getData().get("kafka.bootstrap").startsWith("unveil-kafka-bootstrap:"), "bootstrap = Strimzi's service");
        // Exactly-once v2 comes from RoleContext (every role's Streams config); the ConfigMap must not override it.
        String props = config.getData().get("unveil.properties");
        assertFalse(props.contains("processing.guarantee"), "unveil.properties must not change the processing guarantee");
        java.util.Properties p = new java.util.Properties();
        try {
            p.load(new java.io.StringReader(props));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        Map<String, String> settings = new java.util.TreeMap<>();
        p.stringPropertyNames().forEach(k -> settings.put(k, p.getProperty(k)));
        var ctx = new io.unveil.core.runtime.RoleContext("unveil-kafka-bootstrap:9092",
                io.unveil.core.config.Settings.load(null, Map.of(), settings), new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
                Path.of("/var/lib/unveil"), (short) 3, (n, c) -> { });
        java.util.Properties streams = ctx.streamsProperties("unveil-test");
        assertEquals("exactly_once_v2", streams.get("processing.guarantee"), "exactly-once v2 in every role");
        assertEquals("3", String.valueOf(streams.get("replication.factor")), "Streams internal topics at RF 3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/cpu", "overlays/gpu"})
    void everyRoleHasAHardenedDeploymentWhoseReferencesResolve(String dir) {
        Rendered r = render(dir);
        Set<String> roles = new TreeSet<>();
        for (Deployment d : r.all(Deployment.class)) {
            String where = dir + " Deployment " + d.getMetadata().getName();
            assertEquals("unveil", d.getMetadata().getNamespace(), where + " namespace");
            Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
            assertTrue(podLabels.entrySet().containsAll(d.getSpec().getSelector().getMatchLabels().entrySet()), where + ": selector must match the pod template");
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), where + " runAsNonRoot");
            assertTrue(pod.getSecurityContext().getRunAsUser() != null && pod.getSecurityContext().getRunAsUser() > 0, where + " uid");
            assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType(), where + " seccomp");
            assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), where + " token");
            Set<String> volumes = pod.getVolumes().stream().map(Volume::getName).collect(Collectors.toSet());
            for (Volume v : pod.getVolumes()) {
                if (v.getConfigMap() != null) {
                    ConfigMap cm = r.one(ConfigMap.class, v.getConfigMap().getName());
                    v.getConfigMap().getItems().forEach(i -> assertTrue(cm.getData().containsKey(i.getKey()), where + ": ConfigMap key " + i.getKey()));
                }
                if (v.getSecret() != null) r.one(Secret.class, v.getSecret().getSecretName());
            }
            assertEquals(1, pod.getContainers().size(), where);
            Container c = pod.getContainers().get(0);
            List<String> args = c.getArgs();
            assertEquals("run", args.get(0), where + " runs `unveil run`");
            String role = args.get(args.indexOf("--roles") + 1);
            assertTrue(ROLES.contains(role), where + ": unknown role " + role);
            assertEquals(role, podLabels.get("app.kubernetes.io/component"), where);
            assertTrue(roles.add(role), "two Deployments for role " + role);
            assertTrue(args.contains("--bootstrap"), where + " --bootstrap");
            assertEquals("3", args.get(args.indexOf("--replication-factor") + 1), where + ": Streams internal topics at RF 3");
            assertEquals("0.0.0.0", args.get(args.indexOf("--metrics-host") + 1), where + ": probes and scrapes reach /health and /metrics");
            assertTrue(c.getImage().matches("unveil(-gpu)?:[0-9][\\w.-]*"), where + " image tag pinned: " + c.getImage());
            assertEquals(Boolean.FALSE, c.getSecurityContext().getAllowPrivilegeEscalation(), where);
            assertEquals(Boolean.TRUE, c.getSecurityContext().getReadOnlyRootFilesystem(), where);
            assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop(), where);
            for (String res : List.of("cpu", "memory")) {
                assertNotNull(c.getResources().getRequests().get(res), where + " requests." + res);
                assertNotNull(c.getResources().getLimits().get(res), where + " limits." + res);
            }
            Set<String> ports = c.getPorts().stream().map(ContainerPort::getName).collect(Collectors.toSet());
            for (Probe p : List.of(c.getStartupProbe(), c.getReadinessProbe(), c.getLivenessProbe())) {
                assertNotNull(p, where + " probes");
                // /health is 503 while a camera is unreachable (DEGRADED); restarting the pod does not fix a camera,
                // so liveness asks /live (issue 25 item 5)
                assertEquals(p == c.getLivenessProbe() ? "/live" : "/health", p.getHttpGet().getPath(), where);
                assertTrue(ports.contains(p.getHttpGet().getPort().getStrVal()), where + " probe port is a named container port");
            }
            for (VolumeMount m : c.getVolumeMounts()) assertTrue(volumes.contains(m.getName()), where + " mount " + m.getName());
            c.getEnv().stream().filter(e -> e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null).forEach(e -> {
                var ref = e.getValueFrom().getConfigMapKeyRef();
                assertTrue(r.one(ConfigMap.class, ref.getName()).getData().containsKey(ref.getKey()), where + " env " + e.getName());
            });
            boolean gpu = c.getResources().getLimits().containsKey("nvidia.com/gpu");
            if (role.equals("inpaint")) {
                String device = args.stream().filter(a -> a.startsWith("inpaint.device=")).findFirst().orElse("none");
                assertEquals("--set", args.get(args.indexOf(device) - 1), where);
                assertEquals("inpaint.device=" + (dir.endsWith("gpu") ? "gpu" : "cpu"), device, where + " inpaint device");
                assertEquals(dir.endsWith("gpu"), gpu, where + " nvidia.com/gpu limit");
                if (gpu) {
                    assertEquals(new Quantity("1"), c.getResources().getLimits().get("nvidia.com/gpu"));
                    assertEquals("true", pod.getNodeSelector().get("nvidia.com/gpu.present"), where + " GPU node selector");
                    assertTrue(pod.getTolerations().stream().anyMatch(t -> "nvidia.com/gpu".equals(t.getKey())), where + " GPU toleration");
                    assertTrue(c.getImage().startsWith("unveil-gpu:"), where + " GPU image");
                }
            } else {
                assertFalse(gpu, where + ": only inpaint asks for a GPU");
            }
        }
        assertEquals(new TreeSet<>(ROLES), roles, dir + ": one Deployment per role");
        assertTrue(ROLES.containsAll(io.unveil.deploy.runtime.Roles.names()),
                "every role the launcher knows has a Deployment: " + io.unveil.deploy.runtime.Roles.names());

        for (Service s : r.all(Service.class)) {
            List<Deployment> backends = r.all(Deployment.class).stream().filter(d -> d.getSpec().getTemplate().getMetadata()
                    .getLabels().entrySet().containsAll(s.getSpec().getSelector().entrySet())).toList();
            assertFalse(backends.isEmpty(), "Service " + s.getMetadata().getName() + " selects no pods");
            for (ServicePort sp : s.getSpec().getPorts()) {
                for (Deployment d : backends) assertTrue(namedPorts(d).contains(sp.getTargetPort().getStrVal()),
                        "Service " + s.getMetadata().getName() + " targetPort " + sp.getTargetPort() + " in " + d.getMetadata().getName());
            }
        }
        for (HorizontalPodAutoscaler h : r.all(HorizontalPodAutoscaler.class)) {
            Deployment d = r.one(Deployment.class, h.getSpec().getScaleTargetRef().getName());
            assertTrue(h.getSpec().getMinReplicas() <= h.getSpec().getMaxReplicas(), h.getMetadata().getName());
            String role = d.getSpec().getTemplate().getMetadata().getLabels().get("app.kubernetes.io/component");
            int partitions = role.equals("recognize") ? Topics.FACES_REPAIRED.partitions() : Topics.FACES.partitions();
            assertTrue(h.getSpec().getMaxReplicas() <= partitions, h.getMetadata().getName() + ": more replicas than partitions idle");
        }
        for (PodDisruptionBudget p : r.all(PodDisruptionBudget.class)) {
            assertTrue(r.all(Deployment.class).stream().anyMatch(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                    .containsAll(p.getSpec().getSelector().getMatchLabels().entrySet())), "PDB " + p.getMetadata().getName() + " selects nothing");
            // a budget that keeps as many pods as the (single-writer, not autoscaled) gallery has blocks every node drain
            r.all(Deployment.class).stream().filter(d -> d.getMetadata().getName().equals("unveil-gallery"))
                    .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                    .containsAll(p.getSpec().getSelector().getMatchLabels().entrySet())).forEach(d -> {
                if (p.getSpec().getMinAvailable() != null && p.getSpec().getMinAvailable().getIntVal() != null)
                    assertTrue(p.getSpec().getMinAvailable().getIntVal() < d.getSpec().getReplicas(),
                            "PDB " + p.getMetadata().getName() + " minAvailable blocks drains of " + d.getMetadata().getName());
            });
        }
        // issue 25: gallery writes are a compare-and-set across processes (KafkaGalleryStore): more than one replica is
        // safe, and with two a drain or a rollout keeps the API up
        Deployment gallery = r.one(Deployment.class, "unveil-gallery");
        assertTrue(gallery.getSpec().getReplicas() >= 2, dir + ": the gallery API survives one pod going away");
        assertEquals("RollingUpdate", gallery.getSpec().getStrategy().getType(), dir + ": a rollout keeps a gallery pod serving");
        for (NetworkPolicy np : r.all(NetworkPolicy.class)) {
            List<Deployment> selected = r.all(Deployment.class).stream().filter(d -> d.getSpec().getTemplate().getMetadata().getLabels()
                    .entrySet().containsAll(np.getSpec().getPodSelector().getMatchLabels().entrySet())).toList();
            assertFalse(selected.isEmpty(), "NetworkPolicy " + np.getMetadata().getName() + " selects no Unveil pod");
            np.getSpec().getIngress().forEach(rule -> rule.getPorts().stream().map(NetworkPolicyPort::getPort)
                    .filter(p -> p.getStrVal() != null).forEach(p -> selected.forEach(d -> assertTrue(namedPorts(d).contains(p.getStrVal()),
                            "NetworkPolicy " + np.getMetadata().getName() + " port " + p.getStrVal() + " on " + d.getMetadata().getName()))));
        }
        assertTrue(r.all(NetworkPolicy.class).stream().anyMatch(np -> np.getSpec().getIngress().isEmpty() && np.getSpec().getEgress().isEmpty()
                && np.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))), "a default-deny policy");
        ServiceMonitor sm = r.one(ServiceMonitor.class, "unveil");
        List<Service> scraped = r.all(Service.class).stream().filter(s -> s.getMetadata().getLabels().entrySet()
                .containsAll(sm.getSpec().getSelector().getMatchLabels().entrySet())).toList();
        assertEquals(ROLES.size(), scraped.size(), "ServiceMonitor scrapes one Service per role");
        for (Endpoint e : sm.getSpec().getEndpoints()) {
            for (Service s : scraped) assertTrue(s.getSpec().getPorts().stream().anyMatch(p -> e.getPort().equals(p.getName())),
                    "ServiceMonitor port " + e.getPort() + " on " + s.getMetadata().getName());
        }
    }

    private static Set<String> namedPorts(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().stream().flatMap(c -> c.getPorts().stream())
                .map(ContainerPort::getName).collect(Collectors.toSet());
    }

    @Test
    void patchesThatNoLongerMatchTheBaseFail() {
        // The overlays guard their index-based patches with JSON-patch `test` operations; show that guard works.
        JsonNode base = StrictModel.documents(K8S.resolve("base/app/deployment-inpaint.yaml")).get(0).deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) base.path("spec").path("template").path("spec").path("containers").get(0)
                .path("args")).insert(0, "--verbose");
        try {
            io.fabric8.zjsonpatch.JsonPatch.apply(StrictModel.YAML.readTree(K8S.resolve("overlays/gpu/inpaint-gpu.yaml").toFile()), base);
            fail("a patch against shifted args must not apply");
        } catch (RuntimeException | IOException expected) {
            // io.fabric8.zjsonpatch.JsonPatchApplicationException: test failed
        }
    }
}
