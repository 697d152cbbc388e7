package io.unveil.research.eval.live;

/**
 * What the pipeline said about one segment. WRONG: some event named an identity other than the person shown (for a
 * stranger: any identity); otherwise CORRECT: an event named the person shown; otherwise UNKNOWN: only unknown
 * decisions (the right answer for a stranger); otherwise NO_EVENT.
 */
public enum Decision {
    CORRECT, WRONG, UNKNOWN, NO_EVENT;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
