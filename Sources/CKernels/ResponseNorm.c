// Local response normalisation across channels (Layers/LocalResponseNorm.swift has the formulas).
#include "CKernels.h"
#include <math.h>
#include <string.h>

// s^(−β), with two square roots for the paper's β = 3/4 (vectorises; powf does not).
static inline float lrn_factor(float s, float beta) {
    if (beta == 0.75f) { float r = sqrtf(s); return 1.0f / (r * sqrtf(r)); }
    return powf(s, -beta);
}

void ck_lrn_forward(const float *x, int C, ptrdiff_t plane, int before, int after, float k, float alpha,
                    float beta, float *scale, float *y, float *window) {
    memset(window, 0, sizeof(float) * (size_t)plane);
    for (int c = 0; c < C && c < after; c++) {
        const float *xc = x + c * plane;
        for (ptrdiff_t p = 0; p < plane; p++) window[p] += xc[p] * xc[p];
    }
    for (int c = 0; c < C; c++) {
        const int enter = c + after, leave = c - before - 1;
        if (enter < C) { const float *xe = x + enter * plane; for (ptrdiff_t p = 0; p < plane; p++) window[p] += xe[p] * xe[p]; }
        if (leave >= 0) { const float *xl = x + leave * plane; for (ptrdiff_t p = 0; p < plane; p++) window[p] -= xl[p] * xl[p]; }
        const ptrdiff_t off = c * plane;
        float *sc = scale + off, *yc = y + off;
        const float *xc = x + off;
        // The running sum can dip a hair below zero by cancellation: clamp it.
        if (beta == 0.75f) {
            for (ptrdiff_t p = 0; p < plane; p++) {
                float w = window[p] > 0.0f ? window[p] : 0.0f, s = k + alpha * w;
                sc[p] = s; yc[p] = xc[p] * lrn_factor(s, 0.75f);
            }
        } else {
            for (ptrdiff_t p = 0; p < plane; p++) {
                float w = window[p] > 0.0f ? window[p] : 0.0f, s = k + alpha * w;
                sc[p] = s; yc[p] = xc[p] * lrn_factor(s, beta);
            }
        }
    }
}

void ck_lrn_backward(const float *x, const float *scale, const float *y, const float *dy,
                     int C, ptrdiff_t plane, int before, int after, float alpha, float beta, float *dx,
                     float *ratio, float *window) {
    const ptrdiff_t total = C * plane;
    for (ptrdiff_t i = 0; i < total; i++) ratio[i] = dy[i] * y[i] / scale[i];
    memset(window, 0, sizeof(float) * (size_t)plane);
    for (int c = 0; c < C && c < before; c++) {
        const float *rc = ratio + c * plane;
        for (ptrdiff_t p = 0; p < plane; p++) window[p] += rc[p];
    }
    const float twoAlphaBeta = 2 * alpha * beta;
    for (int c = 0; c < C; c++) {
        const int enter = c + before, leave = c - after - 1;
        if (enter < C) { const float *re = ratio + enter * plane; for (ptrdiff_t p = 0; p < plane; p++) window[p] += re[p]; }
        if (leave >= 0) { const float *rl = ratio + leave * plane; for (ptrdiff_t p = 0; p < plane; p++) window[p] -= rl[p]; }
        const ptrdiff_t off = c * plane;
        float *dxc = dx + off;
        const float *dc = dy + off, *sc = scale + off, *xc = x + off;
        // s^(−β) again rather than kept: recomputing it costs less than writing and reading it back.
        if (beta == 0.75f) {
            for (ptrdiff_t p = 0; p < plane; p++) dxc[p] = dc[p] * lrn_factor(sc[p], 0.75f) - twoAlphaBeta * xc[p] * window[p];
        } else {
            for (ptrdiff_t p = 0; p < plane; p++) dxc[p] = dc[p] * lrn_factor(sc[p], beta) - twoAlphaBeta * xc[p] * window[p];
        }
    }
}
