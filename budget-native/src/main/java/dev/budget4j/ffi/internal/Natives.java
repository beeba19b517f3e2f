package dev.budget4j.ffi.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * One {@code static final} downcall handle per native function, so the JIT treats each as a
 * constant. All are linked with {@link Linker.Option#critical(boolean) critical(true)}: Java
 * arrays are passed in place as heap segments, with no copy and no thread-state transition. A
 * critical call must stay short (no safepoint can happen inside it), so callers split long work
 * into bounded tiles. A symbol the library lacks leaves its handle {@code null}, and that one
 * function falls back to Java.
 */
public final class Natives {

    private static final Logger LOG = LoggerFactory.getLogger(Natives.class);

    /** Why the library is unusable, or null when it loaded. */
    static final String FAILURE;
    /** Which build was loaded ({@code x86-64}, {@code avx2} or {@code avx512}), or null. */
    static final String VARIANT;
    /** Rows of the right matrix per packed panel of the pairwise kernel (columns of its tile), or 0. */
    static final int PANEL_WIDTH;
    /** Rows of the left matrix per packed panel of the pairwise kernel (rows of its tile), or 0. */
    static final int PANEL_HEIGHT;

    static final MethodHandle DOT;
    static final MethodHandle L2SQ;
    static final MethodHandle COSINE;
    static final MethodHandle SCORE_ROWS;
    static final MethodHandle PACK_A;
    static final MethodHandle PACK_B;
    static final MethodHandle GEMM_BLOCK;
    /** Int8 scoring (budget4j_int8.c); null when the library lacks it. */
    static final MethodHandle SCORE_ROWS_I8;

    private static final List<String> MISSING = new ArrayList<>();

    static {
        String failure = null;
        NativeLibrary.Loaded loaded = null;
        Module module = Natives.class.getModule();
        if (!module.isNativeAccessEnabled()) {
            failure = "native access is not enabled for " + (module.isNamed() ? module.getName() : "the class path")
                    + "; start the JVM with --enable-native-access="
                    + (module.isNamed() ? module.getName() : "ALL-UNNAMED");
        } else {
            try {
                loaded = NativeLibrary.load();
            } catch (NativeLibrary.Unavailable e) {
                failure = e.getMessage();
            } catch (RuntimeException | LinkageError e) {
                failure = "loading the native library failed: " + e;
            }
        }
        SymbolLookup lookup = loaded == null ? null : loaded.lookup();
        DOT = link(lookup, "b4j_dot", FunctionDescriptor.of(JAVA_FLOAT, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_LONG));
        L2SQ = link(lookup, "b4j_l2sq", FunctionDescriptor.of(JAVA_FLOAT, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_LONG));
        COSINE = link(lookup, "b4j_cosine", FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS, ADDRESS, JAVA_LONG));
        SCORE_ROWS = link(lookup, "b4j_score_rows",
                FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS));
        FunctionDescriptor pack =
                FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS);
        PACK_A = link(lookup, "b4j_pack_a", pack);
        PACK_B = link(lookup, "b4j_pack_b", pack);
        GEMM_BLOCK = link(lookup, "b4j_gemm_block", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG,
                JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS));
        PANEL_WIDTH = callInt(link(lookup, "b4j_panel_width", FunctionDescriptor.of(JAVA_INT)));
        PANEL_HEIGHT = callInt(link(lookup, "b4j_panel_height", FunctionDescriptor.of(JAVA_INT)));
        SCORE_ROWS_I8 = link(lookup, "b4j_score_rows_i8",
                FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS));
        FAILURE = failure;
        VARIANT = loaded == null ? null : loaded.variant();
        if (loaded != null && !MISSING.isEmpty()) {
            LOG.warn("The native library {} lacks {}; those functions run in Java", loaded.source(), MISSING);
        }
    }

    private Natives() {
    }

    /** The int a no-argument function returns, or 0 when it is missing or fails. */
    private static int callInt(MethodHandle h) {
        if (h == null) {
            return 0;
        }
        try {
            return (int) h.invokeExact();
        } catch (Throwable t) {
            return 0;
        }
    }

    private static MethodHandle link(SymbolLookup lookup, String name, FunctionDescriptor fd) {
        if (lookup == null) {
            return null;
        }
        Optional<java.lang.foreign.MemorySegment> symbol = lookup.find(name);
        if (symbol.isEmpty()) {
            MISSING.add(name);
            return null;
        }
        return Linker.nativeLinker().downcallHandle(symbol.get(), fd, Linker.Option.critical(true));
    }

    /**
     * Why the native backend cannot run, if it cannot.
     *
     * @return empty when the library is loaded
     */
    public static Optional<String> unavailableReason() {
        return Optional.ofNullable(FAILURE);
    }

    /**
     * The kernel symbols the loaded library lacks; each of those functions runs in Java.
     *
     * @return symbol names, empty when the library is complete or not loaded
     */
    public static List<String> missingSymbols() {
        return List.copyOf(MISSING);
    }

    /** Turns a throwable from {@code invokeExact} into an unchecked one. */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("native call failed", t);
    }
}
