// Average pooling, forward and backward.
#include "LitKernels.h"
#include "Kernel.h"

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
