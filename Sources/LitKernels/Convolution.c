#include "LitKernels.h"
#include "Kernel.h"

/// The output columns [*lo, *hi) whose input column ow*stride + offset lies inside [0, size).
static inline void lk_valid_range(int count, int stride, int offset, int size, int *lo, int *hi) {
    int first = offset >= 0 ? 0 : (-offset + stride - 1) / stride;
    int last = size - 1 - offset < 0 ? -1 : (size - 1 - offset) / stride;
    *lo = first < count ? first : count;
    *hi = last + 1 < count ? last + 1 : count;
    if (*hi < *lo) *hi = *lo;
}

LK_KERNEL
void lk_im2col(const float *image, lk_window w, float *col, size_t ld) {
    const int plane = w.height * w.width;
    for (int c = 0; c < w.channels; c++)
        for (int i = 0; i < w.kernelHeight; i++)
            for (int j = 0; j < w.kernelWidth; j++) {
                float *row = col + (size_t)((c * w.kernelHeight + i) * w.kernelWidth + j) * ld;
                const float *source = image + (size_t)c * plane;
                int lo, hi;
                lk_valid_range(w.outWidth, w.strideWidth, j - w.padWidth, w.width, &lo, &hi);
                for (int oh = 0; oh < w.outHeight; oh++) {
                    float *out = row + (size_t)oh * w.outWidth;
                    int ih = oh * w.strideHeight - w.padHeight + i;
                    if (ih < 0 || ih >= w.height) {
                        memset(out, 0, sizeof(float) * (size_t)w.outWidth);
                        continue;
                    }
                    const float *line = source + (size_t)ih * w.width + (j - w.padWidth);
                    for (int ow = 0; ow < lo; ow++) out[ow] = 0;
                    if (w.strideWidth == 1) memcpy(out + lo, line + lo, sizeof(float) * (size_t)(hi - lo));
                    else for (int ow = lo; ow < hi; ow++) out[ow] = line[ow * w.strideWidth];
                    for (int ow = hi; ow < w.outWidth; ow++) out[ow] = 0;
                }
            }
}

LK_KERNEL
void lk_col2im(const float *col, size_t ld, lk_window w, float *image) {
    const int plane = w.height * w.width;
    for (int c = 0; c < w.channels; c++)
        for (int i = 0; i < w.kernelHeight; i++)
            for (int j = 0; j < w.kernelWidth; j++) {
                const float *row = col + (size_t)((c * w.kernelHeight + i) * w.kernelWidth + j) * ld;
                float *target = image + (size_t)c * plane;
                int lo, hi;
                lk_valid_range(w.outWidth, w.strideWidth, j - w.padWidth, w.width, &lo, &hi);
                for (int oh = 0; oh < w.outHeight; oh++) {
                    int ih = oh * w.strideHeight - w.padHeight + i;
                    if (ih < 0 || ih >= w.height) continue;
                    const float *in = row + (size_t)oh * w.outWidth;
                    float *line = target + (size_t)ih * w.width + (j - w.padWidth);
                    if (w.strideWidth == 1) for (int ow = lo; ow < hi; ow++) line[ow] += in[ow];
                    else for (int ow = lo; ow < hi; ow++) line[ow * w.strideWidth] += in[ow];
                }
            }
}
