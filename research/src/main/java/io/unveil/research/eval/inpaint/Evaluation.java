package io.unveil.research.eval.inpaint;

import io.unveil.recognize.Embedder;
import io.unveil.research.train.idgan.Recognizers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code unveil eval} without the command line: opens the pipeline pieces, runs, writes the report folder. */
public final class Evaluation {
    private Evaluation() {
    }

    /**
     * @param methods    method specs ({@link MethodSpecs})
     * @param preAligned the set holds aligned chips: skip detection
     * @param progress   show a progress bar on stderr
     */
    /**
     * @param recognizer      {@code faceapi}, {@code robust} or a delta file ({@link Recognizers#load}): scores every row
     * @param alsoRecognizers each adds every row again scored by that recognizer ({@link OtherRecognizer})
     */
    public record Request(EvalOptions options, List<String> methods, List<Path> modelCards, boolean preAligned, boolean progress,
                          String recognizer, List<String> alsoRecognizers) {
        public Request(EvalOptions options, List<String> methods, List<Path> modelCards, boolean preAligned, boolean progress) {
            this(options, methods, modelCards, preAligned, progress, "faceapi", List.of());
        }
    }

    /**
     * The model cards whose training identities an evaluation of these methods must avoid: the committed generator's,
     * the face prior's (alone or inside a prior generator), the card beside each model file, and the extra ones.
     */
    static List<ModelCard> cards(List<MethodSpecs.Spec> specs, List<Path> extra) {
        List<ModelCard> cards = new ArrayList<>();
        boolean prior = false;
        for (MethodSpecs.Spec s : specs) {
            if (s.shippedGenerator()) cards.add(ModelMethods.shippedCard());
            if (s.usesPrior() && !prior) {
                cards.add(ModelMethods.priorCard());
                prior = true;
            }
            if (s.model() == null) continue;
            Path card = ModelCard.beside(s.model()).orElseThrow(() -> new IdentityGuard.Refused("no model card beside " + s.model()
                    + " (expected <model name>.md, MODEL_CARD.md or README.md): cannot check its training identities"));
            cards.add(ModelCard.read(card));
        }
        for (Path p : extra) cards.add(ModelCard.read(p));
        return cards;
    }

    public static EvalResult run(Request req) {
        List<MethodSpecs.Spec> specs = MethodSpecs.parse(req.methods());
        List<ModelCard> cards = cards(specs, req.modelCards());
        // refuse before loading anything heavy
        Set<String> ids = new LinkedHashSet<>();
        for (var it : EvalRunner.items(req.options())) ids.add(it.identity());
        IdentityGuard.check(req.options().setName(), ids, cards);
        ProgressBar bar = req.progress() ? new ProgressBar(System.err) : ProgressBar.silent();
        List<RepairMethod> methods = new ArrayList<>();
        FaceLoader loader = null;
        List<Embedder> others = new ArrayList<>();
        try (Embedder embedder = Recognizers.load(req.recognizer());
             FaceStructure structure = req.options().structure() ? FaceStructure.load() : null) {
            for (MethodSpecs.Spec s : specs) methods.add(MethodSpecs.open(s));
            int own = methods.size();
            for (String name : req.alsoRecognizers()) {
                Embedder other = Recognizers.load(name);
                others.add(other);
                String label = Path.of(name).getFileName().toString();
                for (int k = 0; k < own; k++) methods.add(new OtherRecognizer(methods.get(k), other, label));
            }
            loader = req.preAligned() ? new PreAlignedLoader() : FaceLoaders.detecting(req.options().data());
            EvalResult r = new EvalRunner(loader, embedder, bar, structure).run(req.options(), methods, cards);
            ReportWriter.write(r, req.options().out());
            return r;
        } finally {
            for (RepairMethod m : methods) m.close();
            for (Embedder e : others) e.close();
            if (loader instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing native detector state at exit
                }
            }
        }
    }
}
