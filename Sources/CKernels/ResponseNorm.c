// Local response normalisation across channels (Layers/LocalResponseNorm.swift has the formulas).
#include "CKernels.h"
#include <immintrin.h>
#include <math.h>
#include <string.h>

// s^(−β) for any β (the scalar route, and the reference for the fast one below).
static inline float lrn_factor(float s, float beta) {
    if (beta == 0.75f) { float r = sqrtf(s); return 1.0f / (r * sqrtf(r)); }
    return powf(s, -beta);
}

// One Newton step on the hardware's 12-bit reciprocal square root: a ≈ v^(−1/2) to within a few ulp.
static inline __m256 rsqrt_refined(__m256 v) {
    const __m256 a = _mm256_rsqrt_ps(v);
    const __m256 halfV = _mm256_mul_ps(_mm256_set1_ps(0.5f), v);
    return _mm256_mul_ps(a, _mm256_fnmadd_ps(_mm256_mul_ps(halfV, a), a, _mm256_set1_ps(1.5f)));
}

// s^(−3/4) = a² · a^(−1/2) with a = s^(−1/2): two refined reciprocal square roots and three multiplies for
// eight lanes, where two square roots and a division took several times as long (relative error within
// 1e-6 of lrn_factor; s ≥ k > 0 wherever it is used).
static inline __m256 factor_075(__m256 s) {
    const __m256 a = rsqrt_refined(s);
    return _mm256_mul_ps(_mm256_mul_ps(a, a), rsqrt_refined(a));
}

// factor_075 of n ≤ 8 values, through a full vector: a plane's last positions get the same arithmetic as the rest.
static inline void factor_075_tail(const float *s, float *out, ptrdiff_t n) {
    float in[8] = {1, 1, 1, 1, 1, 1, 1, 1}, res[8];
    memcpy(in, s, sizeof(float) * (size_t)n);
    _mm256_storeu_ps(res, factor_075(_mm256_loadu_ps(in)));
    memcpy(out, res, sizeof(float) * (size_t)n);
}

// The window before channel 0: zeroed, then the first `count` planes added in (squared for the forward's sums of
// x², as they are for the backward's sums of ratios).
static void start_window(const float *planes, int C, ptrdiff_t plane, int count, int squared, float *window) {
    memset(window, 0, sizeof(float) * (size_t)plane);
    for (int c = 0; c < C && c < count; c++) {
        const float *pc = planes + c * plane;
        if (squared) { for (ptrdiff_t p = 0; p < plane; p++) window[p] += pc[p] * pc[p]; }
        else { for (ptrdiff_t p = 0; p < plane; p++) window[p] += pc[p]; }
    }
}

// The paper's β = 3/4 with k > 0: per channel, one pass over the plane moves the window (the channel entering,
// the one leaving), writes s and y — instead of four passes, each reloading what the last one stored.
static void lrn_forward_075(const float *x, int C, ptrdiff_t plane, int before, int after, float k, float alpha,
                            float *scale, float *y, float *window) {
    start_window(x, C, plane, after, 1, window);
    const __m256 vk = _mm256_set1_ps(k), va = _mm256_set1_ps(alpha), zero = _mm256_setzero_ps();
    for (int c = 0; c < C; c++) {
        const int enter = c + after, leave = c - before - 1;
        const float *xe = enter < C ? x + enter * plane : NULL, *xl = leave >= 0 ? x + leave * plane : NULL;
        const float *xc = x + c * plane;
        float *sc = scale + c * plane, *yc = y + c * plane;
        ptrdiff_t p = 0;
        for (; p + 8 <= plane; p += 8) {
            __m256 w = _mm256_loadu_ps(window + p);
            if (xe) { const __m256 v = _mm256_loadu_ps(xe + p); w = _mm256_fmadd_ps(v, v, w); }
            if (xl) { const __m256 v = _mm256_loadu_ps(xl + p); w = _mm256_fnmadd_ps(v, v, w); }
            _mm256_storeu_ps(window + p, w);
            // The running sum can dip a hair below zero by cancellation: clamp it.
            const __m256 s = _mm256_fmadd_ps(va, _mm256_max_ps(w, zero), vk);
            _mm256_storeu_ps(sc + p, s);
            _mm256_storeu_ps(yc + p, _mm256_mul_ps(_mm256_loadu_ps(xc + p), factor_075(s)));
        }
        if (p < plane) {
            for (ptrdiff_t q = p; q < plane; q++) {
                float w = window[q];
                if (xe) w = fmaf(xe[q], xe[q], w);
                if (xl) w = fmaf(-xl[q], xl[q], w);
                window[q] = w;
                sc[q] = fmaf(alpha, w > 0.0f ? w : 0.0f, k);
            }
            float f[8];
            factor_075_tail(sc + p, f, plane - p);
            for (ptrdiff_t i = 0; p + i < plane; i++) yc[p + i] = xc[p + i] * f[i];
        }
    }
}

