package io.unveil.recognize.stage;

import io.unveil.core.record.RecognitionEvent;

/** A due event on its way out; unknown decisions still need an anonymous id, assigned from {@code fused}. */
public record Decision(RecognitionEvent event, float[] fused, String trackKey, boolean unknown) {
}
