package dev.budget4j.internal;

import dev.budget4j.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Stages called in order. Built flat: a pipeline of pipelines lists the leaves, and identity
 * stages are dropped, which makes {@code andThen} associative with identity as its unit.
 */
public final class Pipeline<I, O> implements Stage<I, O> {
    private static final Pipeline<?, ?> IDENTITY = new Pipeline<>(List.of());

    private final List<Stage<?, ?>> parts;

    private Pipeline(List<Stage<?, ?>> parts) {
        this.parts = parts;
    }

    @SuppressWarnings("unchecked")
    public static <T> Stage<T, T> identity() {
        return (Stage<T, T>) IDENTITY;
    }

    @SuppressWarnings("unchecked")
    public static <I, M, O> Stage<I, O> of(Stage<I, M> first, Stage<? super M, ? extends O> second) {
        List<Stage<?, ?>> all = new ArrayList<>(first.stages().size() + second.stages().size());
        addParts(all, first);
        addParts(all, second);
        if (all.size() == 1) {
            return (Stage<I, O>) all.get(0);
        }
        return all.isEmpty() ? (Stage<I, O>) IDENTITY : new Pipeline<>(List.copyOf(all));
    }

    private static void addParts(List<Stage<?, ?>> into, Stage<?, ?> stage) {
        if (stage instanceof Pipeline) {
            into.addAll(((Pipeline<?, ?>) stage).parts);
        } else {
            into.add(stage);
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public O apply(I input) {
        Object value = input;
        for (Stage part : parts) {
            value = part.apply(value);
        }
        return (O) value;
    }

    @Override
    public String name() {
        if (parts.isEmpty()) {
            return "identity";
        }
        StringJoiner joined = new StringJoiner(" -> ");
        parts.forEach(p -> joined.add(p.name()));
        return joined.toString();
    }

    @Override
    public List<Stage<?, ?>> stages() {
        return parts.isEmpty() ? List.of(this) : parts;
    }

    @Override
    public String toString() {
        return "Pipeline[" + name() + "]";
    }
}
