package dev.budget4j.kernel.internal;

import dev.budget4j.kernel.VectorKernels;
import dev.budget4j.kernel.spi.KernelProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The backends found once at start-up: the available ones in order of preference, the reasons
 * of the unavailable ones, and the active choice (or why the forced choice failed).
 */
public final class KernelRegistry {

    /** System property that forces a backend by name. */
    public static final String BACKEND_PROPERTY = "budget4j.kernels";

    private static final Logger LOG = LoggerFactory.getLogger("dev.budget4j.kernel.Kernels");

    private final List<VectorKernels> available;
    private final Map<String, String> unavailable;
    private final VectorKernels active;
    private final String activeFailure;

    private KernelRegistry(List<VectorKernels> available, Map<String, String> unavailable, VectorKernels active,
                           String activeFailure) {
        this.available = available;
        this.unavailable = unavailable;
        this.active = active;
        this.activeFailure = activeFailure;
    }

    /**
     * Discovers the providers with {@link ServiceLoader}, starts the available ones, picks the
     * active backend and logs the outcome once.
     *
     * @param forced the value of {@value #BACKEND_PROPERTY}, or null
     * @return the registry
     */
    public static KernelRegistry discover(String forced) {
        List<KernelProvider> providers = new ArrayList<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        Iterator<KernelProvider> it = ServiceLoader.load(KernelProvider.class, KernelRegistry.class.getClassLoader())
                .iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                providers.add(it.next());
            } catch (ServiceConfigurationError e) {
                LOG.warn("Skipping a kernel provider that failed to load: {}", e.toString());
            }
        }
        providers.sort(Comparator.comparingInt(KernelProvider::priority).reversed());

        List<VectorKernels> available = new ArrayList<>();
        for (KernelProvider p : providers) {
            String name = p.name();
            if (name.equals("java") || unavailable.containsKey(name) || available.stream().anyMatch(k -> k.name().equals(name))) {
                LOG.warn("Ignoring a second kernel provider named '{}' ({})", name, p.getClass().getName());
                continue;
            }
            try {
                Optional<String> reason = p.unavailableReason();
                if (reason.isPresent()) {
                    unavailable.put(name, reason.get());
                    continue;
                }
                VectorKernels k = p.create();
                if (!name.equals(k.name())) {
                    unavailable.put(name, "provider " + p.getClass().getName() + " created a backend named '" + k.name() + "'");
                    continue;
                }
                available.add(k);
            } catch (RuntimeException | LinkageError e) {
                unavailable.put(name, "failed to start: " + e);
            }
        }
        available.add(JavaKernels.INSTANCE);
        for (Map.Entry<String, String> e : unavailable.entrySet()) {
            LOG.warn("Kernel backend '{}' is unavailable, using the next one: {}", e.getKey(), e.getValue());
        }

        VectorKernels active = null;
        String failure = null;
        String wanted = forced == null ? "" : forced.trim().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            active = available.get(0);
        } else {
            for (VectorKernels k : available) {
                if (k.name().equals(wanted)) {
                    active = k;
                }
            }
            if (active == null) {
                failure = BACKEND_PROPERTY + "=" + wanted + " was requested but that backend is unavailable: "
                        + unavailable.getOrDefault(wanted, "no provider named '" + wanted + "' is installed (known: "
                        + names(available) + ", unavailable: " + unavailable.keySet() + ")");
                LOG.error(failure);
            }
        }
        if (active != null) {
            LOG.info("Kernel backend '{}' active{} (available: {})", active.name(),
                    wanted.isEmpty() ? "" : " (forced by " + BACKEND_PROPERTY + ")", names(available));
        }
        return new KernelRegistry(Collections.unmodifiableList(available), Collections.unmodifiableMap(unavailable),
                active, failure);
    }

    private static List<String> names(List<VectorKernels> ks) {
        List<String> names = new ArrayList<>();
        for (VectorKernels k : ks) {
            names.add(k.name());
        }
        return names;
    }

    /**
     * The active backend.
     *
     * @return the backend
     * @throws IllegalStateException when a forced backend is unavailable
     */
    public VectorKernels active() {
        if (active == null) {
            throw new IllegalStateException(activeFailure);
        }
        return active;
    }

    /**
     * The available backends, most preferred first; plain Java is always last.
     *
     * @return an unmodifiable list
     */
    public List<VectorKernels> available() {
        return available;
    }

    /**
     * An available backend by name.
     *
     * @param name the name
     * @return the backend, or empty
     */
    public Optional<VectorKernels> byName(String name) {
        for (VectorKernels k : available) {
            if (k.name().equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * Why a backend is unavailable.
     *
     * @param name the backend name
     * @return empty when available, else the reason (also for an unknown name)
     */
    public Optional<String> unavailableReason(String name) {
        if (byName(name).isPresent()) {
            return Optional.empty();
        }
        String reason = unavailable.get(name);
        return Optional.of(reason != null ? reason : "no kernel provider named '" + name + "' is installed");
    }
}
