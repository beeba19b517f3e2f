/*
 * budget4j native kernels (float32), called through the Java FFM API.
 *
 * One source, compiled once per instruction-set variant by the Maven build:
 *   VARIANT 0  baseline x86-64 (SSE2), VW = 4 lanes
 *   VARIANT 1  AVX2 + FMA,             VW = 8 lanes
 *   VARIANT 2  AVX-512F,               VW = 16 lanes
 * The code uses GCC vector extensions, so each variant gets the instructions of its -m flags
 * (a * b + c becomes a fused multiply-add where the variant has FMA: -ffp-contract=fast).
 * Never built with -march=native: the jar must run on other CPUs, and Java picks the variant at
 * load time with b4j_caps().
 *
 * Every function trusts its arguments: Java checks lengths, offsets and sizes before calling.
 * Offsets and lengths are in elements (floats), not bytes.
 */
#include <stdint.h>
#include <string.h>
#include <immintrin.h>

#ifndef VARIANT
#error "VARIANT must be defined (0 = baseline, 1 = avx2+fma, 2 = avx512f)"
#endif

/*
 * VW: floats per vector register. MR x NR: the pairwise micro-kernel's tile, rows of the left
 * matrix by columns of the right one, held in 2 * MR vector accumulators (NR = 2 * VW), with two
 * registers for the right panel's row and one for the broadcast left value: 15 of the 16
 * registers of SSE2 and AVX2 (the 6 x 16 shape of BLIS's Haswell sgemm kernel), 19 of AVX-512's 32.
 */
#if VARIANT == 2
#define VW 16
#define MR 8
#elif VARIANT == 1
#define VW 8
#define MR 6
#else
#define VW 4
#define MR 6
#endif
#define NR (2 * VW)
/* Bytes to which dot, l2 and cosine align their first operand before the vector loop. */
#define ALIGN (VW * 4)

#define EXPORT __attribute__((visibility("default")))

typedef float vf __attribute__((vector_size(VW * sizeof(float))));

static inline vf loadu(const float *p) { vf v; memcpy(&v, p, sizeof v); return v; }
static inline void storeu(float *p, vf v) { memcpy(p, &v, sizeof v); }

/*
 * *p in every lane, as one broadcast load. Written with intrinsics: GCC turns a generic
 * "(vf){0} + x" into a scalar add (0 + x is not x for x = -0) and a register broadcast that
 * competes with the multiply-adds for the vector ports; that cost the pairwise kernel half its speed.
 */
static inline vf bcast(const float *p) {
#if VARIANT == 2
    return (vf) _mm512_set1_ps(*p);
#elif VARIANT == 1
    return (vf) _mm256_broadcast_ss(p);
#else
    return (vf) _mm_load1_ps(p);
#endif
}

/* Sum of the lanes as a tree of halves (log2(VW) dependent adds, not VW - 1). */
static inline float hsum(vf v) {
    float t[VW];
    memcpy(t, &v, sizeof t);
#pragma GCC unroll 8
    for (int w = VW / 2; w >= 1; w /= 2) {
#pragma GCC unroll 16
        for (int i = 0; i < w; i++) t[i] += t[i + w];
    }
    return t[0];
}

/*
 * Elements to handle one by one before p is ALIGN-byte aligned (at most n). A vector load that
 * straddles two cache lines costs about two loads; with both operands misaligned, a dot product
 * of 768 floats took 1.7 times as long as with both aligned. Java arrays are only 8-byte aligned,
 * so this aligns the first operand; the second is aligned too when both are misaligned alike.
 */
static inline int64_t peel(const float *p, int64_t n) {
    int64_t k = (int64_t) ((ALIGN - ((uintptr_t) p & (ALIGN - 1))) & (ALIGN - 1)) / 4;
    return k < n ? k : n;
}

/* bit 0: AVX2 and FMA usable; bit 1: AVX-512F usable (CPU and OS state, via libgcc). */
EXPORT int32_t b4j_caps(void) {
    __builtin_cpu_init();
    int32_t caps = 0;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) caps |= 1;
    if (__builtin_cpu_supports("avx512f") && (caps & 1)) caps |= 2;
    return caps;
}

/* Which variant this library is: 0, 1 or 2 (see above). */
EXPORT int32_t b4j_variant(void) { return VARIANT; }

