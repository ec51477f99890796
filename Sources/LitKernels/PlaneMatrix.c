// A convolution over a tiny plane as one matrix: row (o, q) of the plane matrix holds
// what output channel o at output position q reads, for every input channel c and input
// position p, column (c, p). On ResNet's 2×2 and 1×1 planes most kernel taps only ever
// meet padding, and this matrix leaves them out, so the three passes become plain GEMMs
// on NCHW buffers with no layout changes.
#include "LitKernels.h"
#include "Kernel.h"

#include <stdint.h>
#include <stdlib.h>

// Both loops run over the channels innermost, one link at a time: strided but simple
// enough to vectorise, where a loop over a channel's few links was not.

LK_KERNEL
void lk_plane_matrix(const float *weight, lk_window w, const int32_t *pairs, const int32_t *start, int first, int last,
                     float *matrix) {
    const int taps = w.kernelHeight * w.kernelWidth, plane = w.height * w.width, outPlane = w.outHeight * w.outWidth;
    const size_t row = (size_t)w.channels * plane;
    for (int o = first; o < last; o++) {
        const float *kernels = weight + (size_t)o * w.channels * taps;
        for (int q = 0; q < outPlane; q++) {
            float *out = matrix + ((size_t)o * outPlane + q) * row;
            if (start[q + 1] - start[q] < plane) memset(out, 0, sizeof(float) * row);
            for (int k = start[q]; k < start[q + 1]; k++) {
                const float *in = kernels + pairs[2 * k + 1];
                float *to = out + pairs[2 * k];
                for (int c = 0; c < w.channels; c++) to[(size_t)c * plane] = in[(size_t)c * taps];
            }
        }
    }
}

/// Copies n floats to `to` with stores that bypass the cache where it is aligned: the
/// weight gradient is read next by the optimizer, after the rest of the backward pass.
static inline void stream_out(float *to, const float *from, size_t n) {
    typedef float lk_v16 __attribute__((vector_size(64)));
    size_t i = 0;
    for (; i < n && ((uintptr_t)(to + i) & 63); i++) to[i] = from[i];
    for (; i + 16 <= n; i += 16) {
        lk_v16 v;
        memcpy(&v, from + i, sizeof v);
        __builtin_nontemporal_store(v, (lk_v16 *)(to + i));
    }
    for (; i < n; i++) to[i] = from[i];
}

LK_KERNEL
void lk_plane_matrix_gradient(const float *matrix, lk_window w, const int32_t *pairs, const int32_t *start, int first,
                              int last, float *weight) {
    const int taps = w.kernelHeight * w.kernelWidth, plane = w.height * w.width, outPlane = w.outHeight * w.outWidth;
    const size_t row = (size_t)w.channels * plane, block = (size_t)w.channels * taps;
    float *kernels = malloc(sizeof(float) * block);
    if (!kernels) abort();
    for (int o = first; o < last; o++) {
        memset(kernels, 0, sizeof(float) * block);
        // Output positions outermost, and at most one link per tap and position: every
        // tap sums its terms in the same order on every machine.
        for (int q = 0; q < outPlane; q++) {
            const float *in = matrix + ((size_t)o * outPlane + q) * row;
            for (int k = start[q]; k < start[q + 1]; k++) {
                const float *from = in + pairs[2 * k];
                float *to = kernels + pairs[2 * k + 1];
                for (int c = 0; c < w.channels; c++) to[(size_t)c * taps] += from[(size_t)c * plane];
            }
        }
        stream_out(weight + (size_t)o * block, kernels, block);
    }
    __builtin_ia32_sfence();
    free(kernels);
}
