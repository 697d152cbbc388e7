package io.unveil.deploy.runtime;

import io.unveil.core.config.Settings;
import io.unveil.core.metrics.Health;
import io.unveil.core.metrics.Metrics;
import io.unveil.core.metrics.MetricsServer;
import io.unveil.core.runtime.Role;
import io.unveil.core.runtime.RoleContext;
import io.unveil.deploy.kafka.EmbeddedKafka;
import io.unveil.deploy.kafka.TopicCreator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Unveil process: optional embedded broker, topics, metrics server and the chosen roles sharing one
 * {@link RoleContext}. {@link #open} prepares Kafka and metrics; {@link #startRoles} starts the roles, or
 * {@link #startRolesBeforeCameras} and later {@link #startCameras} for a caller that must act in between (enroll people
 * through the gallery API before the first frame is read: {@code unveil eval live}).
 */
public final class Pipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final PipelineOptions options;
    private final EmbeddedKafka embedded;
    private final MetricsServer metrics;
    private final RoleContext context;
    private final List<Role> started = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Pipeline(PipelineOptions options, EmbeddedKafka embedded, MetricsServer metrics, RoleContext context) {
        this.options = options;
        this.embedded = embedded;
        this.metrics = metrics;
        this.context = context;
    }

    public static Pipeline open(PipelineOptions o) {
        List<Role> check = Roles.create(o.roles()); // fail on unknown names before starting anything
        check.forEach(Role::close);
        Models.check(o.settings()); // and on an unknown model name or a missing weight file
        RoleCombination.check(o.roles(), o.settings());
        EmbeddedKafka embedded = null;
        MetricsServer metrics = null;
        try {
            Files.createDirectories(o.dataDir());
            metrics = new MetricsServer(o.metricsHost(), o.metricsPort());
            String bootstrap = o.bootstrap();
            Settings settings = o.settings(); // an external cluster: the user's kafka.* security settings as given
            if (bootstrap == null || bootstrap.isBlank()) {
                embedded = EmbeddedKafka.start(o.dataDir());
                bootstrap = embedded.bootstrap();
                settings = embedded.withCredential(settings); // every client of every role authenticates
            }
            RoleContext ctx = new RoleContext(bootstrap, settings, Metrics.registry(), o.dataDir(),
                    o.replicationFactor(), metrics::addCheck, metrics::addHealth);
            TopicCreator.ensure(ctx.clientProperties(), o.replicationFactor());
            Pipeline p = new Pipeline(o, embedded, metrics, ctx);
            // DOWN until every configured role runs: before, /health was 200 while no role existed yet
            metrics.addHealth("roles", p::rolesHealth);
            return p;
        } catch (IOException e) {
            closeQuietly(metrics, embedded);
            throw new UncheckedIOException("cannot start: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(metrics, embedded);
            throw e;
        }
    }

    public void startRoles() throws Exception {
        startRoles(false);
    }

    /** Roles the demo cannot do without. */
    private static final List<String> ESSENTIAL = List.of("ingest", "detect");

    /**
     * Starts the roles in pipeline order, ingest last. With {@code skipUnavailable} (the demo), a role other than ingest and detect
     * that cannot start (a setting it needs is missing, e.g. recognize without a calibrated threshold, or its trained
     * weights are not there) is left out with a note on stderr instead of stopping the process.
     *
     * @return the names of the roles left out
     */
    public List<String> startRoles(boolean skipUnavailable) throws Exception {
        List<String> skipped = startRoles(skipUnavailable, false);
        skipped.addAll(startCameras(skipUnavailable));
        return skipped;
    }

    /**
     * Starts every chosen role except the cameras (ingest): the gallery API is up and recognize reads the gallery, so a
     * caller can enroll people before any frame is read ({@code unveil eval live}); {@link #startCameras} follows.
     *
     * @return the names of the roles left out
     */
    public List<String> startRolesBeforeCameras(boolean skipUnavailable) throws Exception {
        return startRoles(skipUnavailable, false);
    }

    /** Starts the cameras (role ingest) when chosen and not started yet; returns the roles left out. */
    public List<String> startCameras(boolean skipUnavailable) throws Exception {
        return startRoles(skipUnavailable, true);
    }

    private List<String> startRoles(boolean skipUnavailable, boolean cameras) throws Exception {
        List<String> skipped = new ArrayList<>();
        // the cameras last: a file or live source read while the detector is still loading its models only builds a
        // backlog that every later frame waits behind (measured by `unveil bench e2e`, docs/benchmarks.md)
        for (Role r : Roles.create(options.roles())) {
            if (r.name().equals("ingest") != cameras || started.stream().anyMatch(s -> s.name().equals(r.name()))) {
                r.close();
                continue;
            }
            try {
                r.start(context);
            } catch (RuntimeException e) {
                try {
                    r.close();
                } catch (RuntimeException ignored) {
                    // it did not start
                }
                if (!skipUnavailable || ESSENTIAL.contains(r.name())) throw e;
                System.err.println("role " + r.name() + " left out: " + e.getMessage());
                skipped.add(r.name());
                continue;
            }
            started.add(r);
            LOG.info("role {} started", r.name());
        }
        rolesStarted = true;
        return skipped;
    }

    private volatile boolean rolesStarted;

    Health rolesHealth() {
        List<String> running = started.stream().map(Role::name).toList();
        String detail = running.size() + " of " + options.roles().size() + " roles running: " + String.join(",", running);
        return rolesStarted ? Health.up(detail) : Health.down("starting: " + detail);
    }

    public RoleContext context() {
        return context;
    }

    public List<Role> roles() {
        return Collections.unmodifiableList(started);
    }

    public String bootstrap() {
        return context.bootstrap();
    }

    public int metricsPort() {
        return metrics.port();
    }

    /** True when at least one started role has finite input and every such role is done. */
    public boolean inputFinished() {
        boolean any = false;
        for (Role r : started) {
            if (r.name().equals("ingest")) {
                any = true;
                if (!r.finished()) return false;
            }
        }
        return any;
    }

    @Override
    public void close() {
        List<Role> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        for (Role r : reversed) {
            try {
                r.close();
            } catch (RuntimeException e) {
                LOG.warn("role {}: close failed: {}", r.name(), e.toString());
            }
        }
        started.clear();
        context.close();
        closeQuietly(metrics, embedded);
    }

    private static void closeQuietly(MetricsServer metrics, EmbeddedKafka embedded) {
        if (metrics != null) metrics.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (RuntimeException e) {
                LOG.warn("embedded Kafka: shutdown failed: {}", e.toString());
            }
        }
    }
}
