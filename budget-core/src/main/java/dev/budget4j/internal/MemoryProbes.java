package dev.budget4j.internal;

import dev.budget4j.spi.MemoryProbe;
import java.util.Iterator;
import java.util.ServiceLoader;

/** The first {@link MemoryProbe} found by {@link ServiceLoader}, looked up once. */
public final class MemoryProbes {
    private MemoryProbes() {
    }

    private static final class Holder {
        static final MemoryProbe PROBE = find();

        private static MemoryProbe find() {
            Iterator<MemoryProbe> it = ServiceLoader.load(MemoryProbe.class, MemoryProbes.class.getClassLoader()).iterator();
            return it.hasNext() ? it.next() : null;
        }
    }

    /** {@return the probe, or null when no module provides one} */
    public static MemoryProbe probe() {
        return Holder.PROBE;
    }

    /** {@return the probe, or an exception that says which module to add} */
    public static MemoryProbe require(String stage, String dimension) {
        MemoryProbe probe = probe();
        if (probe == null) {
            throw new IllegalStateException("stage '" + stage + "' has a " + dimension
                    + " budget, which needs a MemoryProbe on the class or module path, but none was found:"
                    + " add the dependency dev.budget4j:budget-profile");
        }
        return probe;
    }
}