EXPORT float b4j_dot(const float *a, int64_t ao, const float *b, int64_t bo, int64_t n) {
    a += ao; b += bo;
    float head = 0;
    int64_t i = peel(a, n);
    for (int64_t j = 0; j < i; j++) head += a[j] * b[j];
    vf s0 = {0}, s1 = {0}, s2 = {0}, s3 = {0};
    for (; i + 4 * VW <= n; i += 4 * VW) {
        s0 += loadu(a + i) * loadu(b + i);
        s1 += loadu(a + i + VW) * loadu(b + i + VW);
        s2 += loadu(a + i + 2 * VW) * loadu(b + i + 2 * VW);
        s3 += loadu(a + i + 3 * VW) * loadu(b + i + 3 * VW);
    }
    for (; i + VW <= n; i += VW) s0 += loadu(a + i) * loadu(b + i);
    float r = hsum((s0 + s1) + (s2 + s3)) + head;
    for (; i < n; i++) r += a[i] * b[i];
    return r;
}

EXPORT float b4j_l2sq(const float *a, int64_t ao, const float *b, int64_t bo, int64_t n) {
    a += ao; b += bo;
    float head = 0;
    int64_t i = peel(a, n);
    for (int64_t j = 0; j < i; j++) { float d = a[j] - b[j]; head += d * d; }
    vf s0 = {0}, s1 = {0}, s2 = {0}, s3 = {0};
    for (; i + 4 * VW <= n; i += 4 * VW) {
        vf d0 = loadu(a + i) - loadu(b + i);
        vf d1 = loadu(a + i + VW) - loadu(b + i + VW);
        vf d2 = loadu(a + i + 2 * VW) - loadu(b + i + 2 * VW);
        vf d3 = loadu(a + i + 3 * VW) - loadu(b + i + 3 * VW);
        s0 += d0 * d0; s1 += d1 * d1; s2 += d2 * d2; s3 += d3 * d3;
    }
    for (; i + VW <= n; i += VW) { vf d = loadu(a + i) - loadu(b + i); s0 += d * d; }
    float r = hsum((s0 + s1) + (s2 + s3)) + head;
    for (; i < n; i++) { float d = a[i] - b[i]; r += d * d; }
    return r;
}

/*
 * cos(a, b) = a.b / sqrt(a.a * b.b), the three sums in float in one pass and the rest in double,
 * exactly as the Java backends finish it (0 when either vector is zero). Twelve accumulators:
 * three multiply-adds per pair of loads make this one bound by the multiply-add ports, and each
 * chain needs four steps in flight to cover the multiply-add latency.
 */
EXPORT double b4j_cosine(const float *a, const float *b, int64_t n) {
    float ab = 0, aa = 0, bb = 0;
    int64_t i = peel(a, n);
    for (int64_t j = 0; j < i; j++) { ab += a[j] * b[j]; aa += a[j] * a[j]; bb += b[j] * b[j]; }
    vf ab0 = {0}, ab1 = {0}, ab2 = {0}, ab3 = {0}, aa0 = {0}, aa1 = {0}, aa2 = {0}, aa3 = {0};
    vf bb0 = {0}, bb1 = {0}, bb2 = {0}, bb3 = {0};
    for (; i + 4 * VW <= n; i += 4 * VW) {
        vf x = loadu(a + i), y = loadu(b + i);
        ab0 += x * y; aa0 += x * x; bb0 += y * y;
        x = loadu(a + i + VW); y = loadu(b + i + VW);
        ab1 += x * y; aa1 += x * x; bb1 += y * y;
        x = loadu(a + i + 2 * VW); y = loadu(b + i + 2 * VW);
        ab2 += x * y; aa2 += x * x; bb2 += y * y;
        x = loadu(a + i + 3 * VW); y = loadu(b + i + 3 * VW);
        ab3 += x * y; aa3 += x * x; bb3 += y * y;
    }
    for (; i + VW <= n; i += VW) {
        vf x = loadu(a + i), y = loadu(b + i);
        ab0 += x * y; aa0 += x * x; bb0 += y * y;
    }
    ab += hsum((ab0 + ab1) + (ab2 + ab3));
    aa += hsum((aa0 + aa1) + (aa2 + aa3));
    bb += hsum((bb0 + bb1) + (bb2 + bb3));
    for (; i < n; i++) { ab += a[i] * b[i]; aa += a[i] * a[i]; bb += b[i] * b[i]; }
    if (aa == 0 || bb == 0) return 0;
    return ab / __builtin_sqrt((double) aa * (double) bb);
}

