package dev.budget4j.rag;

import dev.budget4j.kernel.VectorKernels;
import java.util.ArrayList;
import java.util.List;

/**
 * One way to run {@code query.search}, a rung of the query stage's ladder: float scoring of every
 * row ({@link VectorIndex#search}) or int8 scoring with float re-ranking
 * ({@link VectorIndex#searchInt8}), on one kernel backend.
 *
 * @param name the rung's name: {@code plain}, {@code vector} or {@code native} for float scoring,
 *     with {@code -int8} for int8 scoring
 * @param kernels the kernel backend
 * @param int8 whether the rows are scored as int8 codes
 */
public record SearchRung(String name, VectorKernels kernels, boolean int8) {
    /** The suffix of an int8 rung's name. */
    public static final String INT8 = "-int8";

    /**
     * Checks the parts.
     *
     * @param name see the record description, not blank
     * @param kernels see the record description, not null
     * @param int8 see the record description
     */
    public SearchRung {
        Args.notNull(name, "name");
        Args.that(!name.isBlank(), "name", "must not be blank", "'" + name + "'");
        Args.notNull(kernels, "kernels");
    }

    /** @return the float rung on a backend: {@code plain}, {@code vector} or {@code native} */
    static SearchRung floats(VectorKernels kernels) {
        return new SearchRung(Backends.rungName(kernels), kernels, false);
    }

    /** @return the int8 rung on a backend: {@code plain-int8}, {@code vector-int8} or {@code native-int8} */
    static SearchRung int8(VectorKernels kernels) {
        return new SearchRung(Backends.rungName(kernels) + INT8, kernels, true);
    }

    /**
     * The query stage's ladder, simplest first: float scoring on each backend (plain Java, Vector
     * API, native), then int8 scoring on each. Int8 sits above every float rung because it is
     * the more complex search (an approximation, then a re-ranking), chosen only when no float
     * rung meets the budget.
     *
     * @param backends the available backends, in any order
     * @return the rungs
     */
    static List<SearchRung> ladder(List<VectorKernels> backends) {
        List<VectorKernels> ordered = new ArrayList<>();
        for (String name : List.of("java", "vector", "native")) {
            backends.stream().filter(k -> k.name().equals(name)).findFirst().ifPresent(ordered::add);
        }
        List<SearchRung> out = new ArrayList<>();
        ordered.forEach(k -> out.add(floats(k)));
        ordered.forEach(k -> out.add(int8(k)));
        return out;
    }

    /**
     * Searches with this rung.
     *
     * @param index the index
     * @param query the query vector
     * @param k hits wanted
     * @return the hits, best first
     */
    List<Hit> search(VectorIndex index, float[] query, int k) {
        return int8 ? index.searchInt8(query, k, kernels) : index.search(query, k, kernels);
    }

    @Override
    public String toString() {
        return name + " (" + kernels.name() + (int8 ? ", int8 scoring, float re-ranking" : ", float scoring") + ")";
    }
}
