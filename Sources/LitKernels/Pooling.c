#include "LitKernels.h"
#include "Kernel.h"

LK_KERNEL
void lk_max_pool_forward(const float *x, size_t planes, lk_window w, float *out, int32_t *argmax) {
    const size_t in = (size_t)w.height * w.width, outPlane = (size_t)w.outHeight * w.outWidth;
    for (size_t p = 0; p < planes; p++) {
        const float *source = x + p * in;
        for (int oh = 0; oh < w.outHeight; oh++)
            for (int ow = 0; ow < w.outWidth; ow++) {
                int h0 = oh * w.strideHeight - w.padHeight, w0 = ow * w.strideWidth - w.padWidth;
                float best = -INFINITY;
                int32_t at = -1;
                for (int i = 0; i < w.kernelHeight; i++) {
                    int ih = h0 + i;
                    if (ih < 0 || ih >= w.height) continue;
                    for (int j = 0; j < w.kernelWidth; j++) {
                        int iw = w0 + j;
                        if (iw < 0 || iw >= w.width) continue;
                        float v = source[ih * w.width + iw];
                        if (at < 0 || v > best || (v != v && best == best)) { best = v; at = ih * w.width + iw; }
                    }
                }
                size_t o = p * outPlane + (size_t)oh * w.outWidth + ow;
                out[o] = best;
                argmax[o] = at;
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
    for (size_t p = 0; p < planes; p++) {
        const float *source = x + p * in;
        for (int oh = 0; oh < w.outHeight; oh++)
            for (int ow = 0; ow < w.outWidth; ow++) {
                int h0 = oh * w.strideHeight - w.padHeight, w0 = ow * w.strideWidth - w.padWidth;
                float sum = 0;
                for (int i = 0; i < w.kernelHeight; i++) {
                    int ih = h0 + i;
                    if (ih < 0 || ih >= w.height) continue;
                    for (int j = 0; j < w.kernelWidth; j++) {
                        int iw = w0 + j;
                        if (iw >= 0 && iw < w.width) sum += source[ih * w.width + iw];
                    }
                }
                out[p * outPlane + (size_t)oh * w.outWidth + ow] = sum * scale;
            }
    }
}

LK_KERNEL
void lk_avg_pool_backward(const float *gy, size_t planes, lk_window w, float *gx) {
    const size_t in = (size_t)w.height * w.width, outPlane = (size_t)w.outHeight * w.outWidth;
    const float scale = 1.0f / (float)(w.kernelHeight * w.kernelWidth);
    for (size_t p = 0; p < planes; p++) {
        float *target = gx + p * in;
        for (int oh = 0; oh < w.outHeight; oh++)
            for (int ow = 0; ow < w.outWidth; ow++) {
                float g = gy[p * outPlane + (size_t)oh * w.outWidth + ow] * scale;
                int h0 = oh * w.strideHeight - w.padHeight, w0 = ow * w.strideWidth - w.padWidth;
                for (int i = 0; i < w.kernelHeight; i++) {
                    int ih = h0 + i;
                    if (ih < 0 || ih >= w.height) continue;
                    for (int j = 0; j < w.kernelWidth; j++) {
                        int iw = w0 + j;
                        if (iw >= 0 && iw < w.width) target[ih * w.width + iw] += g;
                    }
                }
            }
    }
}
