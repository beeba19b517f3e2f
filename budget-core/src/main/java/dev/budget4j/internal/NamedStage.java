package dev.budget4j.internal;

import dev.budget4j.Stage;
import java.util.List;
import java.util.function.Function;

/** A function with a name; when it wraps a stage it keeps that stage's parts. */
public final class NamedStage<I, O> implements Stage<I, O>, Decorator {
    private final String name;
    private final Function<? super I, ? extends O> function;

    public NamedStage(String name, Function<? super I, ? extends O> function) {
        this.name = name;
        this.function = function;
    }

    @Override
    public O apply(I input) {
        return function.apply(input);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Stage<?, ?>> stages() {
        return function instanceof Stage ? ((Stage<?, ?>) function).stages() : List.of(this);
    }

    @Override
    public Object delegate() {
        return function;
    }

    @Override
    public String toString() {
        return "Stage[" + name + "]";
    }

    /** The class's simple name, or "anonymous" for lambdas, hidden and anonymous classes. */
    public static String defaultName(Object function) {
        Class<?> type = function.getClass();
        String simple = type.getSimpleName();
        if (type.isSynthetic() || type.isAnonymousClass() || simple.isEmpty() || simple.contains("$$Lambda")) {
            return "anonymous";
        }
        return simple;
    }
}
