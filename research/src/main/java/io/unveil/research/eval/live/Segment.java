package io.unveil.research.eval.live;

import java.nio.file.Path;

/**
 * One photo's appearance in the live test video: frames {@code [startFrame, endFrame)} show {@code photo} of
 * {@code identity} (with an occluder of type {@code occluder}, or none); blank frames follow until the next segment.
 */
public record Segment(int index, String identity, boolean enrolled, String occluder, Path photo, int startFrame, int endFrame) {
    public boolean occluded() {
        return occluder != null;
    }

    public LiveGroup group() {
        return LiveGroup.of(enrolled, occluded());
    }

    public boolean contains(long frame) {
        return frame >= startFrame && frame < endFrame;
    }
}
