package dev.budget4j.profile.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * How option values are read: whole numbers (with {@code _} between digits allowed), numbers,
 * durations such as {@code 150s}, file names; and the ranges the commands check. A value that does
 * not convert fails with a {@link Broken} that states the rule, which {@link Errors} puts in one
 * line with the option and the value.
 */
final class Values {
    private Values() {
    }

    /** The value broke this rule, e.g. "a whole number"; the message is the rule alone. */
    static final class Broken extends TypeConversionException {
        private static final long serialVersionUID = 1L;

        Broken(String rule) {
            super(rule);
        }
    }

    /** Registers the converters on the command and all its subcommands. */
    static void register(CommandLine cl) {
        cl.registerConverter(Integer.class, v -> parse(v, "a whole number", t -> Integer.valueOf(t.replace("_", ""))));
        cl.registerConverter(Long.class, v -> parse(v, "a whole number", t -> Long.valueOf(t.replace("_", ""))));
        cl.registerConverter(Double.class, v -> parse(v, "a number", Double::valueOf));
        cl.registerConverter(Duration.class, Values::duration);
        cl.registerConverter(Path.class, Values::fileName);
    }

    private static <T> T parse(String value, String rule, Function<String, T> parser) {
        try {
            return parser.apply(value.trim());
        } catch (NumberFormatException e) {
            throw new Broken(rule);
        }
    }

    /** A duration like {@code 150s}, {@code 3m}, {@code 500ms} or {@code 1h}; at least 1 ms. */
    static Duration duration(String value) {
        String t = value.trim().toLowerCase(Locale.ROOT);
        Duration d;
        try {
            if (t.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            } else if (t.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("h")) {
                d = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            } else {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new Broken("a duration such as 150s, 3m or 500ms");
        }
        if (d.toMillis() < 1) {
            throw new Broken("at least 1ms");
        }
        return d;
    }

    static Path fileName(String value) {
        if (value.isBlank()) {
            throw new Broken("a file name");
        }
        return Path.of(value);
    }

    /**
     * Checks an optional whole number.
     *
     * @param value the option's value, or null when it was not given
     * @param fallback what null stands for
     * @param option the option's name, for the message
     * @param min the smallest allowed value, inclusive
     * @param max the largest allowed value, inclusive
     * @return the value, or {@code fallback}
     * @throws UsageException naming the option, the range and the value
     */
    static int inRange(Integer value, int fallback, String option, int min, int max) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw new UsageException(option + " must be a whole number in [" + min + ", " + max + "], but was " + value);
        }
        return value;
    }

    /**
     * Checks an optional number.
     *
     * @param value the option's value, or null when it was not given
     * @param fallback what null stands for
     * @param option the option's name, for the message
     * @param min the smallest allowed value, inclusive
     * @param max the largest allowed value, inclusive
     * @return the value, or {@code fallback}
     * @throws UsageException naming the option, the range and the value (NaN is out of every range)
     */
    static double inRange(Double value, double fallback, String option, double min, double max) {
        if (value == null) {
            return fallback;
        }
        if (!(value >= min && value <= max)) {
            throw new UsageException(option + " must be a number in [" + min + ", " + max + "], but was " + value);
        }
        return value;
    }
}
