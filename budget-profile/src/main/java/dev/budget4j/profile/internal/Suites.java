package dev.budget4j.profile.internal;

import dev.budget4j.internal.util.Require;
import dev.budget4j.profile.StageSuite;
import dev.budget4j.profile.SuiteStage;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Finds {@link StageSuite}s by class name or through {@link ServiceLoader}, and their stages by name. */
public final class Suites {
    private Suites() {
    }

    /**
     * The stages of the named suite class, or of every suite {@link ServiceLoader} finds when
     * {@code suiteClass} is null.
     *
     * @throws IllegalArgumentException naming the class and the problem, or saying no suite was found
     */
    public static Map<String, SuiteStage<?>> load(String suiteClass, ClassLoader loader) {
        List<StageSuite> suites = new ArrayList<>();
        if (suiteClass != null) {
            suites.add(instantiate(suiteClass, loader));
        } else {
            ServiceLoader.load(StageSuite.class, loader).forEach(suites::add);
            if (suites.isEmpty()) {
                throw new IllegalArgumentException("suite must be named (--suite CLASS) or registered in "
                        + "META-INF/services/dev.budget4j.profile.StageSuite, but none was found on the class path");
            }
        }
        Map<String, SuiteStage<?>> stages = new LinkedHashMap<>();
        for (StageSuite suite : suites) {
            List<SuiteStage<?>> list = suite.stages();
            if (list == null || list.isEmpty()) {
                throw new IllegalArgumentException("suite " + suite.getClass().getName() + " must list at least one stage, but listed "
                        + (list == null ? "null" : "none"));
            }
            for (SuiteStage<?> s : list) {
                Require.notNull(s, "stage of suite " + suite.getClass().getName());
                if (stages.putIfAbsent(s.name(), s) != null) {
                    throw new IllegalArgumentException("stage names must be unique across suites, but '" + s.name()
                            + "' is listed twice (suite " + suite.getClass().getName() + ")");
                }
            }
        }
        return stages;
    }

    /**
     * The named stages, in the order asked; all stages when {@code names} is empty.
     *
     * @throws IllegalArgumentException naming an unknown stage and the known ones
     */
    public static List<SuiteStage<?>> select(Map<String, SuiteStage<?>> stages, List<String> names) {
        if (names.isEmpty()) {
            return new ArrayList<>(stages.values());
        }
        List<SuiteStage<?>> out = new ArrayList<>();
        for (String n : names) {
            SuiteStage<?> s = stages.get(n);
            if (s == null) {
                throw new IllegalArgumentException("stage must be one of " + stages.keySet() + ", but was '" + n + "'");
            }
            out.add(s);
        }
        return out;
    }

    private static StageSuite instantiate(String name, ClassLoader loader) {
        Class<?> c;
        try {
            c = Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("suite class must be on the class path, but '" + name + "' was not found");
        }
        if (!StageSuite.class.isAssignableFrom(c)) {
            throw new IllegalArgumentException("suite class must implement " + StageSuite.class.getName() + ", but " + name
                    + " does not");
        }
        try {
            return (StageSuite) c.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalArgumentException("suite class must have a public no-argument constructor, but " + name
                    + " has none (" + e + ")");
        } catch (InstantiationException e) {
            throw new IllegalArgumentException("suite class must be a concrete class, but " + name + " is abstract");
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("suite class " + name + " failed in its constructor: " + e.getCause(), e.getCause());
        }
    }
}
