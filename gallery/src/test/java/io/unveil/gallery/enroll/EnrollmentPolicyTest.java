package io.unveil.gallery.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.unveil.core.config.Settings;
import org.junit.jupiter.api.Test;

class EnrollmentPolicyTest {
    @Test
    void aCentredRecognizerGetsTheLooseOutlierBoundUnlessOneIsSet() {
        assertEquals(0.75f, EnrollmentPolicy.from(Settings.empty(), false).outlierCos());
        assertEquals(0.75f, EnrollmentPolicy.defaults().outlierCos());
        // fused's own photos sit near 0.6-0.8 of their centroid: 0.75 refused a person in the live test
        assertEquals(EnrollmentPolicy.CENTRED_OUTLIER_COS, EnrollmentPolicy.from(Settings.empty(), true).outlierCos());
        assertEquals(0.3f, EnrollmentPolicy.from(Settings.empty().with("gallery.outlier-cos", "0.3"), true).outlierCos(),
                "a bound the site set is kept");
        assertEquals(0.75f, EnrollmentPolicy.from(Settings.empty().with("gallery.outlier-cos", "0.75"), true).outlierCos());
    }
}
