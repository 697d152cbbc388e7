package io.unveil.gallery.recognize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.unveil.recognize.match.ThresholdSchedule;
import io.unveil.recognize.match.Thresholds;
import org.junit.jupiter.api.Test;

/** POST /recognize holds a photo to the plain threshold of the gallery's size, as the camera pipeline does. */
class PhotoRecognizerThresholdTest {
    @Test
    void aPhotoIsHeldToThePlainThresholdOfTheGallerysSize() {
        ThresholdSchedule s = new ThresholdSchedule(new Thresholds(0.6f, 0.65f, 0.66f, 0.7f, 0.7f),
                new ThresholdSchedule.Curve[]{new ThresholdSchedule.Curve(new double[]{1e-3, 1e-4}, new float[]{0.6f, 0.66f}), null, null, null, null},
                0.01);
        PhotoRecognizer r = new PhotoRecognizer(null, null, s, null);
        assertEquals(0.6f, r.threshold(), 1e-6f);
        assertEquals(0.6f, r.threshold(10), 1e-6f);
        assertEquals(0.66f, r.threshold(100), 1e-6f);
        assertEquals(0.6f, new PhotoRecognizer(null, null, 0.6f, null).threshold(100), 1e-6f, "a fixed threshold stays");
    }
}
