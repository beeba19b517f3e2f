package dev.budget4j.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link DecoratorOverhead} with JMH's worker threads made virtual ({@code -Djmh.executor=VIRTUAL}):
 * long-lived virtual threads, each mounted on one of the scheduler's carriers. Every benchmark
 * and every option is the parent's.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DecoratorOverheadVirtual -t 1 -prof gc},
 * then with {@code -t 2}.
 */
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Djmh.executor=VIRTUAL"})
public class DecoratorOverheadVirtual extends DecoratorOverhead {
}