// Backward for β = 3/4, k > 0: one pass per channel moves the window of ratios and writes dx.
static void lrn_backward_075(const float *x, const float *scale, const float *dy, int C, ptrdiff_t plane,
                             int before, int after, float twoAlphaBeta, float *dx, const float *ratio, float *window) {
    start_window(ratio, C, plane, before, 0, window);
    const __m256 tab = _mm256_set1_ps(twoAlphaBeta);
    for (int c = 0; c < C; c++) {
        const int enter = c + before, leave = c - after - 1;
        const float *re = enter < C ? ratio + enter * plane : NULL, *rl = leave >= 0 ? ratio + leave * plane : NULL;
        const ptrdiff_t off = c * plane;
        float *dxc = dx + off;
        const float *dc = dy + off, *sc = scale + off, *xc = x + off;
        ptrdiff_t p = 0;
        for (; p + 8 <= plane; p += 8) {
            __m256 w = _mm256_loadu_ps(window + p);
            if (re) w = _mm256_add_ps(w, _mm256_loadu_ps(re + p));
            if (rl) w = _mm256_sub_ps(w, _mm256_loadu_ps(rl + p));
            _mm256_storeu_ps(window + p, w);
            // s^(−β) again rather than kept: recomputing it costs less than writing and reading it back.
            const __m256 f = factor_075(_mm256_loadu_ps(sc + p));
            const __m256 cross = _mm256_mul_ps(_mm256_mul_ps(tab, _mm256_loadu_ps(xc + p)), w);
            _mm256_storeu_ps(dxc + p, _mm256_sub_ps(_mm256_mul_ps(_mm256_loadu_ps(dc + p), f), cross));
        }
        if (p < plane) {
            for (ptrdiff_t q = p; q < plane; q++) {
                float w = window[q];
                if (re) w += re[q];
                if (rl) w -= rl[q];
                window[q] = w;
            }
            float f[8];
            factor_075_tail(sc + p, f, plane - p);
            for (ptrdiff_t i = 0; p + i < plane; i++)
                dxc[p + i] = dc[p + i] * f[i] - twoAlphaBeta * xc[p + i] * window[p + i];
        }
    }
}

void ck_lrn_forward(const float *x, int C, ptrdiff_t plane, int before, int after, float k, float alpha,
                    float beta, float *scale, float *y, float *window) {
    if (beta == 0.75f && k > 0.0f) {
        lrn_forward_075(x, C, plane, before, after, k, alpha, scale, y, window);
        return;
    }
    start_window(x, C, plane, after, 1, window);
    for (int c = 0; c < C; c++) {
        const int enter = c + after, leave = c - before - 1;
        if (enter < C) { const float *xe = x + enter * plane; for (ptrdiff_t p = 0; p < plane; p++) window[p] += xe[p] * xe[p]; }
        if (leave >= 0) { const float *xl = x + leave * plane; for (ptrdiff_t p = 0; p < plane; p++) window[p] -= xl[p] * xl[p]; }
        const ptrdiff_t off = c * plane;
        float *sc = scale + off, *yc = y + off;
        const float *xc = x + off;
        // The running sum can dip a hair below zero by cancellation: clamp it.
        for (ptrdiff_t p = 0; p < plane; p++) {
            float w = window[p] > 0.0f ? window[p] : 0.0f, s = k + alpha * w;
            sc[p] = s; yc[p] = xc[p] * lrn_factor(s, beta);
        }
    }
}

void ck_lrn_backward(const float *x, const float *scale, const float *y, const float *dy,
                     int C, ptrdiff_t plane, int before, int after, float k, float alpha, float beta, float *dx,
                     float *ratio, float *window) {
    const ptrdiff_t total = C * plane;
    for (ptrdiff_t i = 0; i < total; i++) ratio[i] = dy[i] * y[i] / scale[i];
    if (beta == 0.75f && k > 0.0f) {
        lrn_backward_075(x, scale, dy, C, plane, before, after, 2 * alpha * beta, dx, ratio, window);
        return;
    }
    start_window(ratio, C, plane, before, 0, window);
    const float twoAlphaBeta = 2 * alpha * beta;
    for (int c = 0; c < C; c++) {
        const int enter = c + before, leave = c - after - 1;
        if (enter < C) { const float *re = ratio + enter * plane; for (ptrdiff_t p = 0; p < plane; p++) window[p] += re[p]; }
        if (leave >= 0) { const float *rl = ratio + leave * plane; for (ptrdiff_t p = 0; p < plane; p++) window[p] -= rl[p]; }
        const ptrdiff_t off = c * plane;
        float *dxc = dx + off;
        const float *dc = dy + off, *sc = scale + off, *xc = x + off;
        for (ptrdiff_t p = 0; p < plane; p++) dxc[p] = dc[p] * lrn_factor(sc[p], beta) - twoAlphaBeta * xc[p] * window[p];
    }
}
