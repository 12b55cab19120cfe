// The conv layer's epilogue (bias, fused ReLU) and ReLU's backward mask. ReLU keeps NaN as PyTorch does:
// `0 > v ? 0 : v` is false for NaN and compiles to one maxps(0, v), which returns its second operand when either is
// NaN (`v > 0 ? v : 0` made NaN weights look like a confident 0). The backward passes the gradient wherever the
// output is not ≤ 0, as PyTorch's threshold_backward does.
#include "CKernels.h"
#include <immintrin.h>

void ck_rows_bias_relu(const float *src, ptrdiff_t srcStride, float *dst, ptrdiff_t dstStride,
                       const float *bias, int rows, ptrdiff_t count, int relu) {
    for (int r = 0; r < rows; r++) {
        const float *s = src + r * srcStride;
        float *d = dst + r * dstStride;
        const float b = bias ? bias[r] : 0.0f;
        if (relu) {
            for (ptrdiff_t p = 0; p < count; p++) { float v = s[p] + b; d[p] = 0.0f > v ? 0.0f : v; }
        } else {
            for (ptrdiff_t p = 0; p < count; p++) d[p] = s[p] + b;
        }
    }
}

void ck_relu_mask(const float *y, const float *d, float *out, ptrdiff_t count) {
    for (ptrdiff_t i = 0; i < count; i++) out[i] = y[i] <= 0.0f ? 0.0f : d[i];
}

// Eight lanes × four accumulators, combined in a fixed order: the sum of a row is the same on every run and
// thread count, and not a chain of dependent scalar adds (a loop the compiler may not reorder by itself).
void ck_row_sums(const float *m, ptrdiff_t ld, int rows, ptrdiff_t count, float *out) {
    for (int r = 0; r < rows; r++) {
        const float *row = m + r * ld;
        __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
        ptrdiff_t p = 0;
        for (; p + 32 <= count; p += 32) {
            a0 = _mm256_add_ps(a0, _mm256_loadu_ps(row + p));
            a1 = _mm256_add_ps(a1, _mm256_loadu_ps(row + p + 8));
            a2 = _mm256_add_ps(a2, _mm256_loadu_ps(row + p + 16));
            a3 = _mm256_add_ps(a3, _mm256_loadu_ps(row + p + 24));
        }
        for (; p + 8 <= count; p += 8) a0 = _mm256_add_ps(a0, _mm256_loadu_ps(row + p));
        __m256 a = _mm256_add_ps(_mm256_add_ps(a0, a1), _mm256_add_ps(a2, a3));
        float lanes[8];
        _mm256_storeu_ps(lanes, a);
        float sum = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
        for (; p < count; p++) sum += row[p];
        out[r] = sum;
    }
}
