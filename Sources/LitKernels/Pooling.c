#include "LitKernels.h"
#include "Kernel.h"

/// The part of one output cell's window that lies inside the input: rows [i0, i1) and
/// columns [j0, j1) of the kernel, counted from the input position (h0, w0).
typedef struct {
    int h0, w0, i0, i1, j0, j1;
} lk_span;

static inline lk_span lk_window_span(lk_window w, int oh, int ow) {
    lk_span s;
    s.h0 = oh * w.strideHeight - w.padHeight;
    s.w0 = ow * w.strideWidth - w.padWidth;
    s.i0 = s.h0 < 0 ? -s.h0 : 0;
    s.i1 = s.h0 + w.kernelHeight > w.height ? w.height - s.h0 : w.kernelHeight;
    s.j0 = s.w0 < 0 ? -s.w0 : 0;
    s.j1 = s.w0 + w.kernelWidth > w.width ? w.width - s.w0 : w.kernelWidth;
    return s;
}

/// Keeps (v, at) when it beats (best, bestAt): greater, or a NaN over a number. Written
/// without branches, so that a row of windows compiles to vector selects.
#define LK_TAKE_MAX(v, at) do { \
        int take = ((v) > best) | (((v) != (v)) & (best == best)); \
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
            // A NaN, once found, stays: nothing compares greater than it.
            if (at < 0 || v > best || (v != v && best == best)) { best = v; at = position; }
        }
    *out = best;
    *argmax = at;
}

/// The window whose top-left cell is `corner`, inside the plane: its maximum and where.
#define LK_MAX_3X3(corner) do { \
        const int32_t c = (corner); \
        float best = source[c]; \
        int32_t bestAt = c; \
        LK_TAKE_MAX(source[c + 1], c + 1); \
        LK_TAKE_MAX(source[c + 2], c + 2); \
        LK_TAKE_MAX(source[c + width], c + width); \
        LK_TAKE_MAX(source[c + width + 1], c + width + 1); \
        LK_TAKE_MAX(source[c + width + 2], c + width + 2); \
        LK_TAKE_MAX(source[c + 2 * width], c + 2 * width); \
        LK_TAKE_MAX(source[c + 2 * width + 1], c + 2 * width + 1); \
        LK_TAKE_MAX(source[c + 2 * width + 2], c + 2 * width + 2); \
        row[ow] = best; \
        rowAt[ow] = bestAt; \
    } while (0)

/// 3×3 windows (ResNet's and DenseNet's stem, stride 2 and padding 1). In each row of
/// outputs, the windows that lie inside the plane run as one branch-free loop that the
/// compiler vectorises; the border ones take the clipped path. Both scan a window row by
/// row, so ties and NaNs resolve the same way.
static inline __attribute__((always_inline)) void lk_max_pool_3x3(const float *x, size_t planes, lk_window w,
                                                                  float *out, int32_t *argmax) {
    const size_t in = (size_t)w.height * w.width, outPlane = (size_t)w.outHeight * w.outWidth;
    const int sw = w.strideWidth, width = w.width;
    // Outputs [first, last) have their windows inside the plane horizontally.
    int first = 0, last = w.outWidth;
    while (first < last && first * sw - w.padWidth < 0) first++;
    while (last > first && (last - 1) * sw - w.padWidth + 3 > width) last--;
    for (size_t p = 0; p < planes; p++) {
        const float *source = x + p * in;
        for (int oh = 0; oh < w.outHeight; oh++) {
            const int h0 = oh * w.strideHeight - w.padHeight;
            float *row = out + p * outPlane + (size_t)oh * w.outWidth;
            int32_t *rowAt = argmax + p * outPlane + (size_t)oh * w.outWidth;
            if (h0 < 0 || h0 + 3 > w.height) {
                for (int ow = 0; ow < w.outWidth; ow++) lk_max_window(source, w, oh, ow, row + ow, rowAt + ow);
                continue;
            }
            for (int ow = 0; ow < first; ow++) lk_max_window(source, w, oh, ow, row + ow, rowAt + ow);
            const int32_t top = h0 * width - w.padWidth;
            // The stride as a constant: the loads of a vector of windows then have a known
            // interleave, which the compiler vectorises.
            if (sw == 2) {
                for (int ow = first; ow < last; ow++) LK_MAX_3X3(top + 2 * ow);
            } else {
                for (int ow = first; ow < last; ow++) LK_MAX_3X3(top + ow * sw);
            }
            for (int ow = last; ow < w.outWidth; ow++) lk_max_window(source, w, oh, ow, row + ow, rowAt + ow);
        }
    }
}
#undef LK_MAX_3X3

