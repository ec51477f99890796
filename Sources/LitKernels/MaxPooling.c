// Max pooling, forward and backward, with the window's argmax kept for the backward pass.
#include "LitKernels.h"
#include "Kernel.h"

#include <stdlib.h>

/// Whether v beats the best so far: greater, or a NaN over a number. Every path below
/// scans a window row by row with this one rule, so ties go to the first value and a NaN,
/// once found, stays. Without branches, so that rows of windows compile to vector selects.
static inline int lk_beats(float v, float best) { return (v > best) | ((v != v) & (best == best)); }

/// Keeps (v, at) when it beats (best, bestAt).
#define LK_TAKE_MAX(v, at) do { \
        int take = lk_beats((v), best); \
        best = take ? (v) : best; \
        bestAt = take ? (at) : bestAt; \
    } while (0)

/// The common 2×2, stride-2, unpadded case (LeNet, ResNet's downsampling), in one pass.
static inline void lk_max_pool_2x2(const float *x, size_t planes, lk_window w, float *out, int32_t *argmax) {
    const size_t in = (size_t)w.height * w.width, outPlane = (size_t)w.outHeight * w.outWidth;
    for (size_t p = 0; p < planes; p++) {
        const float *source = x + p * in;
        for (int oh = 0; oh < w.outHeight; oh++) {
            const int top = 2 * oh * w.width, bottom = top + w.width;
            float *row = out + p * outPlane + (size_t)oh * w.outWidth;
            int32_t *rowAt = argmax + p * outPlane + (size_t)oh * w.outWidth;
            for (int ow = 0; ow < w.outWidth; ow++) {
                const int left = 2 * ow;
                float best = source[top + left];
                int32_t bestAt = top + left;
                LK_TAKE_MAX(source[top + left + 1], top + left + 1);
                LK_TAKE_MAX(source[bottom + left], bottom + left);
                LK_TAKE_MAX(source[bottom + left + 1], bottom + left + 1);
                row[ow] = best;
                rowAt[ow] = bestAt;
            }
        }
    }
}

/// One output of any window, clipped to the plane.
static inline __attribute__((always_inline)) void lk_max_window(const float *source, lk_window w, int oh, int ow, float *out, int32_t *argmax) {
    lk_span s = lk_window_span(w, oh, ow);
    float best = -INFINITY;
    int32_t at = -1;
    for (int i = s.i0; i < s.i1; i++)
        for (int j = s.j0; j < s.j1; j++) {
            int32_t position = (s.h0 + i) * w.width + s.w0 + j;
            float v = source[position];
            if (at < 0 || lk_beats(v, best)) { best = v; at = position; }
        }
    *out = best;
    *argmax = at;
}

/// Output column ow's maximum over one input row, clipped to the row: the value and its
/// column, or -inf and -1 when the window misses the row entirely.
static inline void lk_max_row_clipped(const float *row, int width, int kernel, int stride, int pad, int ow, float *best,
                                      int32_t *at) {
    int w0 = ow * stride - pad, j0 = w0 < 0 ? 0 : w0, j1 = w0 + kernel > width ? width : w0 + kernel;
    float b = -INFINITY;
    int32_t a = -1;
    for (int j = j0; j < j1; j++)
        if (a < 0 || lk_beats(row[j], b)) { b = row[j]; a = j; }
    *best = b;
    *at = a;
}

/// The maxima of one input row over each output column's window: best[ow] and the column
/// it sits in, at[ow]. The stride and window width come in as constants where the caller
/// knows them, so that the windows inside the row compile to vector selects.
static inline __attribute__((always_inline)) void lk_max_row(const float *row, int width, int kernel, int stride,
                                                             int pad, int outWidth, float *best, int32_t *at) {
    int first = 0, last = outWidth;   // outputs whose windows lie inside the row
    while (first < last && first * stride - pad < 0) first++;
    while (last > first && (last - 1) * stride - pad + kernel > width) last--;
    for (int ow = 0; ow < first; ow++) lk_max_row_clipped(row, width, kernel, stride, pad, ow, best + ow, at + ow);
    for (int ow = first; ow < last; ow++) {
        const int32_t c = ow * stride - pad;
        float b = row[c];
        int32_t a = c;
        for (int j = 1; j < kernel; j++) {
            const int take = lk_beats(row[c + j], b);
            b = take ? row[c + j] : b;
            a = take ? c + j : a;
        }
        best[ow] = b;
        at[ow] = a;
    }
    for (int ow = last; ow < outWidth; ow++) lk_max_row_clipped(row, width, kernel, stride, pad, ow, best + ow, at + ow);
}

