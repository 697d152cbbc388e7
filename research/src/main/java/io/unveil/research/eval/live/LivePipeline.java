package io.unveil.research.eval.live;

/**
 * Runs the real pipeline for a live test: starts it with the video as a camera, enrolls people through the gallery
 * REST API before the camera starts, plays the video and returns what the pipeline wrote. Implemented by the deploy
 * module (it owns the roles and the embedded broker; research cannot depend on it).
 */
public interface LivePipeline {
    LiveRecording run(LiveSetup setup) throws Exception;

    /**
     * The detector the run's detect role loads with these settings ({@code detector.model}, {@code detector.landmarks}),
     * for saying why a segment gave no face ({@link MissedFaces}); null: not available (then nothing is said).
     */
    default io.unveil.detector.FaceAnalyzer detector(io.unveil.core.config.Settings settings) {
        return null;
    }
}
