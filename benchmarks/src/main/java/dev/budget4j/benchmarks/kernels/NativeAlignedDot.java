package dev.budget4j.benchmarks.kernels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An experiment, not a kernel: the native backend's dot product ({@code b4j_dot} of the AVX2
 * build, the same C loop that {@code NativeKernels} calls) on two native segments that start on a
 * 64-byte cache line, through a critical downcall, as an aligned-storage API of the native backend
 * would call it. {@link KernelCpuTime}'s {@code aligned} mode puts it beside Lucene on heap
 * arrays. The library is extracted from the class path on its own, so that nothing of the
 * backend's internals is opened for the experiment.
 */
final class NativeAlignedDot {
    private static final MethodHandle DOT = link();

    private NativeAlignedDot() {
    }

    private static MethodHandle link() {
        String name = "/linux-x86_64/libbudget4j-avx2.so";
        try (InputStream in = NativeAlignedDot.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the class path holds no " + name.substring(1));
            }
            Path file = Files.createTempFile("budget4j-experiment", ".so");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            SymbolLookup lookup = SymbolLookup.libraryLookup(file, Arena.global());
            MemorySegment dot = lookup.find("b4j_dot").orElseThrow(() -> new IllegalStateException("no b4j_dot in " + name));
            return Linker.nativeLinker().downcallHandle(dot,
                    FunctionDescriptor.of(ValueLayout.JAVA_FLOAT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS,
                            ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG),
                    Linker.Option.critical(true));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + name, e);
        }
    }

    /** {@return the dot product of the first {@code n} floats of {@code a} and {@code b}} */
    static float dot(MemorySegment a, MemorySegment b, int n) {
        try {
            return (float) DOT.invokeExact(a, 0L, b, 0L, (long) n);
        } catch (Throwable t) {
            throw new IllegalStateException("b4j_dot failed", t);
        }
    }
}
