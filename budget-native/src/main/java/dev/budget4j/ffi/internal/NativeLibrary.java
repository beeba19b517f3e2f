package dev.budget4j.ffi.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * Finds and loads the native library: the file named by {@value #LIBRARY_PROPERTY} if set, else
 * the best bundled variant for this CPU, extracted to a private temporary directory that is
 * removed again as soon as the library is mapped (and on exit, should that removal fail).
 */
final class NativeLibrary {

    static final String LIBRARY_PROPERTY = "budget4j.native.library";
    static final String VARIANT_PROPERTY = "budget4j.native.variant";

    /** Variant names by the number b4j_variant() returns. */
    static final String[] VARIANTS = {"x86-64", "avx2", "avx512"};

    private NativeLibrary() {
    }

    /** A loaded library and which variant it is. */
    record Loaded(SymbolLookup lookup, String variant, String source) {
    }

    /** Why the library could not be loaded. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    static Loaded load() throws Unavailable {
        String explicit = System.getProperty(LIBRARY_PROPERTY);
        if (explicit != null) {
            Path file = Path.of(explicit);
            if (!Files.isRegularFile(file)) {
                throw new Unavailable(LIBRARY_PROPERTY + "=" + explicit + " is not a readable file");
            }
            SymbolLookup lookup = SymbolLookup.libraryLookup(file, Arena.global());
            int variant = callInt(lookup, "b4j_variant");
            int caps = callInt(lookup, "b4j_caps");
            if (variant < 0 || variant >= VARIANTS.length || (variant > 0 && (caps & (1 << (variant - 1))) == 0)) {
                throw new Unavailable(explicit + " is built for " + variantName(variant)
                        + ", which this CPU does not support (caps " + caps + ")");
            }
            return new Loaded(lookup, VARIANTS[variant], file.toString());
        }
        String platform = platform();
        if (platform == null) {
            throw new Unavailable("no native kernels are built for " + System.getProperty("os.name") + " / "
                    + System.getProperty("os.arch") + "; only linux-x86_64");
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("budget4j-native-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException | UnsupportedOperationException e) {
            throw new Unavailable("cannot create a private temporary directory for the native library: " + e);
        }
        dir.toFile().deleteOnExit();
        try {
            Loaded base = extractAndLoad(dir, platform, "x86-64");
            int caps = callInt(base.lookup(), "b4j_caps");
            int max = maxVariant();
            for (int v = Math.min(max, VARIANTS.length - 1); v > 0; v--) {
                if ((caps & (1 << (v - 1))) != 0 && resource(platform, VARIANTS[v]) != null) {
                    return extractAndLoad(dir, platform, VARIANTS[v]);
                }
            }
            return base;
        } finally {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // deleteOnExit is registered
            }
        }
    }

    private static int maxVariant() throws Unavailable {
        String v = System.getProperty(VARIANT_PROPERTY);
        if (v == null) {
            return VARIANTS.length - 1;
        }
        for (int i = 0; i < VARIANTS.length; i++) {
            if (VARIANTS[i].equals(v.trim().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        throw new Unavailable(VARIANT_PROPERTY + " must be one of x86-64, avx2, avx512, but was '" + v + "'");
    }

    private static String variantName(int v) {
        return v >= 0 && v < VARIANTS.length ? VARIANTS[v] : "unknown variant " + v;
    }

    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
            return "linux-x86_64";
        }
        return null;
    }

    private static String resourceName(String platform, String variant) {
        return "/" + platform + "/libbudget4j-" + variant + ".so";
    }

    private static java.net.URL resource(String platform, String variant) {
        return NativeLibrary.class.getResource(resourceName(platform, variant));
    }

    private static Loaded extractAndLoad(Path dir, String platform, String variant) throws Unavailable {
        String name = resourceName(platform, variant);
        Path file = dir.resolve(name.substring(name.lastIndexOf('/') + 1));
        try (InputStream in = NativeLibrary.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new Unavailable("this jar holds no " + name.substring(1)
                        + " (budget-native was built without gcc, or on another platform)");
            }
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new Unavailable("cannot extract " + name + ": " + e);
        }
        try {
            SymbolLookup lookup = SymbolLookup.libraryLookup(file, Arena.global());
            int built = callInt(lookup, "b4j_variant");
            if (!variant.equals(variantName(built))) {
                throw new Unavailable(name + " reports variant " + variantName(built) + ", expected " + variant);
            }
            return new Loaded(lookup, variant, "jar:" + name);
        } catch (IllegalArgumentException e) {
            throw new Unavailable("cannot load " + name + ": " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(file); // mapped already; Linux keeps the mapping
            } catch (IOException e) {
                // deleteOnExit is registered
            }
        }
    }

    private static int callInt(SymbolLookup lookup, String symbol) throws Unavailable {
        MethodHandle h = Linker.nativeLinker().downcallHandle(
                lookup.find(symbol).orElseThrow(() -> new Unavailable("the native library lacks " + symbol)),
                FunctionDescriptor.of(ValueLayout.JAVA_INT));
        try {
            return (int) h.invokeExact();
        } catch (Throwable t) {
            throw new Unavailable(symbol + "() failed: " + t);
        }
    }
}
