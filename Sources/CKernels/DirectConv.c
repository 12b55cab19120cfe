// Convolution of a one-channel input at stride 1, computed directly (the first layer of the Fashion-MNIST
// networks: mini's conv1 is 32 filters of 5×5 on 27×27). Lowered, its GEMM has K = K·K = 25, too short for
// the GEMM to run well, and the weight gradient's GEMM has 25 output columns; here each output row is a few
// vectors of 8 positions accumulated in registers, and the lowering disappears.
#include "CKernels.h"
#include <immintrin.h>
#include <string.h>

enum { MAX_VECTORS = 4, MAX_KERNEL = 7, MAX_ROWS = 64 + MAX_KERNEL - 1, PAD_WIDTH = 8 * MAX_VECTORS + MAX_KERNEL - 1 };

int ck_direct1_supported(int H, int W, int K, int P, int OH, int OW) {
    return K >= 1 && K <= MAX_KERNEL && P >= 0 && P < K && OW >= 1 && OW <= 8 * MAX_VECTORS && OH >= 1 && OH <= 64
        && OH == H + 2 * P - K + 1 && OW == W + 2 * P - K + 1;
}

// The plane zero-padded by P, in rows of PAD_WIDTH floats: every 8-float load of the kernels below stays inside.
static void pad_plane(const float *x, int H, int W, int P, float *pad) {
    memset(pad, 0, sizeof(float) * (size_t)(H + 2 * P) * PAD_WIDTH);
    for (int h = 0; h < H; h++) memcpy(pad + (ptrdiff_t)(h + P) * PAD_WIDTH + P, x + (ptrdiff_t)h * W, sizeof(float) * (size_t)W);
}

// Calls SHAPE(k, v) with K and V as constants for the common shapes (so the accumulators stay in registers and
// the loops unroll), else with the runtime values.
#define WITH_CONSTANT_SHAPE(SHAPE, K, V)                 \
    do {                                                 \
        if ((K) == 5 && (V) == 4) SHAPE(5, 4);           \
        else if ((K) == 3 && (V) == 4) SHAPE(3, 4);      \
        else if ((K) == 5 && (V) == 3) SHAPE(5, 3);      \
        else if ((K) == 3 && (V) == 3) SHAPE(3, 3);      \
        else SHAPE(K, V);                                \
    } while (0)

static inline __m256i live_lanes(int n) {
    return _mm256_cmpgt_epi32(_mm256_set1_epi32(n), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}

// Two output channels' row i: Σ over taps in (kh, kw) order, then the bias (and ReLU), as the GEMM route sums
// the lowered rows and then adds the bias. K and V are constants where inlined.
static inline __attribute__((always_inline)) void forward_row(const float *pad, int i, const float *w0, const float *w1,
                                                              float b0, float b1, int K, int V, int OW, int relu,
                                                              float *y0, float *y1) {
    __m256 a0[MAX_VECTORS], a1[MAX_VECTORS];
    for (int v = 0; v < V; v++) { a0[v] = _mm256_setzero_ps(); a1[v] = _mm256_setzero_ps(); }
    for (int kh = 0; kh < K; kh++) {
        const float *row = pad + (ptrdiff_t)(i + kh) * PAD_WIDTH;
        for (int kw = 0; kw < K; kw++) {
            const __m256 c0 = _mm256_set1_ps(w0[kh * K + kw]), c1 = _mm256_set1_ps(w1[kh * K + kw]);
            for (int v = 0; v < V; v++) {
                const __m256 xv = _mm256_loadu_ps(row + kw + 8 * v);
                a0[v] = _mm256_fmadd_ps(c0, xv, a0[v]);
                a1[v] = _mm256_fmadd_ps(c1, xv, a1[v]);
            }
        }
    }
    const __m256 zero = _mm256_setzero_ps(), vb0 = _mm256_set1_ps(b0), vb1 = _mm256_set1_ps(b1);
    for (int v = 0; v < V; v++) {
        __m256 r0 = _mm256_add_ps(a0[v], vb0), r1 = _mm256_add_ps(a1[v], vb1);
        // ReLU as Elementwise.c's: max_ps returns its second operand when either is NaN, so (zero, r) keeps NaN.
        if (relu) { r0 = _mm256_max_ps(zero, r0); r1 = _mm256_max_ps(zero, r1); }
        const int n = OW - 8 * v;
        if (n >= 8) {
            _mm256_storeu_ps(y0 + 8 * v, r0);
            _mm256_storeu_ps(y1 + 8 * v, r1);
        } else {
            _mm256_maskstore_ps(y0 + 8 * v, live_lanes(n), r0);
            _mm256_maskstore_ps(y1 + 8 * v, live_lanes(n), r1);
        }
    }
}

static inline __attribute__((always_inline)) void forward_image(const float *pad, const float *w, const float *bias, int OC,
                                                                int K, int V, int OH, int OW, int relu, float *y) {
    const ptrdiff_t plane = (ptrdiff_t)OH * OW;
    const int kk = K * K;
    for (int o = 0; o < OC; o += 2) {
        // An odd last channel is computed twice into the same row (the pair's second is itself).
        const int o1 = o + 1 < OC ? o + 1 : o;
        for (int i = 0; i < OH; i++)
            forward_row(pad, i, w + o * kk, w + o1 * kk, bias[o], bias[o1], K, V, OW, relu,
                        y + o * plane + (ptrdiff_t)i * OW, y + o1 * plane + (ptrdiff_t)i * OW);
    }
}

void ck_direct1_forward(const float *x, int H, int W, int K, int P, int OH, int OW, const float *w, const float *bias,
                        int OC, int relu, float *y) {
    float pad[MAX_ROWS * PAD_WIDTH];
    pad_plane(x, H, W, P, pad);
    const int V = (OW + 7) / 8;
#define FORWARD(k, v) forward_image(pad, w, bias, OC, k, v, OH, OW, relu, y)
    WITH_CONSTANT_SHAPE(FORWARD, K, V);
#undef FORWARD
}

// Horizontal sum of eight lanes in a fixed order.
static inline float lanes_sum(__m256 a) {
    float l[8];
    _mm256_storeu_ps(l, a);
    return ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]));
}

