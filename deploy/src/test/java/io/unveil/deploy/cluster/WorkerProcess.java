package io.unveil.deploy.cluster;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.unveil.core.config.Settings;
import io.unveil.core.runtime.RoleContext;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.apache.kafka.streams.Topology;

/**
 * The common body of the fault tests' worker processes: a {@link RoleContext} as every Unveil role has (exactly-once
 * v2, RF 3, 200 ms commits), one Streams application, closed cleanly on SIGTERM and not at all on SIGKILL.
 */
final class WorkerProcess {
    private WorkerProcess() {
    }

    static void run(String name, String bootstrap, String appId, Path state, Function<RoleContext, Topology> topology)
            throws InterruptedException {
        Settings settings = Settings.empty().with("streams.config.commit.interval.ms", "200");
        RoleContext ctx = new RoleContext(bootstrap, settings, new SimpleMeterRegistry(), state, (short) 3, (n, c) -> { });
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ctx.close();
            stop.countDown();
        }));
        ctx.startStreams(appId, topology.apply(ctx));
        System.out.println(name + " " + ProcessHandle.current().pid() + " started");
        stop.await();
    }
}
