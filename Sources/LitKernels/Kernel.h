// Shared by the kernel files: the multi-versioning attribute, branch-free math that the
// compiler can vectorise, and the part of a pooling window inside the plane.
#ifndef LIT_KERNEL_INTERNAL_H
#define LIT_KERNEL_INTERNAL_H

#include "LitKernels.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#if defined(__x86_64__) && defined(__linux__)
#define LK_KERNEL __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define LK_KERNEL
#endif

static inline float lk_bits_to_float(int32_t bits) { float f; memcpy(&f, &bits, 4); return f; }
static inline int32_t lk_float_to_bits(float f) { int32_t bits; memcpy(&bits, &f, 4); return bits; }

/// e^x to about 1 ulp (Cephes' polynomial), NaN-preserving, without a library call.
static inline float lk_exp(float x) {
    float c = x < -104.0f ? -104.0f : x;
    c = c > 89.0f ? 89.0f : c;
    float n = __builtin_floorf(c * 1.44269504088896341f + 0.5f);
    float r = c - n * 0.693359375f + n * 2.12194440e-4f;
    float p = 1.9875691500e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    p = p * r * r + r + 1.0f;
    // Two scale factors, so that results near the ends of the range neither overflow
    // nor flush early.
    int32_t k = (int32_t)n;
    int32_t k1 = k / 2, k2 = k - k1;
    float result = p * lk_bits_to_float((k1 + 127) << 23) * lk_bits_to_float((k2 + 127) << 23);
    return x != x ? x : result;
}

/// Natural logarithm (Cephes' polynomial); log of a negative number is NaN, of zero -inf.
static inline float lk_log(float x) {
    // Subnormals are scaled up by 2^23 first, so that one path serves every input.
    int subnormal = x < 1.17549435e-38f;
    int32_t bits = lk_float_to_bits(subnormal ? x * 8388608.0f : x);
    float e = (float)(((bits >> 23) & 0xff) - 126) - (subnormal ? 23.0f : 0.0f);
    float m = lk_bits_to_float((bits & 0x007fffff) | 0x3f000000);  // in [0.5, 1)
    int small = m < 0.707106781186547524f;
    e = small ? e - 1.0f : e;
    m = small ? m + m - 1.0f : m - 1.0f;
    float z = m * m;
    float y = 7.0376836292e-2f;
    y = y * m - 1.1514610310e-1f;
    y = y * m + 1.1676998740e-1f;
    y = y * m - 1.2420140846e-1f;
    y = y * m + 1.4249322787e-1f;
    y = y * m - 1.6668057665e-1f;
    y = y * m + 2.0000714765e-1f;
    y = y * m - 2.4999993993e-1f;
    y = y * m + 3.3333331174e-1f;
    y = y * m * z;
    y += -2.12194440e-4f * e;
    y += -0.5f * z;
    float result = m + y + 0.693359375f * e;
    result = x == INFINITY ? x : result;
    result = x == 0.0f ? -INFINITY : result;
    result = x < 0.0f ? NAN : result;
    return x != x ? x : result;
}

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

static inline float lk_sigmoid(float x) { return 1.0f / (1.0f + lk_exp(-x)); }

/// tanh: a polynomial near zero keeps relative accuracy, the exponential form elsewhere.
static inline float lk_tanh(float x) {
    float a = x < 0 ? -x : x;
    float z = x * x;
    float p = -5.70498872745e-3f;
    p = p * z + 2.06390887954e-2f;
    p = p * z - 5.37397155531e-2f;
    p = p * z + 1.33314422036e-1f;
    p = p * z - 3.33332819422e-1f;
    float near = p * z * x + x;
    float far = 1.0f - 2.0f / (lk_exp(a + a) + 1.0f);
    far = x < 0 ? -far : far;
    return a < 0.625f ? near : far;
}

#endif
