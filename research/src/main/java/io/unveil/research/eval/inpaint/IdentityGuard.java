package io.unveil.research.eval.inpaint;

import io.unveil.research.data.IdentitySplit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Refuses an evaluation whose identities overlap those a model was trained on, as its model card states them:
 * with the split rule, every evaluated identity of that set must be a VALIDATION identity; with a list, none may be
 * on it. A card that does not say what it trained on is refused too. Sets a card does not name are other people.
 */
public final class IdentityGuard {
    private IdentityGuard() {
    }

    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** @return one line per card saying why it passed */
    public static List<String> check(String setName, Collection<String> identities, List<ModelCard> cards) {
        List<String> notes = new ArrayList<>();
        for (ModelCard card : cards) {
            if (!card.readable())
                throw new Refused("model card " + card.file() + " does not state its training identities (need a line "
                        + "'training-identities: IdentitySplit TRAIN' or a list); refusing to evaluate on possibly seen identities");
            TreeSet<String> bad = new TreeSet<>();
            boolean sameSet = card.datasets().stream().anyMatch(d -> d.equalsIgnoreCase(setName));
            if (card.splitTrainRule() && sameSet)
                for (String id : identities) if (IdentitySplit.isTrain(setName, id)) bad.add(id);
            for (String id : identities) if (card.identities().contains(id)) bad.add(id);
            if (!bad.isEmpty())
                throw new Refused(bad.size() + " evaluated identities were used to train the model of " + card.file()
                        + " (e.g. " + String.join(", ", bad.stream().limit(5).toList()) + "); evaluate on VALIDATION identities"
                        + " (--identities validation) or on another set");
            notes.add(card.file().getFileName() + ": trained on " + (card.datasets().isEmpty() ? "?" : String.join(",", card.datasets()))
                    + (card.splitTrainRule() ? " (IdentitySplit TRAIN)" : "") + (card.identities().isEmpty() ? "" : " (" + card.identities().size() + " listed identities)")
                    + " -> disjoint from the " + identities.size() + " evaluated identities of " + setName);
        }
        return notes;
    }
}
