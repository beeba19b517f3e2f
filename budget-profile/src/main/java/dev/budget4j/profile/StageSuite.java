package dev.budget4j.profile;

import java.util.List;

/**
 * The stages a project wants measured in fresh JVMs, each with its input generator and budget:
 * the entry point a forked or interleaved measurement re-launches in every child JVM.
 *
 * <p>Implement it in a public class with a public no-argument constructor, and name the class on
 * the command line ({@code --suite com.acme.PerfSuite}) or register it for {@link java.util.ServiceLoader}
 * in {@code META-INF/services/dev.budget4j.profile.StageSuite}. Each child JVM creates the suite,
 * picks the stages it was asked for by name and measures them with a {@link Harness}; building the
 * list must therefore be cheap and deterministic (load data lazily inside the input generator if
 * it is large).
 *
 * <pre>{@code
 * public final class PerfSuite implements StageSuite {
 *     public List<SuiteStage<?>> stages() {
 *         return List.of(SuiteStage.of(Stage.of("wordcount", WordCount::count), random -> Texts.random(random, 2_000),
 *                 Budget.parse("p99<=200us")));
 *     }
 * }
 * }</pre>
 */
public interface StageSuite {
    /**
     * The stages, each name once.
     *
     * @return the stages, not empty
     */
    List<SuiteStage<?>> stages();
}