// One output channel's dOut row i, vector v: masked to the row's OW positions and, through a fused ReLU, to !(y ≤ 0) (NaN passes).
static inline __attribute__((always_inline)) __m256 grad_vector(const float *d, const float *y, int v, int OW) {
    const int n = OW - 8 * v;
    __m256 g, keep = _mm256_setzero_ps();
    if (n >= 8) {
        g = _mm256_loadu_ps(d + 8 * v);
        if (y) keep = _mm256_loadu_ps(y + 8 * v);
    } else {
        g = _mm256_maskload_ps(d + 8 * v, live_lanes(n));
        if (y) keep = _mm256_maskload_ps(y + 8 * v, live_lanes(n));
    }
    return y ? _mm256_and_ps(g, _mm256_cmp_ps(keep, _mm256_setzero_ps(), _CMP_NLE_UQ)) : g;
}

// R (1 or 2, a constant where inlined) rows of the kernel from kh0 at once: R·K accumulators, enough independent
// chains to hide the FMA latency and few enough for the 16 vector registers, each dOut vector loaded once for
// all of them. With `sum`, also the bias gradient.
static inline __attribute__((always_inline)) void weight_grad_rows(const float *pad, const float *d, const float *yo, int K,
                                                                   int V, int OH, int OW, int kh0, int R, float *dw,
                                                                   __m256 *sum) {
    __m256 acc[2][MAX_KERNEL];
    for (int a = 0; a < R; a++)
        for (int kw = 0; kw < K; kw++) acc[a][kw] = _mm256_setzero_ps();
    for (int i = 0; i < OH; i++) {
        for (int v = 0; v < V; v++) {
            const __m256 g = grad_vector(d + (ptrdiff_t)i * OW, yo ? yo + (ptrdiff_t)i * OW : NULL, v, OW);
            if (sum) *sum = _mm256_add_ps(*sum, g);
            for (int a = 0; a < R; a++) {
                const float *row = pad + (ptrdiff_t)(i + kh0 + a) * PAD_WIDTH + 8 * v;
                for (int kw = 0; kw < K; kw++) acc[a][kw] = _mm256_fmadd_ps(g, _mm256_loadu_ps(row + kw), acc[a][kw]);
            }
        }
    }
    for (int a = 0; a < R; a++)
        for (int kw = 0; kw < K; kw++) dw[(kh0 + a) * K + kw] += lanes_sum(acc[a][kw]);
}

static inline __attribute__((always_inline)) void weight_grad_image(const float *pad, const float *dOut, const float *y, int OC,
                                                                    int K, int V, int OH, int OW, float *dw, float *db) {
    const ptrdiff_t plane = (ptrdiff_t)OH * OW;
    for (int o = 0; o < OC; o++) {
        const float *d = dOut + o * plane, *yo = y ? y + o * plane : NULL;
        __m256 sum = _mm256_setzero_ps();
        int kh0 = 0;
        for (; kh0 + 2 <= K; kh0 += 2) weight_grad_rows(pad, d, yo, K, V, OH, OW, kh0, 2, dw + o * K * K, kh0 == 0 ? &sum : NULL);
        if (kh0 < K) weight_grad_rows(pad, d, yo, K, V, OH, OW, kh0, 1, dw + o * K * K, kh0 == 0 ? &sum : NULL);
        db[o] += lanes_sum(sum);
    }
}

void ck_direct1_weight_grad(const float *x, const float *dOut, const float *y, int H, int W, int K, int P, int OH, int OW,
                            int OC, float *dw, float *db) {
    float pad[MAX_ROWS * PAD_WIDTH];
    pad_plane(x, H, W, P, pad);
    const int V = (OW + 7) / 8;
#define WEIGHT_GRAD(k, v) weight_grad_image(pad, dOut, y, OC, k, v, OH, OW, dw, db)
    WITH_CONSTANT_SHAPE(WEIGHT_GRAD, K, V);
#undef WEIGHT_GRAD
}
