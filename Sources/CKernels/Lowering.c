// im2col and col2im (darknet's im2col.c, one image and one channel group at a time).
#include "CKernels.h"
#include <immintrin.h>
#include <stdlib.h>
#include <string.h>

// Output columns ow whose input column iw = ow·S − P + kw falls inside [0, W): [*lo, *hi).
static inline void valid_range(int W, int P, int S, int kw, int OW, int *lo, int *hi) {
    int l = (P - kw + S - 1) / S;
    if (P - kw <= 0) l = 0;
    int h = (W - 1 + P - kw < 0) ? 0 : (W - 1 + P - kw) / S + 1;
    if (h > OW) h = OW;
    if (l > h) l = h;
    *lo = l; *hi = h;
}

// `chunks` runs of 8 floats. Spelled out for the common counts: clang turns a loop of plain vector moves
// into a memcpy call, which at these sizes costs more than the copy.
static inline void copy_runs(float *to, const float *from, int chunks) {
    switch (chunks) {
    case 4: _mm256_storeu_ps(to + 24, _mm256_loadu_ps(from + 24)); /* fall through */
    case 3: _mm256_storeu_ps(to + 16, _mm256_loadu_ps(from + 16)); /* fall through */
    case 2: _mm256_storeu_ps(to + 8, _mm256_loadu_ps(from + 8)); /* fall through */
    case 1: _mm256_storeu_ps(to, _mm256_loadu_ps(from)); break;
    case 0: break;
    default: memcpy(to, from, sizeof(float) * 8 * (size_t)chunks);
    }
}

// n floats, with vector moves: the rows here are 6 to 31 floats, where a call to memcpy (which the compiler
// makes of a plain copy loop) costs more than the copy.
static inline void copy_floats(float *dst, const float *src, int n) {
    int i = 8 * (n / 8);
    copy_runs(dst, src, n / 8);
    if (i + 4 <= n) { _mm_storeu_ps(dst + i, _mm_loadu_ps(src + i)); i += 4; }
    if (i + 2 <= n) { _mm_storel_pi((__m64 *)(dst + i), _mm_castpd_ps(_mm_load_sd((const double *)(src + i)))); i += 2; }
    if (i < n) dst[i] = src[i];
}

// Stride 1, for `images` images (the first at x, each `imageStride` floats after the last): channel by channel,
// every image's plane is first copied into its own zero-padded plane, so that every row of a window is one
// unbroken run of OW floats, copied 8 at a time; then each (kh, kw) row of the lowered matrix is written from left
// to right, image after image. Writing one long row at a time, instead of one image's short piece of each of C·K·K
// rows, lowered mini's 3×3 layers 1.2–1.5× faster (conv1's single 27×27 channel was faster image by image:
// `ck_im2col_images` sends it here one image at a time). A run may spill up to 7 floats past a row's end into
// what is written after it; the runs that would spill past the segment's end (images·OH·OW floats) are copied
// exactly, so nothing outside the segment is touched (other threads write the neighbouring segments).
// Padded planes up to this many floats live on the stack.
enum { STACK_PLANES_FLOATS = 4096 };

static void im2col_stride1(const float *x, ptrdiff_t imageStride, int images, int channels, int H, int W, int K,
                           int P, int OH, int OW, float *cols, ptrdiff_t ldc) {
    const int PH = H + 2 * P, PW = W + 2 * P;
    const ptrdiff_t padPlane = (ptrdiff_t)PH * PW, positions = (ptrdiff_t)OH * OW;
    // + 8: the last 8-float load of a window row may read past the last padded plane's end.
    float stackPlanes[STACK_PLANES_FLOATS];
    const size_t need = (size_t)images * (size_t)padPlane + 8;
    float *padded = need <= sizeof stackPlanes / sizeof(float) ? stackPlanes : malloc(need * sizeof(float));
    memset(padded, 0, need * sizeof(float));
    const int chunks = (OW + 7) / 8;
    const ptrdiff_t segment = images * positions;
    for (int c = 0; c < channels; c++) {
        for (int i = 0; i < images; i++) {
            const float *plane = x + i * imageStride + (ptrdiff_t)c * H * W;
            float *to = padded + i * padPlane + (ptrdiff_t)P * PW + P;
            for (int h = 0; h < H; h++) copy_floats(to + (ptrdiff_t)h * PW, plane + (ptrdiff_t)h * W, W);
        }
        for (int kh = 0; kh < K; kh++) {
            for (int kw = 0; kw < K; kw++) {
                float *row = cols + ((ptrdiff_t)(c * K + kh) * K + kw) * ldc;
                for (int i = 0; i < images; i++) {
                    const float *src = padded + i * padPlane + (ptrdiff_t)kh * PW + kw;
                    float *out = row + i * positions;
                    // Rows whose runs end inside the segment (a run may spill past several tiny images).
                    const ptrdiff_t room = segment - i * positions - 8 * chunks;
                    const int rows = room < 0 ? 0 : (room / OW + 1 < OH ? (int)(room / OW + 1) : OH);
                    int oh = 0;
                    if (chunks == 1) {
                        for (; oh < rows; oh++) _mm256_storeu_ps(out + (ptrdiff_t)oh * OW, _mm256_loadu_ps(src + (ptrdiff_t)oh * PW));
                    } else {
                        for (; oh < rows; oh++) copy_runs(out + (ptrdiff_t)oh * OW, src + (ptrdiff_t)oh * PW, chunks);
                    }
                    for (; oh < OH; oh++) copy_floats(out + (ptrdiff_t)oh * OW, src + (ptrdiff_t)oh * PW, OW);
                }
            }
        }
    }
    if (padded != stackPlanes) free(padded);
}