/* out[r] = q . rows[r] for r in [r0, r1); four rows share each query load. */
#ifndef B4J_OMIT_SCORE_ROWS /* the test build of a library that lacks one kernel */
EXPORT void b4j_score_rows(const float *q, const float *rows, int64_t r0, int64_t r1, int64_t cols, float *out) {
    int64_t r = r0;
    int64_t vend = cols - cols % VW;
    for (; r + 4 <= r1; r += 4) {
        const float *p0 = rows + r * cols, *p1 = p0 + cols, *p2 = p1 + cols, *p3 = p2 + cols;
        vf s0 = {0}, s1 = {0}, s2 = {0}, s3 = {0};
        int64_t i = 0;
        for (; i < vend; i += VW) {
            vf x = loadu(q + i);
            s0 += x * loadu(p0 + i); s1 += x * loadu(p1 + i);
            s2 += x * loadu(p2 + i); s3 += x * loadu(p3 + i);
        }
        float t0 = hsum(s0), t1 = hsum(s1), t2 = hsum(s2), t3 = hsum(s3);
        for (; i < cols; i++) {
            t0 += q[i] * p0[i]; t1 += q[i] * p1[i]; t2 += q[i] * p2[i]; t3 += q[i] * p3[i];
        }
        out[r] = t0; out[r + 1] = t1; out[r + 2] = t2; out[r + 3] = t3;
    }
    for (; r < r1; r++) out[r] = b4j_dot(q, 0, rows, r * cols, cols);
}
#endif

/*
 * The pairwise kernel, shaped like a GEMM (Goto and van de Geijn, "Anatomy of High-Performance
 * Matrix Multiplication"; the BLIS micro-kernel design): out = (A diag(invA)) (B diag(invB))^T.
 * Both operands are packed first, each scaled by its inverse row norms on the way:
 *   A into panels of MR rows, k-major: pa[p*d*MR + k*MR + r] = a[p*MR + r][k] * invA[...]
 *   B into panels of NR rows, k-major: pb[p*d*NR + k*NR + c] = b[p*NR + c][k] * invB[...]
 * (zero past the last row), so that the micro-kernel reads both with unit stride. Java then walks
 * a grid of blocks of out and, for each block, calls b4j_gemm_block once per slice of KC values of
 * k: the MR x KC slice of an A panel and the KC x NR slice of a B panel are small enough for L1,
 * the block's A slices for L2. The first slice stores into out, the others add to it. While the
 * tiles of one B panel run, the slice of the next panel is prefetched into L2, a share per tile.
 */
/* Rows of the right matrix (columns of out) per packed panel of the pairwise kernel. */
EXPORT int32_t b4j_panel_width(void) { return NR; }

/* Rows of the left matrix per packed panel of the pairwise kernel. */
EXPORT int32_t b4j_panel_height(void) { return MR; }

static void pack(const float *src, const float *inv, int64_t rows, int64_t d, int64_t p0, int64_t p1, int width,
                 float *packed) {
    for (int64_t p = p0; p < p1; p++) {
        float *dst = packed + p * d * width;
        for (int c = 0; c < width; c++) {
            int64_t j = p * width + c;
            if (j >= rows) {
                for (int64_t k = 0; k < d; k++) dst[k * width + c] = 0;
                continue;
            }
            const float *row = src + j * d;
            float s = inv[j];
            for (int64_t k = 0; k < d; k++) dst[k * width + c] = row[k] * s;
        }
    }
}

/* Packs panels [p0, p1) of the left matrix a (m rows of d), MR rows per panel (see above). */
EXPORT void b4j_pack_a(const float *a, const float *invA, int64_t m, int64_t d, int64_t p0, int64_t p1, float *pa) {
    pack(a, invA, m, d, p0, p1, MR, pa);
}

/* Packs panels [p0, p1) of the right matrix b (n rows of d), NR rows per panel (see above). */
EXPORT void b4j_pack_b(const float *b, const float *invB, int64_t n, int64_t d, int64_t p0, int64_t p1, float *pb) {
    pack(b, invB, n, d, p0, p1, NR, pb);
}

