package io.unveil.ingest;

import io.unveil.core.runtime.AbstractRole;
import io.unveil.core.runtime.RoleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Role {@code ingest}: one reader thread per configured camera, all producing through one Kafka producer. */
public final class IngestRole extends AbstractRole {
    private static final Logger LOG = LoggerFactory.getLogger(IngestRole.class);
    private final List<CameraReader> readers = new ArrayList<>();
    private KafkaFrameSink sink;

    public IngestRole() {
        super("ingest");
    }

    @Override
    protected void open(RoleContext ctx) {
        List<CameraSpec> cameras = CameraSpec.fromSettings(ctx.settings());
        if (cameras.isEmpty())
            throw new IllegalArgumentException("role ingest needs at least one camera: --camera ID=URL or camera.<id>.url in the config file");
        sink = new KafkaFrameSink(ctx.producerProperties("unveil-ingest"));
        closeOnStop(sink);
        closeOnStop(this::stopReaders); // before the sink closes, so the readers' last frames still go out
        for (CameraSpec c : cameras) {
            IngestMetrics m = new IngestMetrics(ctx.registry(), c.id());
            sink.register(c.id(), m);
            CameraReader r = new CameraReader(c, sink, m);
            readers.add(r);
            long unhealthyAfter = ctx.settings().get(IngestSettings.CAMERA_UNHEALTHY_AFTER.at(c.id()),
                    ctx.settings().get(IngestSettings.UNHEALTHY_AFTER)).toMillis();
            ctx.healthDetail("camera:" + c.id(), () -> r.health(unhealthyAfter));
            Thread t = new Thread(r, "camera-" + c.id());
            t.setDaemon(true);
            t.start();
            LOG.info("camera {}: {} ({})", c.id(), io.unveil.core.config.Redact.secrets(c.url()), c.kind());
        }
    }

    /** True when every camera is a file that has been read to its end (or failed) and the frames are flushed. */
    @Override
    public boolean finished() {
        if (readers.isEmpty()) return false;
        for (CameraReader r : readers) {
            if (!r.finished() && r.failure() == null) return false;
        }
        sink.flush();
        return true;
    }

    public List<CameraReader> readers() {
        return List.copyOf(readers);
    }

    /** Tells every reader to stop, then waits for each (up to 15 s) to hand over its last frame. */
    private void stopReaders() {
        readers.forEach(CameraReader::close);
        for (CameraReader r : readers) {
            try {
                r.awaitDone(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
