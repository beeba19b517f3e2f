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

#ifndef VARIANT
#error "VARIANT must be defined (0 = baseline, 1 = avx2+fma, 2 = avx512f)"
#endif

#if VARIANT == 2
#define VW 16
#define MR 8
#elif VARIANT == 1
#define VW 8
#define MR 4
#else
#define VW 4
#define MR 4
#endif
#define NR (2 * VW)

#define EXPORT __attribute__((visibility("default")))

typedef float vf __attribute__((vector_size(VW * sizeof(float))));

static inline vf loadu(const float *p) { vf v; memcpy(&v, p, sizeof v); return v; }
static inline void storeu(float *p, vf v) { memcpy(p, &v, sizeof v); }
static inline vf splat(float x) { return (vf){0} + x; }
static inline float hsum(vf v) {
    float s = 0;
    for (int i = 0; i < VW; i++) s += v[i];
    return s;
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

/* Columns per packed panel of the pairwise kernel. */
EXPORT int32_t b4j_panel_width(void) { return NR; }

EXPORT float b4j_dot(const float *a, int64_t ao, const float *b, int64_t bo, int64_t n) {
    a += ao; b += bo;
    vf s0 = {0}, s1 = {0}, s2 = {0}, s3 = {0};
    int64_t i = 0;
    for (; i + 4 * VW <= n; i += 4 * VW) {
        s0 += loadu(a + i) * loadu(b + i);
        s1 += loadu(a + i + VW) * loadu(b + i + VW);
        s2 += loadu(a + i + 2 * VW) * loadu(b + i + 2 * VW);
        s3 += loadu(a + i + 3 * VW) * loadu(b + i + 3 * VW);
    }
    for (; i + VW <= n; i += VW) s0 += loadu(a + i) * loadu(b + i);
    float r = hsum((s0 + s1) + (s2 + s3));
    for (; i < n; i++) r += a[i] * b[i];
    return r;
}

EXPORT float b4j_l2sq(const float *a, int64_t ao, const float *b, int64_t bo, int64_t n) {
    a += ao; b += bo;
    vf s0 = {0}, s1 = {0}, s2 = {0}, s3 = {0};
    int64_t i = 0;
    for (; i + 4 * VW <= n; i += 4 * VW) {
        vf d0 = loadu(a + i) - loadu(b + i);
        vf d1 = loadu(a + i + VW) - loadu(b + i + VW);
        vf d2 = loadu(a + i + 2 * VW) - loadu(b + i + 2 * VW);
        vf d3 = loadu(a + i + 3 * VW) - loadu(b + i + 3 * VW);
        s0 += d0 * d0; s1 += d1 * d1; s2 += d2 * d2; s3 += d3 * d3;
    }
    for (; i + VW <= n; i += VW) { vf d = loadu(a + i) - loadu(b + i); s0 += d * d; }
    float r = hsum((s0 + s1) + (s2 + s3));
    for (; i < n; i++) { float d = a[i] - b[i]; r += d * d; }
    return r;
}

/* out[0] = a.b, out[1] = a.a, out[2] = b.b in one pass. */
EXPORT void b4j_cosine_parts(const float *a, const float *b, int64_t n, float *out) {
    vf ab0 = {0}, ab1 = {0}, aa0 = {0}, aa1 = {0}, bb0 = {0}, bb1 = {0};
    int64_t i = 0;
    for (; i + 2 * VW <= n; i += 2 * VW) {
        vf x0 = loadu(a + i), y0 = loadu(b + i), x1 = loadu(a + i + VW), y1 = loadu(b + i + VW);
        ab0 += x0 * y0; aa0 += x0 * x0; bb0 += y0 * y0;
        ab1 += x1 * y1; aa1 += x1 * x1; bb1 += y1 * y1;
    }
    for (; i + VW <= n; i += VW) {
        vf x = loadu(a + i), y = loadu(b + i);
        ab0 += x * y; aa0 += x * x; bb0 += y * y;
    }
    float ab = hsum(ab0 + ab1), aa = hsum(aa0 + aa1), bb = hsum(bb0 + bb1);
    for (; i < n; i++) { ab += a[i] * b[i]; aa += a[i] * a[i]; bb += b[i] * b[i]; }
    out[0] = ab; out[1] = aa; out[2] = bb;
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
 * Packs panels [p0, p1) of the right matrix b (n rows of d) for the pairwise kernel: panel p holds
 * columns j = p*NR .. p*NR+NR-1 of b^T, k-major (packed[p*d*NR + k*NR + c] = b[j][k] * invB[j]),
 * zero past row n.
 */
EXPORT void b4j_pack(const float *b, const float *invB, int64_t n, int64_t d, int64_t p0, int64_t p1, float *packed) {
    for (int64_t p = p0; p < p1; p++) {
        float *dst = packed + p * d * NR;
        for (int c = 0; c < NR; c++) {
            int64_t j = p * NR + c;
            if (j >= n) {
                for (int64_t k = 0; k < d; k++) dst[k * NR + c] = 0;
                continue;
            }
            const float *src = b + j * d;
            float s = invB[j];
            for (int64_t k = 0; k < d; k++) dst[k * NR + c] = src[k] * s;
        }
    }
}

/* MR rows (row pointers may repeat for a short block) by one panel; stores `rows` rows, `valid` columns. */
static inline void kernel(const float *const arow[MR], int64_t d, const float *panel, const float *inva,
                          int rows, float *out, int64_t ldo, int valid) {
    vf c0[MR], c1[MR];
#pragma GCC unroll 8
    for (int r = 0; r < MR; r++) { c0[r] = (vf){0}; c1[r] = (vf){0}; }
    for (int64_t k = 0; k < d; k++) {
        vf b0 = loadu(panel + k * NR), b1 = loadu(panel + k * NR + VW);
#pragma GCC unroll 8
        for (int r = 0; r < MR; r++) {
            vf x = splat(arow[r][k]);
            c0[r] += b0 * x;
            c1[r] += b1 * x;
        }
    }
    for (int r = 0; r < rows; r++) {
        vf s = splat(inva[r]);
        float *o = out + r * ldo;
        if (valid == NR) {
            storeu(o, c0[r] * s);
            storeu(o + VW, c1[r] * s);
        } else {
            float tmp[NR];
            storeu(tmp, c0[r] * s);
            storeu(tmp + VW, c1[r] * s);
            for (int c = 0; c < valid; c++) o[c] = tmp[c];
        }
    }
}

/*
 * out[i*n + j] = (a_i . packed column j) * invA[i] for rows i in [i0, i1) and panels [p0, p1);
 * a holds rows of d floats, out has n columns.
 */
EXPORT void b4j_pairwise_block(const float *a, const float *invA, int64_t i0, int64_t i1, int64_t d,
                               const float *packed, int64_t p0, int64_t p1, int64_t n, float *out) {
    for (int64_t p = p0; p < p1; p++) {
        int64_t j0 = p * NR;
        int valid = (int) (n - j0 < NR ? n - j0 : NR);
        const float *panel = packed + p * d * NR;
        for (int64_t i = i0; i < i1; i += MR) {
            int rows = (int) (i1 - i < MR ? i1 - i : MR);
            const float *arow[MR];
            for (int r = 0; r < MR; r++) arow[r] = a + (i + (r < rows ? r : 0)) * d;
            kernel(arow, d, panel, invA + i, rows, out + i * n + j0, n, valid);
        }
    }
}
