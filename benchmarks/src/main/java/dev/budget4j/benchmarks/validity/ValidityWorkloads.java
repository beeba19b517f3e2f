package dev.budget4j.benchmarks.validity;

import dev.budget4j.Stage;
import dev.budget4j.profile.StageSuite;
import dev.budget4j.profile.SuiteStage;
import java.util.List;
import java.util.Locale;

/**
 * The stages of the gate-validity experiment ({@link GateValidity}), three kinds of work of about
 * 100 µs per call each:
 * <ul>
 *   <li>{@code cpu.wordcount}: counts and hashes the words of a generated text, CPU-bound and
 *       allocation-free;</li>
 *   <li>{@code alloc.tokens}: splits a text into token strings and counts them in a map,
 *       allocation-heavy;</li>
 *   <li>{@code memory.gather}: sums values at pseudo-random indices of a 128 MiB array,
 *       memory-bound.</li>
 * </ul>
 * A planted slowdown is real extra work of the same kind: the system property
 * {@code validity.extra} (a fraction, default 0) makes every call that fraction slower by doing
 * more of its work (longer texts, more gathers), so {@code -Dvalidity.extra=0.25} is a call about
 * 25% slower. Work and time do not grow alike for every workload: 10 % more tokens cost
 * {@code alloc.tokens} only 7.6 to 8.6 % more time (the list and the map grow in steps), so its
 * extra work is {@value #TOKENS_WORK_PER_SLOWDOWN} times the slowdown asked for.
 * {@link PlantedSlowdown} measures what each plant really costs.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.budget4j.profile.cli.GateCommand measure --forks 1 \
 *     --suite dev.budget4j.benchmarks.validity.ValidityWorkloads --stage cpu.wordcount --out base.json
 * </pre>
 */
public final class ValidityWorkloads implements StageSuite {
    /** The system property with the planted slowdown, a fraction in [0, 1]. */
    public static final String EXTRA_PROPERTY = "validity.extra";
    /** The stage names, in suite order. */
    public static final List<String> NAMES = List.of("cpu.wordcount", "alloc.tokens", "memory.gather");

    /** Characters counted per call without extra work (about 100 µs). */
    static final int WORDCOUNT_CHARS = 50_000;
    /** Characters split into tokens per call without extra work (about 100 µs). */
    static final int TOKENS_CHARS = 8_000;
    /** Random reads per call without extra work (about 100 µs). */
    static final int GATHERS = 3_500;
    /**
     * Extra tokens per unit of planted slowdown for {@code alloc.tokens}, from {@link PlantedSlowdown}
     * (Zen 3, Temurin 25: 10 % more tokens 1.076 to 1.086x the time, 12.5 % 1.102x, 25 % 1.199 to
     * 1.205x, 31 % 1.251x); the other two workloads' time grows with their work (10 % more: 1.097x
     * and 1.100x; 25 %: 1.253x and 1.250x).
     */
    static final double TOKENS_WORK_PER_SLOWDOWN = 1.25;

    /** Creates the suite; the stages are made by {@link #stages()}. */
    public ValidityWorkloads() {
    }

    @Override
    public List<SuiteStage<?>> stages() {
        return stages(extra(System.getProperty(EXTRA_PROPERTY, "0")));
    }

    /**
     * {@return the stages, each call {@code extra} slower than without}
     *
     * @param extra the planted slowdown, a fraction in [0, 1]
     */
    static List<SuiteStage<?>> stages(double extra) {
        int wordChars = scaled(WORDCOUNT_CHARS, extra);
        int tokenChars = scaled(TOKENS_CHARS, extra * TOKENS_WORK_PER_SLOWDOWN);
        int gathers = scaled(GATHERS, extra);
        return List.of(
                SuiteStage.of(Stage.of(NAMES.get(0), WordCountWork::count), random -> Texts.of(random, wordChars)),
                SuiteStage.of(Stage.of(NAMES.get(1), TokenWork::tokens), random -> Texts.of(random, tokenChars)),
                SuiteStage.of(Stage.of(NAMES.get(2), (Long seed) -> GatherWork.gather(seed, gathers)), random -> {
                    GatherWork.touch();
                    return random.nextLong();
                }));
    }

    static int scaled(int base, double extra) {
        return (int) Math.round(base * (1 + extra));
    }

    /**
     * Parses the planted extra work.
     *
     * @param text the property's value
     * @return the fraction
     * @throws IllegalArgumentException naming the property and the value when it is not a number in [0, 1]
     */
    static double extra(String text) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(EXTRA_PROPERTY + " must be a fraction in [0, 1] such as 0.25, but was '" + text + "'");
        }
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be a fraction in [0, 1] such as 0.25, but was %s",
                    EXTRA_PROPERTY, text));
        }
        return v;
    }
}
