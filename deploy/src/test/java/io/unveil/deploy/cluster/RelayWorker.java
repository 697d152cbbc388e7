package io.unveil.deploy.cluster;

import io.unveil.core.runtime.RoleContext;
import java.nio.file.Path;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A worker process for the fault tests: a Kafka Streams application started through the same {@link RoleContext}
 * every Unveil role uses (exactly-once v2, replicated internal topics, thread replacement on failure). It reads
 * {@code in}, does a little CPU work per record and writes one record per input to {@code out}, tagged with this
 * process id. Usage: {@code RelayWorker BOOTSTRAP APP_ID IN OUT STATE_DIR}.
 */
public final class RelayWorker {
    private RelayWorker() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0], appId = args[1], in = args[2], out = args[3];
        Path state = Path.of(args[4]);
        long pid = ProcessHandle.current().pid();
        StreamsBuilder b = new StreamsBuilder();
        b.stream(in, Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(v -> v + "|" + digest(v) + "|pid" + pid)
                .to(out, Produced.with(Serdes.String(), Serdes.String()));
        WorkerProcess.run("RelayWorker", bootstrap, appId, state, ctx -> b.build());
    }

    /** Some work per record, so a kill lands mid-transaction rather than between idle polls. */
    static String digest(String v) {
        long h = 1125899906842597L;
        for (int r = 0; r < 2000; r++) for (int i = 0; i < v.length(); i++) h = 31 * h + v.charAt(i) + r;
        return Long.toHexString(h);
    }
}
