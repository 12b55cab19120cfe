#ifndef CKERNELS_H
#define CKERNELS_H
// The engine's memory-bound inner loops, in C so that they compile to tight vector code: in Swift the same
// loops kept overflow checks and spills in their innermost iterations (bench --layers: im2col, LRN and
// pooling took more time than the GEMMs of the small `mini` network). Shapes follow Layers/: a plane is one
// channel of one image, H×W, row-major. Every function writes only the memory it is given.
#include <stddef.h>
#include <stdint.h>

/// im2col of one image's Cg channels: cols row (c·K + kh)·K + kw, columns [0, OH·OW) of a matrix whose rows
/// are `ldc` floats apart (the caller offsets `cols` to the image's first column).
void ck_im2col(const float *x, int channels, int height, int width, int kernel, int stride, int padding,
               int outHeight, int outWidth, float *cols, ptrdiff_t ldc);

/// ck_im2col of `images` images, the first at x and each `imageStride` floats after the last, into consecutive
/// column blocks of OH·OW (the same matrix as one ck_im2col per image, written row by row).
void ck_im2col_images(const float *x, ptrdiff_t imageStride, int images, int channels, int height, int width,
                      int kernel, int stride, int padding, int outHeight, int outWidth, float *cols, ptrdiff_t ldc);

/// The adjoint of ck_im2col: adds each column entry onto the pixel it was copied from (dx accumulates).
void ck_col2im(const float *cols, int channels, int height, int width, int kernel, int stride, int padding,
               int outHeight, int outWidth, ptrdiff_t ldc, float *dx);

/// dst[r·dstStride + p] = src[r·srcStride + p] + bias[r] for p < count, r < rows (bias may be NULL);
/// with relu, results ≤ 0 become 0 (NaN stays NaN, as in PyTorch).
void ck_rows_bias_relu(const float *src, ptrdiff_t srcStride, float *dst, ptrdiff_t dstStride,
                       const float *bias, int rows, ptrdiff_t count, int relu);

/// out[r] = Σ_p m[r·ld + p] for p < count, summed in a fixed order (vectorised).
void ck_row_sums(const float *m, ptrdiff_t ld, int rows, ptrdiff_t count, float *out);

/// out[i] = y[i] <= 0 ? 0 : d[i] (NaN passes, as in PyTorch) — ReLU's backward through its output, copied and masked in one pass.
void ck_relu_mask(const float *y, const float *d, float *out, ptrdiff_t count);

/// LRN across the C channels of one image (each plane `plane` floats): scale = k + α·Σ x², y = x·scale^(−β).
/// `window` is scratch of `plane` floats.
void ck_lrn_forward(const float *x, int channels, ptrdiff_t plane, int before, int after, float k, float alpha,
                    float beta, float *scale, float *y, float *window);

/// LRN's exact backward for one image; `ratio` is scratch of channels·plane floats, `window` of plane.
void ck_lrn_backward(const float *x, const float *scale, const float *y, const float *dy,
                     int channels, ptrdiff_t plane, int before, int after, float k, float alpha, float beta, float *dx,
                     float *ratio, float *window);

/// Max pooling of one plane; argmax gets the winner's index in the plane (the first of equal values).
void ck_maxpool_forward(const float *x, int height, int width, int kernel, int stride, int padding,
                        int outHeight, int outWidth, float *y, int32_t *argmax);

/// Whether the direct one-channel convolution below takes this shape (stride 1, K ≤ 7, P < K, OW ≤ 32, OH ≤ 64).
int ck_direct1_supported(int height, int width, int kernel, int padding, int outHeight, int outWidth);

/// One image of a one-channel input at stride 1: y (OC planes of OH×OW) = w (OC × K·K) ⋆ x + bias, ReLU'd when
/// `relu` is set. Only shapes ck_direct1_supported accepts.
void ck_direct1_forward(const float *x, int height, int width, int kernel, int padding, int outHeight, int outWidth,
                        const float *weight, const float *bias, int outChannels, int relu, float *y);

/// Adds one image's weight gradient (OC × K·K) and bias gradient (OC) to dw and db; dOut is masked by y > 0
/// when y (the fused ReLU's output) is given, else y is NULL.
void ck_direct1_weight_grad(const float *x, const float *dOut, const float *y, int height, int width, int kernel,
                            int padding, int outHeight, int outWidth, int outChannels, float *dw, float *db);

#endif
