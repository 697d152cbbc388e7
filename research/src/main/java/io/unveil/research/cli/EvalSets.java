package io.unveil.research.cli;

import io.unveil.research.data.IdentitySplit;
import io.unveil.research.data.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the evaluation commands share: the data folder, the identity subset and the engine's thread count. */
final class EvalSets {
    private EvalSets() {
    }

    /** {@code --data}, else the shared celeba-subset; null (with a message on stderr) when it is not a folder. */
    static Path set(Path data) {
        Path set = data != null ? data : SharedData.set("celeba-subset").orElse(null);
        if (set == null || !Files.isDirectory(set)) {
            System.err.println("no data: pass --data DIR (../shared/data/celeba-subset not found)");
            return null;
        }
        return set;
    }

    /** {@code --identities}: validation, validation-choose, validation-confirm, all, or auto (validation on celeba-subset). */
    static IdentitySplit.Subset subset(String identities, String setName) {
        return switch (identities.toLowerCase(Locale.ROOT)) {
            case "validation" -> IdentitySplit.Subset.VALIDATION;
            case "validation-choose" -> IdentitySplit.Subset.VALIDATION_CHOOSE;
            case "validation-confirm" -> IdentitySplit.Subset.VALIDATION_CONFIRM;
            case "all" -> IdentitySplit.Subset.ALL;
            case "auto" -> setName.equals("celeba-subset") ? IdentitySplit.Subset.VALIDATION : IdentitySplit.Subset.ALL;
            default -> throw new IllegalArgumentException("--identities must be validation, validation-choose, validation-confirm, all or auto");
        };
    }

    /** PyTorch intra-op threads, unless set on the command line ({@code -Dai.djl.pytorch.num_threads}). */
    static void threads(int threads) {
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }
}
