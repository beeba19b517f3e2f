package dev.budget4j.profile.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's options: {@code --name value}, {@code --name=value} (the form for values that start
 * with {@code --}, such as {@code --jvm-arg=--add-modules=jdk.incubator.vector}) and flags. Each
 * command says which names it takes, which repeat and which are flags.
 */
final class Options {
    private final String command;
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private Options(String command) {
        this.command = command;
    }

    static Options parse(String[] args, Set<String> single, Set<String> repeated, Set<String> flags) {
        Options o = new Options(args[0]);
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new UsageException("unexpected argument '" + a + "'");
            }
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException("option " + name + " takes no value, but was given '" + value + "'");
                }
                o.values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
                continue;
            }
            if (!single.contains(name) && !repeated.contains(name)) {
                throw new UsageException("unknown option " + name + " for " + o.command);
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException("option " + name + " needs a value (write " + name
                            + "=VALUE for a value that starts with --)");
                }
                value = args[++i];
            }
            List<String> list = o.values.computeIfAbsent(name, k -> new ArrayList<>());
            if (single.contains(name) && !list.isEmpty()) {
                throw new UsageException("option " + name + " must be given once");
            }
            list.add(value);
        }
        return o;
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    String string(String name) {
        List<String> v = values.get(name);
        return v == null ? null : v.get(0);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    Path path(String name) {
        String v = string(name);
        if (v == null) {
            return null;
        }
        if (v.isBlank()) {
            throw new UsageException("option " + name + " needs a file name");
        }
        return Path.of(v);
    }

    Path requiredPath(String name) {
        Path p = path(name);
        if (p == null) {
            throw new UsageException(command + " needs " + name);
        }
        return p;
    }

    Integer integer(String name, int min, int max) {
        String v = string(name);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v.trim().replace("_", ""));
            if (n < min || n > max) {
                throw new UsageException(name + " must be a whole number in [" + min + ", " + max + "], but was " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number in [" + min + ", " + max + "], but was '" + v + "'");
        }
    }

    Long longValue(String name) {
        String v = string(name);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number, but was '" + v + "'");
        }
    }

    Double number(String name, double min, double max) {
        String v = string(name);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (!(d >= min && d <= max)) {
                throw new UsageException(name + " must be a number in [" + min + ", " + max + "], but was " + v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a number in [" + min + ", " + max + "], but was '" + v + "'");
        }
    }

    /** A duration like {@code 150s}, {@code 3m}, {@code 500ms} or {@code 1h}; at least 1 ms. */
    Duration duration(String name) {
        String v = string(name);
        if (v == null) {
            return null;
        }
        String t = v.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            Duration d;
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
            if (d.toMillis() < 1) {
                throw new UsageException(name + " must be at least 1ms, but was " + v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a duration such as 150s, 3m or 500ms, but was '" + v + "'");
        }
    }
}
