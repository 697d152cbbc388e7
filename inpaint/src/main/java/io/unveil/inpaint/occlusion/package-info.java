/**
 * Occlusion: synthetic occluders with exact masks, the per-pixel occlusion estimator and its stage.
 *
 * <pre>{@code
 * // synthetic occlusion of an aligned FACE_128 face (landmarks: 68 (x,y) in the aligned face), reproducible by seed
 * Occluded o = Occluders.apply(face128, landmarks128, OccluderType.BLOCK_RANDOM_48, seed); // paper protocol
 * o.image(); o.mask();            // mask[y*128+x] == 1 where pixels may differ; all others are bit-identical
 * Optional<OccluderType> t = OccluderMix.training().sample(rng);       // mixture incl. "no occluder"
 * new Occluders(MaskTextures.load(dir), new FacePatchSource(faces, lms)).draw(...);  // custom textures/patches
 *
 * // estimation
 * try (OcclusionEstimator est = OcclusionEstimator.load(OcclusionEstimator.Options.DEFAULT)) {
 *     List<OcclusionResult> r = est.estimate(faces128, landmarks128);  // prob, mask, ratio, eyes/nose/mouth, occluded
 * }
 *
 * // stage: unveil.faces -> faces with Face.occlusion() set (bad input -> unveil.dlq)
 * KStream<String, Face> withOcclusion = OcclusionTopology.faces(builder, estimator);
 * }</pre>
 */
package io.unveil.inpaint.occlusion;
