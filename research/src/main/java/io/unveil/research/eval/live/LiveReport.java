package io.unveil.research.eval.live;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.unveil.core.record.RecognitionEvent;
import io.unveil.core.serde.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes a live test's report folder: results.json, table.md, events.jsonl (every event the pipeline wrote, in the
 * order read, thumbnails left out) and contact-sheet.png (the video is camera.mp4 beside them).
 */
public final class LiveReport {
    private LiveReport() {
    }

    public static void write(Path out, LiveOptions o, List<String> commandLine, LiveEvaluation.Result r, String loadBefore, String loadAfter)
            throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("table.md"), "Command: `" + String.join(" ", commandLine) + "`\n\n" + LiveTable.markdown(r.rows())
                + perOccluder(r) + "\n" + r.occlusionCalls().markdown() + missedLine(r));
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(out.resolve("results.json").toFile(), json(o, commandLine, r, loadBefore, loadAfter));
        ImageIO.write(ContactSheet.compose(r.segments(), r.shown()), "png", out.resolve("contact-sheet.png").toFile());
        StringBuilder lines = new StringBuilder();
        for (RecognitionEvent e : r.recording().events()) lines.append(Json.MAPPER.writeValueAsString(e.withoutThumbnails())).append('\n');
        Files.writeString(out.resolve("events.jsonl"), lines);
    }

    /** The occluded segments per occluder type (a run with several types), or nothing. */
    static String perOccluder(LiveEvaluation.Result r) {
        String t = LiveTable.byOccluder(r.segments());
        return t.isEmpty() ? "" : "\nOccluded segments per occluder type:\n\n" + t;
    }

    /** "Segments with no face on unveil.faces: ..." (what the detector and gate say on their middle frame), or nothing. */
    static String missedLine(LiveEvaluation.Result r) {
        if (r.missedFaces().isEmpty()) return "";
        return "\nSegments with no face on unveil.faces, the run's detector and quality gate on their middle frame: "
                + MissedFaces.summary(r.missedFaces()) + " (per segment in results.json, `missReason`).\n";
    }

    static ObjectNode json(LiveOptions o, List<String> commandLine, LiveEvaluation.Result r, String loadBefore, String loadAfter) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("command", String.join(" ", commandLine));
        ObjectNode opt = n.putObject("options");
        opt.put("data", o.data().toString());
        opt.put("set", o.setName());
        opt.put("validationIdentitiesOnly", o.validationOnly());
        opt.put("enrolled", o.enrolled());
        opt.put("strangers", o.strangers());
        opt.put("enrollPhotos", o.enrollPhotos());
        opt.put("shownPhotos", o.shownPhotos());
        opt.put("occlusion", o.occlusion());
        opt.put("occludedShare", o.occludedShare());
        opt.put("seed", o.seed());
        opt.put("fps", o.fps());
        opt.put("cameraFps", o.cameraFps());
        opt.put("showSeconds", o.showSeconds());
        opt.putPOJO("sets", o.sets());
        opt.putPOJO("roles", r.recording().roles());
        n.put("seconds", Math.round(r.seconds() * 10) / 10.0);
        n.put("loadAverageBefore", loadBefore);
        n.put("loadAverageAfter", loadAfter);
        if (r.recording().pipelineNote() != null) n.put("pipeline", r.recording().pipelineNote());
        n.putPOJO("galleryIds", r.recording().galleryIds());
        n.putPOJO("enrollmentRefused", r.recording().refused());
        n.put("events", r.recording().events().size());
        n.put("faces", r.recording().faces().size());
        n.put("unmappedEvents", r.scored().unmappedEvents());
        n.put("retroactiveEvents", r.scored().retroactiveEvents());
        n.put("changedEvents", r.scored().changedEvents());
        n.put("unknownThenNamed", r.scored().unknownThenNamed());
        n.put("endedEvents", r.scored().endedEvents());
        n.put("repeatedEnded", r.scored().repeatedEnded());
        OcclusionCalls calls = r.occlusionCalls();
        ObjectNode est = n.putObject("occlusionEstimator");
        est.put("plainFaces", calls.plainFaces());
        est.put("plainFacesCalledOccluded", calls.plainOccluded());
        est.put("plainFacesInpainted", calls.plainInpainted());
        num(est, "falsePositiveRate", calls.falsePositiveRate());
        est.put("plainSegmentsWithFaces", calls.plainSegments());
        est.put("plainSegmentsWithAFaceCalledOccluded", calls.plainSegmentsFlagged());
        est.put("occludedFaces", calls.occludedFaces());
        est.put("occludedFacesCalledOccluded", calls.occludedCalled());
        num(est, "hitRate", calls.hitRate());
        ArrayNode groups = n.putArray("groups");
        for (LiveTable.Row row : r.rows()) {
            ObjectNode g = groups.addObject();
            g.put("group", row.group().label());
            g.put("segments", row.segments());
            g.put("correct", row.correct());
            g.put("wrong", row.wrong());
            g.put("unknown", row.unknown());
            g.put("noEvent", row.noEvent());
            g.put("noFace", row.noFace());
            g.put("right", row.right());
            num(g, "medianFirstRightSeconds", row.medianFirstRightS());
            num(g, "maxFirstRightSeconds", row.maxFirstRightS());
            num(g, "medianDecisionFrames", row.medianDecisionFrames());
            num(g, "medianDecisionMs", row.medianDecisionMs());
        }
        ArrayNode segs = n.putArray("segments");
        for (SegmentResult s : r.segments()) {
            ObjectNode j = segs.addObject();
            Segment seg = s.segment();
            j.put("index", seg.index());
            j.put("identity", seg.identity());
            j.put("enrolled", seg.enrolled());
            j.put("occluder", seg.occluder());
            j.put("photo", seg.photo().getFileName().toString());
            j.put("startFrame", seg.startFrame());
            j.put("endFrame", seg.endFrame());
            j.put("group", seg.group().label());
            j.put("decision", s.decision().label());
            j.put("namedId", s.namedId());
            j.put("namedName", s.namedName());
            num(j, "similarity", s.similarity());
            num(j, "firstRightSeconds", s.firstRightSeconds());
            j.put("events", s.events());
            j.put("faces", s.faces());
            j.put("tracks", s.tracks());
            j.put("inpainted", s.inpainted());
            num(j, "firstDecisionFrames", s.firstDecisionFrames());
            num(j, "firstDecisionMs", s.firstDecisionMs());
            if (r.missedFaces().containsKey(seg.index())) j.put("missReason", r.missedFaces().get(seg.index()));
        }
        return n;
    }

    private static void num(ObjectNode n, String key, double v) {
        if (Double.isNaN(v)) n.putNull(key);
        else n.put(key, Math.round(v * 1000) / 1000.0);
    }
}
