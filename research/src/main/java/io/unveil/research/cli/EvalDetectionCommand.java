package io.unveil.research.cli;

import io.unveil.research.data.IdentitySplit;
import io.unveil.research.eval.detection.DetectionEvaluation;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code unveil eval detection}: recall, false detections, real masked faces, landmark error and speed per detector. */
@Command(name = "detection", mixinStandardHelpOptions = true,
        description = "Compare the face detectors (TinyFaceDetector 416/224, SSD, YuNet): recall on validation faces plain "
                + "and with synthetic occluders, landmark and alignment error against the unmasked photo, quality-gate "
                + "rejects, false detections on face-free crops, faces found in real masked photos, ms per frame.")
public final class EvalDetectionCommand implements Callable<Integer> {
    @Option(names = "--data", description = "labelled face set (e.g. ../shared/data/celeba-subset)") Path data;
    @Option(names = "--masked", description = "real photos of masked people (e.g. ../shared/data/masked-faces)") Path masked;
    @Option(names = "--out", defaultValue = "runs/detection-eval", description = "report folder (default: ${DEFAULT-VALUE})") Path out;
    @Option(names = "--per-identity", defaultValue = "5", description = "photos per VALIDATION identity (default: ${DEFAULT-VALUE})")
    int perIdentity;
    @Option(names = "--yunet-models", description = "folder with the other YuNet files (adds yunet_s_640_640.onnx to the "
            + "comparison), e.g. ../shared/models/yunet") Path yunetModels;
    @Option(names = "--calibrate", defaultValue = "0",
            description = "print YuNet's five-point template measured on this many TRAIN photos (0 = skip)") int calibrate;

    @Option(names = "--detectors", split = ",", description = "compare only these (tiny-416, tiny-224, ssd, yunet-n320, "
            + "yunet-s640; default: all); speed is measured for all") java.util.List<String> detectors = new java.util.ArrayList<>();

    @Option(names = "--landmarks", description = "also measure this 68-point net on YuNet's boxes: `masked` (bundled) or a "
            + "weight file of `unveil train landmarks`") String landmarks;

    @Option(names = "--identities", defaultValue = "validation", description = "validation (default), validation-choose "
            + "or validation-confirm: which VALIDATION identities") String identities;

    @Override
    public Integer call() throws Exception {
        if (data == null && masked == null) throw new IllegalArgumentException("give --data and/or --masked");
        IdentitySplit.Subset subset = switch (identities) {
            case "validation" -> IdentitySplit.Subset.VALIDATION;
            case "validation-choose" -> IdentitySplit.Subset.VALIDATION_CHOOSE;
            case "validation-confirm" -> IdentitySplit.Subset.VALIDATION_CONFIRM;
            default -> throw new IllegalArgumentException("--identities: validation, validation-choose or validation-confirm");
        };
        DetectionEvaluation.run(new DetectionEvaluation.Options(data, masked, out, perIdentity, yunetModels, calibrate,
                detectors, landmarks, subset), System.out);
        System.out.println("results: " + out.toAbsolutePath().resolve("results.json"));
        return 0;
    }
}
