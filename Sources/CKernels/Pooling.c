// Max pooling of one plane (Layers/MaxPool.swift).
#include "CKernels.h"
#include <immintrin.h>
#include <math.h>

// One window, clipped to the plane; the first of equal maxima wins (strict >, row by row), NaN never wins.
static inline void pool_window(const float *x, int H, int W, int K, int S, int P, int oh, int ow,
                               float *best_out, int32_t *at_out) {
    int h0 = oh * S - P, h1 = oh * S - P + K;
    if (h0 < 0) h0 = 0;
    if (h1 > H) h1 = H;
    int w0 = ow * S - P, w1 = ow * S - P + K;
    if (w0 < 0) w0 = 0;
    if (w1 > W) w1 = W;
    float best = -INFINITY;
    int at = h0 * W + w0;
    for (int h = h0; h < h1; h++) {
        const float *row = x + (ptrdiff_t)h * W;
        for (int w = w0; w < w1; w++) {
            // Selects, not a branch: which tap wins is data, and mispredictions cost more than the compares.
            const float v = row[w];
            const int better = v > best;
            at = better ? h * W + w : at;
            best = better ? v : best;
        }
    }
    *best_out = best;
    *at_out = at;
}

// The paper's 3×3 windows at stride 2, eight windows of one row of input at a time: 17 consecutive inputs
// loaded (masked for a last, shorter block) and split into the taps kw = 0, 1, 2 of the eight windows, instead
// of gathered. `count` ≤ 8 windows from output column ow; `row` is the input row.
static inline void taps3s2(const float *row, int start, int count, __m256 *t0, __m256 *t1, __m256 *t2) {
    const int n = 2 * count + 1;  // inputs the windows read: start … start + 2·count
    const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    __m256 lo, hi;
    float last = 0;
    if (count == 8) {
        lo = _mm256_loadu_ps(row + start);
        hi = _mm256_loadu_ps(row + start + 8);
        last = row[start + 16];
    } else {
        lo = _mm256_maskload_ps(row + start, _mm256_cmpgt_epi32(_mm256_set1_epi32(n), lane));
        hi = _mm256_maskload_ps(row + start + 8, _mm256_cmpgt_epi32(_mm256_set1_epi32(n - 8), lane));
    }
    // even = inputs 0, 2, …, 14; odd = 1, 3, …, 15; next = 2, 4, …, 16.
    const __m256 even = _mm256_castpd_ps(_mm256_permute4x64_pd(_mm256_castps_pd(_mm256_shuffle_ps(lo, hi, 0x88)), 0xD8));
    const __m256 odd = _mm256_castpd_ps(_mm256_permute4x64_pd(_mm256_castps_pd(_mm256_shuffle_ps(lo, hi, 0xDD)), 0xD8));
    const __m256 shifted = _mm256_permutevar8x32_ps(even, _mm256_setr_epi32(1, 2, 3, 4, 5, 6, 7, 7));
    *t0 = even; *t1 = odd;
    *t2 = _mm256_blend_ps(shifted, _mm256_set1_ps(last), 0x80);
}

// Eight windows' maxima and their argmax indices, or the first `count` of them (the lanes in `live`).
static inline void store_block(float *y, int32_t *argmax, int count, __m256i live, __m256 best, __m256i at) {
    if (count == 8) {
        _mm256_storeu_ps(y, best);
        _mm256_storeu_si256((__m256i *)argmax, at);
    } else {
        _mm256_maskstore_ps(y, live, best);
        _mm256_maskstore_epi32((int *)argmax, live, at);
    }
}

void ck_maxpool_forward(const float *x, int H, int W, int K, int S, int P, int OH, int OW,
                        float *y, int32_t *argmax) {
    // Output columns whose windows lie wholly inside the plane: ow·S − P ≥ 0 and ow·S − P + K ≤ W.
    int owLo = (P + S - 1) / S, owHi = W + P - K < 0 ? 0 : (W + P - K) / S + 1;
    if (owHi > OW) owHi = OW;
    if (owLo > owHi) owLo = owHi;
    const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    for (int oh = 0; oh < OH; oh++) {
        const int h0 = oh * S - P;
        int ow = 0;
        if (h0 >= 0 && h0 + K <= H) {
            for (; ow < owLo; ow++) pool_window(x, H, W, K, S, P, oh, ow, y + oh * OW + ow, argmax + oh * OW + ow);
            // Eight windows at a time (the last block masked), each tap gathered across them; the same
            // compare-and-select order as pool_window, so winners (and ties) are the same.
            for (; ow < owHi; ow += 8) {
                const int count = owHi - ow < 8 ? owHi - ow : 8;
                const __m256i live = _mm256_cmpgt_epi32(_mm256_set1_epi32(count), lane);
                if (K == 3 && S == 2) {
                    const int start = ow * 2 - P;
                    const __m256i first = _mm256_add_epi32(_mm256_add_epi32(lane, lane), _mm256_set1_epi32(start));
                    __m256 best = _mm256_set1_ps(-INFINITY);
                    __m256i at = _mm256_add_epi32(first, _mm256_set1_epi32(h0 * W));
                    for (int kh = 0; kh < 3; kh++) {
                        __m256 t[3];
                        taps3s2(x + (ptrdiff_t)(h0 + kh) * W, start, count, &t[0], &t[1], &t[2]);
                        const __m256i rowFirst = _mm256_add_epi32(first, _mm256_set1_epi32((h0 + kh) * W));
                        for (int kw = 0; kw < 3; kw++) {
                            const __m256 better = _mm256_cmp_ps(t[kw], best, _CMP_GT_OQ);
                            const __m256i idx = _mm256_add_epi32(rowFirst, _mm256_set1_epi32(kw));
                            best = _mm256_blendv_ps(best, t[kw], better);
                            at = _mm256_castps_si256(_mm256_blendv_ps(_mm256_castsi256_ps(at), _mm256_castsi256_ps(idx), better));
                        }
                    }
                    store_block(y + oh * OW + ow, argmax + oh * OW + ow, count, live, best, at);
                    continue;
                }
                const __m256i start = _mm256_sub_epi32(
                    _mm256_mullo_epi32(_mm256_add_epi32(_mm256_set1_epi32(ow), lane), _mm256_set1_epi32(S)),
                    _mm256_set1_epi32(P));
                __m256 best = _mm256_set1_ps(-INFINITY);
                __m256i at = _mm256_add_epi32(start, _mm256_set1_epi32(h0 * W));
                for (int kh = 0; kh < K; kh++) {
                    const __m256i rowStart = _mm256_add_epi32(start, _mm256_set1_epi32((h0 + kh) * W));
                    for (int kw = 0; kw < K; kw++) {
                        const __m256i idx = _mm256_add_epi32(rowStart, _mm256_set1_epi32(kw));
                        // Dead lanes load nothing (their windows would lie past the plane).
                        const __m256 v = _mm256_mask_i32gather_ps(_mm256_set1_ps(-INFINITY), x, idx, _mm256_castsi256_ps(live), 4);
                        const __m256 better = _mm256_cmp_ps(v, best, _CMP_GT_OQ);
                        best = _mm256_blendv_ps(best, v, better);
                        at = _mm256_castps_si256(_mm256_blendv_ps(_mm256_castsi256_ps(at), _mm256_castsi256_ps(idx), better));
                    }
                }
                store_block(y + oh * OW + ow, argmax + oh * OW + ow, count, live, best, at);
            }
            ow = owHi;
        }
        for (; ow < OW; ow++) pool_window(x, H, W, K, S, P, oh, ow, y + oh * OW + ow, argmax + oh * OW + ow);
    }
}
