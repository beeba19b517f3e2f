/*
 * budget4j native int8 kernels, called through the Java FFM API; linked into the same library as
 * budget4j_kernels.c, one build per instruction-set variant.
 *
 * Integer sums are exact in any order, so every variant (and every Java backend) returns the same
 * int32 for the same codes. Java bounds the row length (at most 131,071 codes, so that
 * |sum| <= 131071 * 128 * 128 < 2^31) and checks every argument before calling.
 *
 * The AVX2 variants (VARIANT 1 and 2, compiled with -mavx2) widen 16 codes at a time to 16-bit
 * lanes (vpmovsxbw) and multiply-add neighbouring pairs into 32-bit lanes (vpmaddwd): a pair sums
 * at most 2 * 128 * 128 = 32768, exact in 32 bits. vpmaddubsw is not used: it multiplies an
 * unsigned byte by a signed one and saturates the pair sum at 16 bits. The baseline variant runs
 * a plain loop that GCC vectorizes with SSE2.
 */
#include <stdint.h>

#if defined(__AVX2__)
#include <immintrin.h>
#endif

#define EXPORT __attribute__((visibility("default")))

/* Plain integer dot product of n codes. */
static inline int32_t dot_i8(const int8_t *a, const int8_t *b, int64_t n) {
    int32_t s = 0;
    for (int64_t i = 0; i < n; i++) s += (int32_t) a[i] * (int32_t) b[i];
    return s;
}

#if defined(__AVX2__)
static inline int32_t hsum_epi32(__m256i v) {
    __m128i s = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, _MM_SHUFFLE(1, 0, 3, 2)));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, _MM_SHUFFLE(2, 3, 0, 1)));
    return _mm_cvtsi128_si32(s);
}

static inline __m256i widen16(const int8_t *p) {
    return _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *) p));
}
#endif

/* out[r] = q . codes[r] for r in [r0, r1), rows of `cols` codes; four rows share each query load. */
EXPORT void b4j_score_rows_i8(const int8_t *q, const int8_t *codes, int64_t r0, int64_t r1, int64_t cols,
                              int32_t *out) {
    int64_t r = r0;
#if defined(__AVX2__)
    int64_t vend = cols - cols % 16;
    for (; r + 4 <= r1; r += 4) {
        const int8_t *p0 = codes + r * cols, *p1 = p0 + cols, *p2 = p1 + cols, *p3 = p2 + cols;
        __m256i s0 = _mm256_setzero_si256(), s1 = _mm256_setzero_si256();
        __m256i s2 = _mm256_setzero_si256(), s3 = _mm256_setzero_si256();
        int64_t i = 0;
        for (; i < vend; i += 16) {
            __m256i x = widen16(q + i);
            s0 = _mm256_add_epi32(s0, _mm256_madd_epi16(x, widen16(p0 + i)));
            s1 = _mm256_add_epi32(s1, _mm256_madd_epi16(x, widen16(p1 + i)));
            s2 = _mm256_add_epi32(s2, _mm256_madd_epi16(x, widen16(p2 + i)));
            s3 = _mm256_add_epi32(s3, _mm256_madd_epi16(x, widen16(p3 + i)));
        }
        int32_t t0 = hsum_epi32(s0), t1 = hsum_epi32(s1), t2 = hsum_epi32(s2), t3 = hsum_epi32(s3);
        for (; i < cols; i++) {
            int32_t x = q[i];
            t0 += x * p0[i]; t1 += x * p1[i]; t2 += x * p2[i]; t3 += x * p3[i];
        }
        out[r] = t0; out[r + 1] = t1; out[r + 2] = t2; out[r + 3] = t3;
    }
    for (; r < r1; r++) {
        const int8_t *p = codes + r * cols;
        __m256i s = _mm256_setzero_si256();
        int64_t i = 0;
        for (; i < vend; i += 16) s = _mm256_add_epi32(s, _mm256_madd_epi16(widen16(q + i), widen16(p + i)));
        out[r] = hsum_epi32(s) + dot_i8(q + i, p + i, cols - i);
    }
#else
    for (; r < r1; r++) out[r] = dot_i8(q, codes + r * cols, cols);
#endif
}