void ck_im2col(const float *x, int channels, int H, int W, int K, int S, int P, int OH, int OW,
               float *cols, ptrdiff_t ldc) {
    // Stride 1 with a padded plane that fits on the stack or in a small allocation (not AlexNet's 227×227).
    if (S == 1 && OH == H + 2 * P - K + 1 && OW == W + 2 * P - K + 1 && OH > 0 && (H + 2 * P) * (W + 2 * P) <= (1 << 16)) {
        im2col_stride1(x, 0, 1, channels, H, W, K, P, OH, OW, cols, ldc);
        return;
    }
    for (int c = 0; c < channels; c++) {
        const float *plane = x + (ptrdiff_t)c * H * W;
        for (int kh = 0; kh < K; kh++) {
            // Output rows oh whose input row ih = oh·S − P + kh falls inside [0, H).
            int ohLo, ohHi;
            valid_range(H, P, S, kh, OH, &ohLo, &ohHi);
            for (int kw = 0; kw < K; kw++) {
                float *row = cols + ((ptrdiff_t)(c * K + kh) * K + kw) * ldc;
                int owLo, owHi;
                valid_range(W, P, S, kw, OW, &owLo, &owHi);
                // Rows of the window that fall in the padding are zero as a block.
                memset(row, 0, sizeof(float) * (size_t)ohLo * OW);
                memset(row + (ptrdiff_t)ohHi * OW, 0, sizeof(float) * (size_t)(OH - ohHi) * OW);
                const int n = owHi - owLo;
                for (int oh = ohLo; oh < ohHi; oh++) {
                    float *out = row + (ptrdiff_t)oh * OW;
                    const float *src = plane + (ptrdiff_t)(oh * S - P + kh) * W + (owLo * S - P + kw);
                    for (int ow = 0; ow < owLo; ow++) out[ow] = 0;
                    float *dst = out + owLo;
                    if (S == 1) {
                        for (int i = 0; i < n; i++) dst[i] = src[i];
                    } else {
                        for (int i = 0; i < n; i++) dst[i] = src[(ptrdiff_t)i * S];
                    }
                    for (int ow = owHi; ow < OW; ow++) out[ow] = 0;
                }
            }
        }
    }
}

void ck_im2col_images(const float *x, ptrdiff_t imageStride, int images, int channels, int H, int W, int K, int S,
                      int P, int OH, int OW, float *cols, ptrdiff_t ldc) {
    // Together when every image's padded plane fits on the stack, else one image at a time.
    if (S == 1 && OH == H + 2 * P - K + 1 && OW == W + 2 * P - K + 1 && OH > 0
        && (ptrdiff_t)images * (H + 2 * P) * (W + 2 * P) + 8 <= STACK_PLANES_FLOATS) {
        im2col_stride1(x, imageStride, images, channels, H, W, K, P, OH, OW, cols, ldc);
        return;
    }
    for (int i = 0; i < images; i++)
        ck_im2col(x + i * imageStride, channels, H, W, K, S, P, OH, OW, cols + (ptrdiff_t)i * OH * OW, ldc);
}

void ck_col2im(const float *cols, int channels, int H, int W, int K, int S, int P, int OH, int OW,
               ptrdiff_t ldc, float *dx) {
    for (int c = 0; c < channels; c++) {
        float *plane = dx + (ptrdiff_t)c * H * W;
        for (int kh = 0; kh < K; kh++) {
            int ohLo, ohHi;
            valid_range(H, P, S, kh, OH, &ohLo, &ohHi);
            for (int kw = 0; kw < K; kw++) {
                const float *row = cols + ((ptrdiff_t)(c * K + kh) * K + kw) * ldc;
                int owLo, owHi;
                valid_range(W, P, S, kw, OW, &owLo, &owHi);
                const int n = owHi - owLo;
                for (int oh = ohLo; oh < ohHi; oh++) {
                    const float *from = row + (ptrdiff_t)oh * OW + owLo;
                    float *dst = plane + (ptrdiff_t)(oh * S - P + kh) * W + (owLo * S - P + kw);
                    if (S == 1) {
                        for (int i = 0; i < n; i++) dst[i] += from[i];
                    } else {
                        for (int i = 0; i < n; i++) dst[(ptrdiff_t)i * S] += from[i];
                    }
                }
            }
        }
    }
}