LK_KERNEL
void lk_max_pool_forward(const float *x, size_t planes, lk_window w, float *out, int32_t *argmax) {
    const size_t in = (size_t)w.height * w.width, outPlane = (size_t)w.outHeight * w.outWidth;
    if (w.kernelHeight == 2 && w.kernelWidth == 2 && w.strideHeight == 2 && w.strideWidth == 2 && w.padHeight == 0 &&
        w.padWidth == 0) {
        lk_max_pool_2x2(x, planes, w, out, argmax);
        return;
    }
    if (w.kernelHeight == 3 && w.kernelWidth == 3) {
        lk_max_pool_3x3(x, planes, w, out, argmax);
        return;
    }
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

/// Whether the window is DenseNet's transition pooling: 2×2, stride 2, unpadded.
static inline int lk_is_2x2_stride_2(lk_window w) {
    return w.kernelHeight == 2 && w.kernelWidth == 2 && w.strideHeight == 2 && w.strideWidth == 2 && w.padHeight == 0 &&
           w.padWidth == 0;
}

/// The 2×2 case in one pass over each pair of rows, adding in the generic path's order
/// (from 0, row by row), so that the sums keep their bits.
static inline void lk_avg_pool_2x2(const float *x, size_t planes, lk_window w, float *out) {
    const size_t in = (size_t)w.height * w.width, outPlane = (size_t)w.outHeight * w.outWidth;
    for (size_t p = 0; p < planes; p++) {
        const float *source = x + p * in;
        for (int oh = 0; oh < w.outHeight; oh++) {
            const float *top = source + 2 * oh * w.width, *bottom = top + w.width;
            float *row = out + p * outPlane + (size_t)oh * w.outWidth;
            for (int ow = 0; ow < w.outWidth; ow++) {
                float sum = 0.0f + top[2 * ow];
                sum += top[2 * ow + 1];
                sum += bottom[2 * ow];
                sum += bottom[2 * ow + 1];
                row[ow] = sum * 0.25f;
            }
        }
    }
}

LK_KERNEL
void lk_avg_pool_forward(const float *x, size_t planes, lk_window w, float *out) {
    const size_t in = (size_t)w.height * w.width, outPlane = (size_t)w.outHeight * w.outWidth;
    if (lk_is_2x2_stride_2(w)) {
        lk_avg_pool_2x2(x, planes, w, out);
        return;
    }
    // Padded cells count in the divisor, as PyTorch's count_include_pad.
    const float scale = 1.0f / (float)(w.kernelHeight * w.kernelWidth);
    for (size_t p = 0; p < planes; p++) {
        const float *source = x + p * in;
        for (int oh = 0; oh < w.outHeight; oh++)
            for (int ow = 0; ow < w.outWidth; ow++) {
                lk_span s = lk_window_span(w, oh, ow);
                float sum = 0;
                for (int i = s.i0; i < s.i1; i++)
                    for (int j = s.j0; j < s.j1; j++) sum += source[(s.h0 + i) * w.width + s.w0 + j];
                out[p * outPlane + (size_t)oh * w.outWidth + ow] = sum * scale;
            }
    }
}

LK_KERNEL
void lk_avg_pool_backward(const float *gy, size_t planes, lk_window w, float *gx) {
    const size_t in = (size_t)w.height * w.width, outPlane = (size_t)w.outHeight * w.outWidth;
    const float scale = 1.0f / (float)(w.kernelHeight * w.kernelWidth);
    if (lk_is_2x2_stride_2(w)) {
        // Windows do not overlap: each input cell gets its one share, added to the zero
        // it starts from as the generic path adds it.
        for (size_t p = 0; p < planes; p++)
            for (int oh = 0; oh < w.outHeight; oh++) {
                float *top = gx + p * in + (size_t)2 * oh * w.width, *bottom = top + w.width;
                const float *row = gy + p * outPlane + (size_t)oh * w.outWidth;
                for (int ow = 0; ow < w.outWidth; ow++) {
                    const float g = row[ow] * scale;
                    top[2 * ow] += g;
                    top[2 * ow + 1] += g;
                    bottom[2 * ow] += g;
                    bottom[2 * ow + 1] += g;
                }
            }
        return;
    }
    for (size_t p = 0; p < planes; p++) {
        float *target = gx + p * in;
        for (int oh = 0; oh < w.outHeight; oh++)
            for (int ow = 0; ow < w.outWidth; ow++) {
                lk_span s = lk_window_span(w, oh, ow);
                float g = gy[p * outPlane + (size_t)oh * w.outWidth + ow] * scale;
                for (int i = s.i0; i < s.i1; i++)
                    for (int j = s.j0; j < s.j1; j++) target[(s.h0 + i) * w.width + s.w0 + j] += g;
            }
    }
}
