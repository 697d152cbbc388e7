package io.unveil.deploy.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.unveil.core.record.Box;
import io.unveil.core.record.Face;
import io.unveil.core.record.Quality;
import io.unveil.core.record.RecognitionEvent;
import io.unveil.core.serde.Json;
import java.time.Instant;

/**
 * One compact JSON line per face or event for a terminal (images left out; they are in the topics). Event lines are
 * {@code docs/event.schema.json} events (their {@code type} is FIRST, CHANGED, ENDED or RETROACTIVE); face lines have
 * {@code "type":"face"}.
 */
public final class JsonLines {
    private JsonLines() {
    }

    public static String face(Face f) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("type", "face");
        n.put("camera", f.cameraId());
        n.put("sequence", f.sequence());
        n.put("time", Instant.ofEpochMilli(f.captureTimeMs()).toString());
        n.put("track", f.trackId());
        n.put("face", f.faceId());
        box(n, f.box());
        n.put("score", round(f.score()));
        Quality q = f.quality();
        if (q != null) {
            ObjectNode qn = n.putObject("quality");
            qn.put("sizePx", round(q.sizePx()));
            qn.put("sharpness", round(q.sharpness()));
            qn.put("yaw", round(q.yawDeg()));
            qn.put("pitch", round(q.pitchDeg()));
            qn.put("roll", round(q.rollDeg()));
            qn.put("score", round(q.score()));
        }
        if (f.occlusion() != null) {
            ObjectNode o = n.putObject("occlusion");
            o.put("ratio", round(f.occlusion().ratio()));
            o.put("occluded", f.occlusion().occluded());
        }
        if (f.inpainted()) n.put("inpainted", true);
        return n.toString();
    }

    /**
     * An event as one line in the shape of {@code docs/event.schema.json} (the topic's, the SSE stream's), thumbnails
     * left out: the demo and {@code run --print-events} print the same record consumers of the topic read.
     */
    public static String event(RecognitionEvent e) {
        try {
            return Json.MAPPER.writeValueAsString(e.withoutThumbnails());
        } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
            throw new java.io.UncheckedIOException(x);
        }
    }

    private static void box(ObjectNode n, Box b) {
        if (b == null) return;
        ObjectNode bn = n.putObject("box");
        bn.put("x", Math.round(b.x()));
        bn.put("y", Math.round(b.y()));
        bn.put("w", Math.round(b.width()));
        bn.put("h", Math.round(b.height()));
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
