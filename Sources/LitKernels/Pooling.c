#include "LitKernels.h"
#include "Kernel.h"

/// The output columns whose whole window lies inside the input: [*lo, *hi).
static inline void lk_interior_columns(lk_window w, int *lo, int *hi) {
    *lo = (w.padWidth + w.strideWidth - 1) / w.strideWidth;
    *hi = (w.width + w.padWidth - w.kernelWidth) / w.strideWidth + 1;
    if (*hi > w.outWidth) *hi = w.outWidth;
    if (*hi < *lo) *hi = *lo;
}

/// The maximum of one window and where it is; rows [i0, i1) of the window are inside
/// the input, and columns are checked only when `checked`.
static inline void lk_window_max(const float *source, lk_window w, int h0, int w0, int i0, int i1, int checked,
                                 float *best, int32_t *at) {
    float top = -INFINITY;
    int32_t where = -1;
    for (int i = i0; i < i1; i++) {
        const float *line = source + (h0 + i) * w.width;
        for (int j = 0; j < w.kernelWidth; j++) {
            int iw = w0 + j;
            if (checked && (iw < 0 || iw >= w.width)) continue;
            float v = line[iw];
            if (where < 0 || v > top || (v != v && top == top)) { top = v; where = (h0 + i) * w.width + iw; }
        }
    }
    *best = top;
    *at = where;
}

LK_KERNEL
void lk_max_pool_forward(const float *x, size_t planes, lk_window w, float *out, int32_t *argmax) {
    const size_t in = (size_t)w.height * w.width, outPlane = (size_t)w.outHeight * w.outWidth;
    int lo, hi;
    lk_interior_columns(w, &lo, &hi);
    for (size_t p = 0; p < planes; p++) {
        const float *source = x + p * in;
        for (int oh = 0; oh < w.outHeight; oh++) {
            int h0 = oh * w.strideHeight - w.padHeight;
            int i0 = h0 < 0 ? -h0 : 0, i1 = h0 + w.kernelHeight > w.height ? w.height - h0 : w.kernelHeight;
            float *row = out + p * outPlane + (size_t)oh * w.outWidth;
            int32_t *rowAt = argmax + p * outPlane + (size_t)oh * w.outWidth;
            for (int ow = 0; ow < w.outWidth; ow++) {
                int checked = ow < lo || ow >= hi;
                lk_window_max(source, w, h0, ow * w.strideWidth - w.padWidth, i0, i1, checked, row + ow, rowAt + ow);
            }
        }
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

LK_KERNEL
void lk_avg_pool_forward(const float *x, size_t planes, lk_window w, float *out) {
    const size_t in = (size_t)w.height * w.width, outPlane = (size_t)w.outHeight * w.outWidth;
    const float scale = 1.0f / (float)(w.kernelHeight * w.kernelWidth);
    int lo, hi;
    lk_interior_columns(w, &lo, &hi);
    for (size_t p = 0; p < planes; p++) {
        const float *source = x + p * in;
        for (int oh = 0; oh < w.outHeight; oh++) {
            int h0 = oh * w.strideHeight - w.padHeight;
            int i0 = h0 < 0 ? -h0 : 0, i1 = h0 + w.kernelHeight > w.height ? w.height - h0 : w.kernelHeight;
            float *row = out + p * outPlane + (size_t)oh * w.outWidth;
            for (int ow = 0; ow < w.outWidth; ow++) {
                int w0 = ow * w.strideWidth - w.padWidth, checked = ow < lo || ow >= hi;
                float sum = 0;
                for (int i = i0; i < i1; i++) {
                    const float *line = source + (h0 + i) * w.width;
                    for (int j = 0; j < w.kernelWidth; j++) {
                        int iw = w0 + j;
                        if (!checked || (iw >= 0 && iw < w.width)) sum += line[iw];
                    }
                }
                // Padded cells count in the divisor, as PyTorch's count_include_pad.
                row[ow] = sum * scale;
            }
        }
    }
}

LK_KERNEL
void lk_avg_pool_backward(const float *gy, size_t planes, lk_window w, float *gx) {
    const size_t in = (size_t)w.height * w.width, outPlane = (size_t)w.outHeight * w.outWidth;
    const float scale = 1.0f / (float)(w.kernelHeight * w.kernelWidth);
    int lo, hi;
    lk_interior_columns(w, &lo, &hi);
    for (size_t p = 0; p < planes; p++) {
        float *target = gx + p * in;
        for (int oh = 0; oh < w.outHeight; oh++) {
            int h0 = oh * w.strideHeight - w.padHeight;
            int i0 = h0 < 0 ? -h0 : 0, i1 = h0 + w.kernelHeight > w.height ? w.height - h0 : w.kernelHeight;
            const float *row = gy + p * outPlane + (size_t)oh * w.outWidth;
            for (int ow = 0; ow < w.outWidth; ow++) {
                int w0 = ow * w.strideWidth - w.padWidth, checked = ow < lo || ow >= hi;
                float g = row[ow] * scale;
                for (int i = i0; i < i1; i++) {
                    float *line = target + (h0 + i) * w.width;
                    for (int j = 0; j < w.kernelWidth; j++) {
                        int iw = w0 + j;
                        if (!checked || (iw >= 0 && iw < w.width)) line[iw] += g;
                    }
                }
            }
        }
    }
}