/// Any window, in two passes per plane: each input row's maxima over the output columns'
/// windows, then, for each output, the maximum of those over the window's rows, top to
/// bottom. Together they scan a window row by row as lk_max_window does, so ties and
/// NaNs resolve the same way; with stride smaller than the window, each row's work is
/// shared by the outputs above and below. Returns nonzero when its scratch is not there.
static inline __attribute__((always_inline)) int lk_max_pool_by_rows(const float *x, size_t planes, lk_window w, float *out, int32_t *argmax) {
    const size_t in = (size_t)w.height * w.width, outPlane = (size_t)w.outHeight * w.outWidth;
    const size_t rows = (size_t)w.height * w.outWidth;
    float *best = malloc(rows * (sizeof(float) + sizeof(int32_t)));
    if (!best) return 1;
    int32_t *at = (int32_t *)(best + rows);
    for (size_t p = 0; p < planes; p++) {
        const float *source = x + p * in;
        for (int ih = 0; ih < w.height; ih++) {
            const float *row = source + (size_t)ih * w.width;
            float *b = best + (size_t)ih * w.outWidth;
            int32_t *a = at + (size_t)ih * w.outWidth;
            if (w.kernelWidth == 3 && w.strideWidth == 2) lk_max_row(row, w.width, 3, 2, w.padWidth, w.outWidth, b, a);
            else if (w.kernelWidth == 3 && w.strideWidth == 1) lk_max_row(row, w.width, 3, 1, w.padWidth, w.outWidth, b, a);
            else lk_max_row(row, w.width, w.kernelWidth, w.strideWidth, w.padWidth, w.outWidth, b, a);
        }
        for (int oh = 0; oh < w.outHeight; oh++) {
            int h0 = oh * w.strideHeight - w.padHeight;
            int i0 = h0 < 0 ? 0 : h0, i1 = h0 + w.kernelHeight > w.height ? w.height : h0 + w.kernelHeight;
            float *row = out + p * outPlane + (size_t)oh * w.outWidth;
            int32_t *rowAt = argmax + p * outPlane + (size_t)oh * w.outWidth;
            if (i0 >= i1) {   // a window wholly in the padding
                for (int ow = 0; ow < w.outWidth; ow++) row[ow] = -INFINITY, rowAt[ow] = -1;
                continue;
            }
            const float *top = best + (size_t)i0 * w.outWidth;
            const int32_t *topAt = at + (size_t)i0 * w.outWidth;
            for (int ow = 0; ow < w.outWidth; ow++) {
                row[ow] = top[ow];
                rowAt[ow] = topAt[ow] < 0 ? -1 : i0 * w.width + topAt[ow];
            }
            for (int i = i0 + 1; i < i1; i++) {
                const float *b = best + (size_t)i * w.outWidth;
                const int32_t *a = at + (size_t)i * w.outWidth;
                for (int ow = 0; ow < w.outWidth; ow++) {
                    const float v = b[ow], current = row[ow];
                    const int take = (a[ow] >= 0) & ((rowAt[ow] < 0) | lk_beats(v, current));
                    row[ow] = take ? v : current;
                    rowAt[ow] = take ? i * w.width + a[ow] : rowAt[ow];
                }
            }
        }
    }
    free(best);
    return 0;
}

enum { LK_LANES = 16 };

