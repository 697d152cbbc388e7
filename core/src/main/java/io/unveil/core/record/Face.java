package io.unveil.core.record;

/**
 * One face seen in one frame, as it travels through {@code unveil.faces} and {@code unveil.faces.repaired}.
 *
 * <p>{@code aligned} is the canonical 128x128 face (PNG) used by occlusion estimation and inpainting; {@code chip} is
 * the recognizer's 150x150 chip (PNG). {@code landmarks} are 68 (x,y) pairs in frame pixels. Fields filled by later
 * stages ({@code occlusion}, {@code repaired}) are null until then.
 */
public record Face(
        String faceId,
        String cameraId,
        long sequence,
        long captureTimeMs,
        int frameWidth,
        int frameHeight,
        long trackId,
        Box box,
        float score,
        float[] landmarks,
        Quality quality,
        byte[] aligned,
        byte[] chip,
        Occlusion occlusion,
        byte[] repaired,
        boolean inpainted) {

    public Face withOcclusion(Occlusion o) {
        return new Face(faceId, cameraId, sequence, captureTimeMs, frameWidth, frameHeight, trackId, box, score,
                landmarks, quality, aligned, chip, o, repaired, inpainted);
    }

    public Face withRepaired(byte[] repairedPng, byte[] repairedChipPng) {
        return new Face(faceId, cameraId, sequence, captureTimeMs, frameWidth, frameHeight, trackId, box, score,
                landmarks, quality, aligned, repairedChipPng == null ? chip : repairedChipPng, occlusion, repairedPng,
                true);
    }
}
