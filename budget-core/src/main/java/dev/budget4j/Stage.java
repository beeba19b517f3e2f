package dev.budget4j;

import dev.budget4j.internal.NamedStage;
import dev.budget4j.internal.Pipeline;
import dev.budget4j.internal.util.Require;
import java.util.List;
import java.util.function.Function;

/**
 * One step of a pipeline: a pure function from {@code I} to {@code O} that has a name.
 *
 * <p>A {@code Stage} is a {@link Function}, so lambdas, method references and existing functions
 * all fit: {@code Stage.of("clean", String::strip)}. {@link #andThen(Function)} composes stages
 * into a pipeline that remembers its parts ({@link #stages()}), which is how a budgeted pipeline
 * reports a tree of per-stage figures under its end-to-end figures.
 *
 * <p>Composition is associative and {@link #identity()} is its unit: {@code a.andThen(b).andThen(c)}
 * and {@code a.andThen(b.andThen(c))} return the same values and list the same stages.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
@FunctionalInterface
public interface Stage<I, O> extends Function<I, O> {

    /**
     * Runs the stage. A stage should not keep state between calls; budgets assume each call
     * does comparable work for comparable input.
     *
     * @param input the input, as the stage defines it
     * @return the output
     */
    @Override
    O apply(I input);

    /**
     * The name used in reports, verdicts and budget overrides ({@code budget4j.budget.<name>}).
     * Lambdas have no useful name: give them one with {@link #of(String, Function)} or
     * {@link #withName(String)}. The default is the class's simple name, or {@code "anonymous"}
     * for lambdas and anonymous classes.
     *
     * @return the stage name, never null or blank
     */
    default String name() {
        return NamedStage.defaultName(this);
    }

    /**
     * The stages this stage is made of, in call order: a single stage lists itself, a pipeline
     * built with {@link #andThen(Function)} lists its parts (flattened, identity stages removed).
     *
     * @return an immutable list with at least one element
     */
    default List<Stage<?, ?>> stages() {
        return List.of(this);
    }

    /**
     * Returns this stage under another name; calls go straight to this stage.
     *
     * @param name the new name, not blank
     * @return a stage with the same behaviour and parts, named {@code name}
     */
    default Stage<I, O> withName(String name) {
        return new NamedStage<>(Require.notBlank(name, "name"), this);
    }

    /**
     * Composes this stage with {@code after} into a pipeline. If {@code after} is a
     * {@code Stage}, the pipeline lists it as a part; a plain {@code Function} becomes a stage
     * named {@code "anonymous"} (or its class name).
     *
     * @param after the next stage, not null
     * @param <V> the output type of the pipeline
     * @return a pipeline that calls this stage, then {@code after}
     */
    @Override
    default <V> Stage<I, V> andThen(Function<? super O, ? extends V> after) {
        return Pipeline.of(this, Stage.from(Require.notNull(after, "after")));
    }

    /**
     * Composes {@code before} with this stage into a pipeline: {@code before} runs first.
     *
     * @param before the previous stage, not null
     * @param <V> the input type of the pipeline
     * @return a pipeline that calls {@code before}, then this stage
     */
    @Override
    default <V> Stage<V, O> compose(Function<? super V, ? extends I> before) {
        return Pipeline.of(Stage.from(Require.notNull(before, "before")), this);
    }

    /**
     * Names a function as a stage.
     *
     * @param name the stage name, not blank
     * @param function the function, not null
     * @param <I> the input type
     * @param <O> the output type
     * @return a stage that calls {@code function}
     */
    static <I, O> Stage<I, O> of(String name, Function<? super I, ? extends O> function) {
        return new NamedStage<>(Require.notBlank(name, "name"), Require.notNull(function, "function"));
    }

    /**
     * Adapts a function to a stage, keeping it as it is when it already is one.
     *
     * @param function the function, not null
     * @param <I> the input type
     * @param <O> the output type
     * @return {@code function} itself if it is a {@code Stage}, otherwise a stage that calls it
     */
    @SuppressWarnings("unchecked")
    static <I, O> Stage<I, O> from(Function<? super I, ? extends O> function) {
        Require.notNull(function, "function");
        if (function instanceof Stage) {
            return (Stage<I, O>) function;
        }
        return new NamedStage<>(NamedStage.defaultName(function), function);
    }

    /**
     * The stage that returns its input. It is the unit of {@link #andThen(Function)}: pipelines
     * drop it from their parts.
     *
     * @param <T> the input and output type
     * @return the identity stage
     */
    static <T> Stage<T, T> identity() {
        return Pipeline.identity();
    }
}