/// Small planes, 16 at a time: the planes are interleaved so that each input position
/// holds one vector of 16 values, and every window, border ones included, is a few vector
/// selects over the same positions for all 16. Scans each window row by row as
/// lk_max_window does. Returns how many planes it pooled (a multiple of 16, possibly 0).
static inline __attribute__((always_inline)) size_t lk_max_pool_lanes(const float *x, size_t planes, lk_window w,
                                                                      float *out, int32_t *argmax) {
    const size_t in = (size_t)w.height * w.width, outPlane = (size_t)w.outHeight * w.outWidth;
    // Measured: side by side wins up to 16 × 16 planes (ResNet's 14 × 14 by 3×), rows win from 28 × 28.
    if (planes < LK_LANES || in > 256) return 0;
    float *lanes = malloc(sizeof(float) * LK_LANES * (in + outPlane) + sizeof(int32_t) * LK_LANES * outPlane);
    if (!lanes) return 0;
    float *best = lanes + LK_LANES * in;
    int32_t *at = (int32_t *)(best + LK_LANES * outPlane);
    size_t p = 0;
    for (; p + LK_LANES <= planes; p += LK_LANES) {
        for (int lane = 0; lane < LK_LANES; lane++)
            for (size_t i = 0; i < in; i++) lanes[i * LK_LANES + lane] = x[(p + lane) * in + i];
        for (int oh = 0; oh < w.outHeight; oh++)
            for (int ow = 0; ow < w.outWidth; ow++) {
                lk_span s = lk_window_span(w, oh, ow);
                float *b = best + ((size_t)oh * w.outWidth + ow) * LK_LANES;
                int32_t *a = at + ((size_t)oh * w.outWidth + ow) * LK_LANES;
                for (int lane = 0; lane < LK_LANES; lane++) b[lane] = -INFINITY, a[lane] = -1;
                for (int i = s.i0; i < s.i1; i++)
                    for (int j = s.j0; j < s.j1; j++) {
                        const int32_t position = (s.h0 + i) * w.width + s.w0 + j;
                        const float *v = lanes + (size_t)position * LK_LANES;
                        for (int lane = 0; lane < LK_LANES; lane++) {
                            const int take = (a[lane] < 0) | lk_beats(v[lane], b[lane]);
                            b[lane] = take ? v[lane] : b[lane];
                            a[lane] = take ? position : a[lane];
                        }
                    }
            }
        for (int lane = 0; lane < LK_LANES; lane++)
            for (size_t o = 0; o < outPlane; o++) {
                out[(p + lane) * outPlane + o] = best[o * LK_LANES + lane];
                argmax[(p + lane) * outPlane + o] = at[o * LK_LANES + lane];
            }
    }
    free(lanes);
    return p;
}

LK_KERNEL
void lk_max_pool_forward(const float *x, size_t planes, lk_window w, float *out, int32_t *argmax) {
    const size_t in = (size_t)w.height * w.width, outPlane = (size_t)w.outHeight * w.outWidth;
    if (w.kernelHeight == 2 && w.kernelWidth == 2 && w.strideHeight == 2 && w.strideWidth == 2 && w.padHeight == 0 &&
        w.padWidth == 0) {
        lk_max_pool_2x2(x, planes, w, out, argmax);
        return;
    }
    // Small planes 16 at a time, what is left (or larger planes) a row at a time.
    size_t done = lk_max_pool_lanes(x, planes, w, out, argmax);
    x += done * in, out += done * outPlane, argmax += done * outPlane, planes -= done;
    if (!lk_max_pool_by_rows(x, planes, w, out, argmax)) return;
    for (size_t p = 0; p < planes; p++)
        for (int oh = 0; oh < w.outHeight; oh++)
            for (int ow = 0; ow < w.outWidth; ow++) {
                size_t o = p * outPlane + (size_t)oh * w.outWidth + ow;
                lk_max_window(x + p * in, w, oh, ow, out + o, argmax + o);
            }
}

LK_KERNEL
void lk_max_pool_backward(const float *gy, const int32_t *argmax, size_t planes, lk_window w, float *gx) {
    const size_t in = (size_t)w.height * w.width, outPlane = (size_t)w.outHeight * w.outWidth;
    for (size_t p = 0; p < planes; p++)
        for (size_t o = 0; o < outPlane; o++) {
            int32_t at = argmax[p * outPlane + o];
            if (at >= 0) gx[p * in + (size_t)at] += gy[p * outPlane + o];
        }
}
