package io.unveil.research.eval.live;

/**
 * The pipeline's decision on one segment: the decision, the identity (gallery id and name) of the event that decided
 * it (null for unknown / no event), its similarity, seconds from the segment's first frame to the first right event
 * (the person's name, or unknown for a stranger; NaN when none), the events, faces and tracks seen, whether an event
 * said the face was inpainted, the thumbnails shown on the contact sheet (PNG, may be null), and the decision latency
 * of the segment's first FIRST event: frames and capture-time ms from its visit's first face (NaN without one).
 */
public record SegmentResult(Segment segment, Decision decision, String namedId, String namedName, double similarity, double firstRightSeconds,
                            int events, int faces, int tracks, boolean inpainted, byte[] alignedPng, byte[] repairedPng,
                            double firstDecisionFrames, double firstDecisionMs) {
}
