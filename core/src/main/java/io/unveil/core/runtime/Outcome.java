package io.unveil.core.runtime;

import io.unveil.core.record.DeadLetter;
import io.unveil.core.topic.Topics;
import java.util.Map;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * What a stage's processor forwards for one input: exactly one of a result (a face, a decision) or a dead letter for
 * {@code unveil.dlq}. A processor that rejects bad input forwards {@link #dead} instead of throwing, and the topology
 * sends it on with {@link #split}.
 */
public record Outcome<T>(T value, DeadLetter dead) {
    public Outcome {
        if ((value == null) == (dead == null)) throw new IllegalArgumentException("an outcome is a value or a dead letter");
    }

    public static <T> Outcome<T> of(T value) {
        return new Outcome<>(value, null);
    }

    public static <T> Outcome<T> dead(DeadLetter d) {
        return new Outcome<>(null, d);
    }

    public boolean isDead() {
        return dead != null;
    }

    /**
     * Sends the dead letters of {@code outcomes} to {@code unveil.dlq} and returns the stream of the results. The
     * processor nodes are named {@code prefix + "dlq"} and {@code prefix + resultsName}.
     */
    public static <T> KStream<String, T> split(KStream<String, Outcome<T>> outcomes, String prefix, String resultsName) {
        Map<String, KStream<String, Outcome<T>>> branches = outcomes.split(Named.as(prefix))
                .branch((k, v) -> v.isDead(), Branched.<String, Outcome<T>>withConsumer(
                        s -> s.mapValues(Outcome::dead).to(Topics.DLQ.name(), Topics.DLQ.produced())).withName("dlq"))
                .defaultBranch(Branched.as(resultsName));
        return branches.get(prefix + resultsName).mapValues(Outcome::value);
    }
}