/*
 * One MR x NR tile over kc values of k: c[r][0..NR) (+)= sum_k a[k*MR + r] * b[k*NR + 0..NR).
 * Per k: two vector loads of b, MR broadcast loads of a, 2 * MR multiply-adds into registers.
 */
static inline __attribute__((always_inline)) void micro(int64_t kc, const float *restrict a, const float *restrict b,
                                                        float *c, int64_t ldc, int accumulate) {
    vf c0[MR], c1[MR];
#pragma GCC unroll 16
    for (int r = 0; r < MR; r++) {
        c0[r] = (vf){0};
        c1[r] = (vf){0};
        __builtin_prefetch(c + r * ldc, 1);
        __builtin_prefetch(c + r * ldc + NR - 1, 1);
    }
    /* Eight steps per loop iteration: about 2 % faster than four on Zen 3 (less loop overhead). */
#pragma GCC unroll 8
    for (int64_t k = 0; k < kc; k++) {
        vf b0 = loadu(b + k * NR), b1 = loadu(b + k * NR + VW);
#pragma GCC unroll 16
        for (int r = 0; r < MR; r++) {
            vf x = bcast(a + k * MR + r);
            c0[r] += b0 * x;
            c1[r] += b1 * x;
        }
    }
#pragma GCC unroll 16
    for (int r = 0; r < MR; r++) {
        float *o = c + r * ldc;
        if (accumulate) {
            c0[r] += loadu(o);
            c1[r] += loadu(o + VW);
        }
        storeu(o, c0[r]);
        storeu(o + VW, c1[r]);
    }
}

/*
 * out[i][j] (+)= sum over k in [k0, k1) of pa(i, k) * pb(j, k), for rows i in [i0, i1) and
 * columns j in [j0, j1) of out (m x n, row-major); stores when k0 == 0, adds otherwise. i0 is a
 * multiple of MR and j0 of NR. Tiles cut by the edge of out go through a scratch tile.
 */
EXPORT void b4j_gemm_block(const float *pa, const float *pb, int64_t d, int64_t i0, int64_t i1, int64_t j0, int64_t j1,
                           int64_t k0, int64_t k1, int64_t n, float *out) {
    int64_t kc = k1 - k0;
    int accumulate = k0 > 0;
    /*
     * The next B panel's slice (kc * NR floats) is prefetched into L2 in equal shares of whole
     * cache lines (16 floats), one share before each tile of the current panel: its first tile
     * then finds it near instead of waiting on L3 or memory, where a whole slice is too much for
     * the hardware prefetcher to bring in time (about 5 % of the kernel's time on Zen 3).
     */
    int64_t slice = kc * NR;
    int64_t tiles = (i1 - i0 + MR - 1) / MR;
    int64_t share = ((slice + tiles - 1) / tiles + 15) & ~(int64_t) 15;
    for (int64_t j = j0; j < j1; j += NR) {
        const float *bp = pb + (j / NR) * d * NR + k0 * NR;
        const float *next = j + NR < j1 ? bp + d * NR : NULL;
        int64_t cols = j1 - j < NR ? j1 - j : NR;
        for (int64_t i = i0; i < i1; i += MR) {
            const float *ap = pa + (i / MR) * d * MR + k0 * MR;
            int64_t rows = i1 - i < MR ? i1 - i : MR;
            float *o = out + i * n + j;
            if (next != NULL) {
                int64_t f0 = (i - i0) / MR * share;
                int64_t f1 = f0 + share < slice ? f0 + share : slice;
                for (int64_t f = f0; f < f1; f += 16) __builtin_prefetch(next + f, 0, 2);
            }
            if (rows == MR && cols == NR) {
                micro(kc, ap, bp, o, n, accumulate);
                continue;
            }
            float tile[MR * NR];
            for (int64_t r = 0; r < rows; r++) {
                for (int64_t c = 0; c < cols; c++) tile[r * NR + c] = accumulate ? o[r * n + c] : 0;
            }
            micro(kc, ap, bp, tile, NR, 1);
            for (int64_t r = 0; r < rows; r++) {
                for (int64_t c = 0; c < cols; c++) o[r * n + c] = tile[r * NR + c];
            }
        }
    }
}
