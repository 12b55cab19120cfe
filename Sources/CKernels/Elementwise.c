// The conv layer's epilogue (bias, fused ReLU) and ReLU's backward mask.
#include "CKernels.h"

void ck_rows_bias_relu(const float *src, ptrdiff_t srcStride, float *dst, ptrdiff_t dstStride,
                       const float *bias, int rows, ptrdiff_t count, int relu) {
    for (int r = 0; r < rows; r++) {
        const float *s = src + r * srcStride;
        float *d = dst + r * dstStride;
        const float b = bias ? bias[r] : 0.0f;
        if (relu) {
            for (ptrdiff_t p = 0; p < count; p++) { float v = s[p] + b; d[p] = v > 0.0f ? v : 0.0f; }
        } else {
            for (ptrdiff_t p = 0; p < count; p++) d[p] = s[p] + b;
        }
    }
}

void ck_relu_mask(const float *y, float *d, ptrdiff_t count) {
    for (ptrdiff_t i = 0; i < count; i++) d[i] = y[i] > 0.0f ? d[i] : 0.0f;
}
