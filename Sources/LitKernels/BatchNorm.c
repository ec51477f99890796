// Batch normalisation, forward and backward, for one range of channels per call.
//
// The statistics take two passes: the mean, then the squared deviations from it. Wide
// planes (H×W of at least LK_WIDE_PLANE values) are walked channel by channel, summing in
// float lanes over runs whose totals add in double; the first pass sums x minus the
// channel's first value, so that its rounding scales with the spread of the values rather
// than with their size. Narrow planes, and the [N, C] case where a plane is one value,
// would leave those lanes half empty: there a block of channels is walked image by image,
// every (channel, position) pair summing into a double of its own, folded per channel at
// the end. Either way the order of the additions is written out and contraction into FMA
// is off, so every machine and every thread count gives the same bits.
//
// The mean is kept as two floats, high + low. Every pass subtracts only high, which is
// exact for values near the mean, and low enters through per-channel constants computed
// in double: the output keeps the digits that one float mean would lose when |mean| is
// much larger than the spread, at no cost per value.
#include "LitKernels.h"
#include "Kernel.h"

#pragma STDC FP_CONTRACT OFF

typedef float lk_v8 __attribute__((vector_size(32)));
typedef int32_t lk_i8 __attribute__((vector_size(32)));

// Helpers are inlined into the kernels, so that each instruction-set clone carries its own
// vectorised copy rather than calling one baseline version.
#define LK_INLINE static inline __attribute__((always_inline))

enum {
    LK_WIDE_PLANE = 32,
    /// Values per float run before its total goes into a double.
    LK_LANE_RUN = 1024,
    /// (channel, position) pairs per block of the narrow path.
    LK_NARROW_BLOCK = 512,
};

// Vectors travel by pointer, so that none crosses a call boundary between clones.
LK_INLINE void load8(lk_v8 *v, const float *x) { memcpy(v, x, sizeof *v); }
LK_INLINE float fold8(const lk_v8 *v) {
    return (((*v)[0] + (*v)[4]) + ((*v)[2] + (*v)[6])) + (((*v)[1] + (*v)[5]) + ((*v)[3] + (*v)[7]));
}

/// What channel_sums adds up, with d = x - center: d; d²; or g and g · d, where for
/// LK_MASKED_GRADIENT_SUMS g counts only where ReLU's output z is positive.
typedef enum { LK_SUM, LK_SQUARES, LK_GRADIENT_SUMS, LK_MASKED_GRADIENT_SUMS } lk_channel_sum;

/// g where z > 0, else +0, as ReLU's backward pass writes it (a NaN z gives 0).
LK_INLINE float relu_masked(float g, float z) { return z > 0.0f ? g : 0.0f; }

LK_INLINE void relu_mask8(lk_v8 *g, const float *z) {
    lk_v8 v;
    load8(&v, z);
    lk_i8 positive = v > (lk_v8){0};
    *g = (lk_v8)((lk_i8)*g & positive);
}

/// Sums over the planes of channel c in float lanes that carry on from plane to plane and
/// empty into double every LK_LANE_RUN values or so, so that short planes cost little more
/// than their values. The totals go to totals[0] and, for gradient sums, totals[1].
LK_INLINE void channel_sums(lk_channel_sum kind, const lk_batch_norm *p, const float *x, const float *z, const float *g,
                            size_t c, float center, double totals[2]) {
    size_t n = p->spatial, stride = p->channels * n, pending = 0;
    // Four independent chains per sum keep the adders busy despite their latency.
    lk_v8 a[4] = {{0}, {0}, {0}, {0}}, b[4] = {{0}, {0}, {0}, {0}}, u, v;
    float ta = 0, tb = 0;   // the values past the last whole vector of each run
    totals[0] = totals[1] = 0;
    for (size_t r = 0; r < p->batch; r++) {
        const float *xs = x + r * stride + c * n, *gs = g ? g + r * stride + c * n : NULL;
        const float *zs = z ? z + r * stride + c * n : NULL;
        for (size_t i = 0; i < n;) {
            size_t end = n - i < LK_LANE_RUN ? n : i + LK_LANE_RUN;
            pending += end - i;
            for (; i + 32 <= end; i += 32)
                for (int k = 0; k < 4; k++) {
                    load8(&v, xs + i + 8 * k);
                    v -= center;
                    if (kind == LK_SUM) { a[k] += v; continue; }
                    if (kind == LK_SQUARES) { a[k] += v * v; continue; }
                    load8(&u, gs + i + 8 * k);
                    if (kind == LK_MASKED_GRADIENT_SUMS) relu_mask8(&u, zs + i + 8 * k);
                    a[k] += u;
                    b[k] += u * v;
                }
            for (; i + 8 <= end; i += 8) {
                load8(&v, xs + i);
                v -= center;
                if (kind == LK_SUM) { a[0] += v; continue; }
                if (kind == LK_SQUARES) { a[0] += v * v; continue; }
                load8(&u, gs + i);
                if (kind == LK_MASKED_GRADIENT_SUMS) relu_mask8(&u, zs + i);
                a[0] += u;
                b[0] += u * v;
            }
            for (; i < end; i++) {
                float d = xs[i] - center;
                if (kind == LK_SUM) { ta += d; continue; }
                if (kind == LK_SQUARES) { ta += d * d; continue; }
                float gi = kind == LK_MASKED_GRADIENT_SUMS ? relu_masked(gs[i], zs[i]) : gs[i];
                ta += gi;
                tb += gi * d;
            }
            if (pending >= LK_LANE_RUN || (r + 1 == p->batch && i == n)) {
                lk_v8 sa = (a[0] + a[1]) + (a[2] + a[3]), sb = (b[0] + b[1]) + (b[2] + b[3]);
                totals[0] += (double)fold8(&sa) + (double)ta;
                totals[1] += (double)fold8(&sb) + (double)tb;
                for (int k = 0; k < 4; k++) a[k] = b[k] = (lk_v8){0};
                ta = tb = 0;
                pending = 0;
            }
        }
    }
}

LK_INLINE size_t values_per_channel(const lk_batch_norm *p) { return p->batch * p->spatial; }

/// Asks for the next channel's row while this channel's last pass runs from cache: a
/// channel's values lie in one short run per image, too short for the hardware
/// prefetcher to pick up before the run ends.
LK_INLINE void prefetch_row(const float *row, size_t n) {
    for (size_t i = 0; i < n; i += 16) __builtin_prefetch(row + i);
}

/// ReLU as lk_unary computes it, over values just written and still in L1.
LK_INLINE void relu_in_place(float *restrict y, size_t n) {
    for (size_t i = 0; i < n; i++) y[i] = y[i] < 0.0f ? 0.0f : y[i];
}

/// Keeps channel c's batch statistics, given its mean and the sum of (x - high)² around
/// high = (float)mean, and moves the running statistics towards them.
LK_INLINE void keep_batch_statistics(const lk_batch_norm *p, size_t c, double mean, double squares_about_high) {
    double n = (double)values_per_channel(p), momentum = p->momentum;
    float high = (float)mean;
    double low = mean - high;
    // Σ(x - mean)² = Σ(x - high)² - n·low², since Σ(x - high) = n·low.
    double squares = squares_about_high - n * low * low;
    squares = squares > 0 ? squares : 0;
    p->mean[c] = high;
    p->mean_low[c] = (float)low;
    p->invstd[c] = (float)(1.0 / sqrt(squares / n + p->eps));
    // The running variance is the unbiased one, as PyTorch keeps it.
    p->running_mean[c] = (float)(momentum * mean + (1.0 - momentum) * p->running_mean[c]);
    p->running_var[c] = (float)(momentum * (squares / (n - 1)) + (1.0 - momentum) * p->running_var[c]);
}

LK_INLINE void use_running_statistics(const lk_batch_norm *p, size_t c) {
    p->mean[c] = p->running_mean[c];
    p->mean_low[c] = 0;
    p->invstd[c] = (float)(1.0 / sqrt((double)p->running_var[c] + p->eps));
}

/// The factors of y = (x - high) * scale + shift for channel c.
LK_INLINE void output_factors(const lk_batch_norm *p, size_t c, float *scale, float *shift) {
    double s = (double)(p->weight ? p->weight[c] : 1.0f) * p->invstd[c];
    *scale = (float)s;
    *shift = (float)((double)(p->bias ? p->bias[c] : 0.0f) - (double)p->mean_low[c] * s);
}

/// The factors of gx = g * a + (x - high) * b + k for channel c, given the sum of g and the
/// sum of g · (x - high). Also writes the weight and bias gradients that were asked for.
/// Out of training the statistics are constants, and only the first term remains.
LK_INLINE void gradient_factors(const lk_batch_norm *p, size_t c, double sum_g, double sum_g_about_high,
                                float *gweight, float *gbias, float *a, float *b, float *k) {
    double invstd = p->invstd[c], low = p->mean_low[c], n = (double)values_per_channel(p);
    double sum_gd = sum_g_about_high - low * sum_g;   // Σ g · (x - mean)
    if (gbias) gbias[c] = (float)sum_g;
    if (gweight) gweight[c] = (float)(sum_gd * invstd);
    double scale = (double)(p->weight ? p->weight[c] : 1.0f) * invstd;
    double slope = p->training ? -scale * invstd * invstd * sum_gd / n : 0;
    double offset = p->training ? -scale * sum_g / n : 0;
    *a = (float)scale;
    *b = (float)slope;
    *k = (float)(offset - low * slope);
}

LK_INLINE void forward_wide(const lk_batch_norm *p, const float *x, float *y, size_t c) {
    size_t stride = p->channels * p->spatial, n = p->spatial;
    if (p->training) {
        double sums[2], squares[2];
        float pivot = x[c * n];
        channel_sums(LK_SUM, p, x, NULL, NULL, c, pivot, sums);
        double mean = pivot + sums[0] / (double)values_per_channel(p);
        channel_sums(LK_SQUARES, p, x, NULL, NULL, c, (float)mean, squares);
        keep_batch_statistics(p, c, mean, squares[0]);
    } else {
        use_running_statistics(p, c);
    }
    float high = p->mean[c], scale, shift;
    output_factors(p, c, &scale, &shift);
    for (size_t r = 0; r < p->batch; r++) {
        const float *restrict in = x + r * stride + c * n;
        float *restrict out = y + r * stride + c * n;
        if (c + 1 < p->channels) prefetch_row(in + n, n);
        for (size_t i = 0; i < n; i++) out[i] = (in[i] - high) * scale + shift;
        if (p->relu) relu_in_place(out, n);
    }
}

/// Channels [first, first + count) of narrow planes of n values, in blocks of whole channels.
LK_INLINE void forward_narrow(const lk_batch_norm *p, size_t n, const float *x, float *y, size_t first, size_t count) {
    size_t stride = p->channels * n, block = LK_NARROW_BLOCK / n, end = first + count;
    double acc[LK_NARROW_BLOCK], means[LK_NARROW_BLOCK];
    float high[LK_NARROW_BLOCK], scale[LK_NARROW_BLOCK], shift[LK_NARROW_BLOCK];
    for (size_t c0 = first; c0 < end; c0 += block) {
        size_t channels = end - c0 < block ? end - c0 : block, width = channels * n;
        const float *in = x + c0 * n;
        if (p->training) {
            for (size_t j = 0; j < width; j++) acc[j] = 0;
            for (size_t r = 0; r < p->batch; r++)
                for (size_t j = 0; j < width; j++) acc[j] += in[r * stride + j];
            for (size_t c = 0; c < channels; c++) {
                double sum = 0;
                for (size_t i = 0; i < n; i++) sum += acc[c * n + i];
                means[c] = sum / (double)values_per_channel(p);
                for (size_t i = 0; i < n; i++) high[c * n + i] = (float)means[c];
            }
            for (size_t j = 0; j < width; j++) acc[j] = 0;
            for (size_t r = 0; r < p->batch; r++)
                for (size_t j = 0; j < width; j++) { float d = in[r * stride + j] - high[j]; acc[j] += d * d; }
            for (size_t c = 0; c < channels; c++) {
                double squares = 0;
                for (size_t i = 0; i < n; i++) squares += acc[c * n + i];
                keep_batch_statistics(p, c0 + c, means[c], squares);
            }
        } else {
            for (size_t c = 0; c < channels; c++) use_running_statistics(p, c0 + c);
        }
        for (size_t c = 0; c < channels; c++) {
            float s, t;
            output_factors(p, c0 + c, &s, &t);
            for (size_t i = 0; i < n; i++) { high[c * n + i] = p->mean[c0 + c]; scale[c * n + i] = s; shift[c * n + i] = t; }
        }
        for (size_t r = 0; r < p->batch; r++) {
            const float *restrict row = in + r * stride;
            float *restrict out = y + c0 * n + r * stride;
            for (size_t j = 0; j < width; j++) out[j] = (row[j] - high[j]) * scale[j] + shift[j];
            if (p->relu) relu_in_place(out, width);
        }
    }
}

LK_KERNEL
void lk_batch_norm_forward(lk_batch_norm p, const float *x, float *y, size_t first, size_t count) {
    if (p.spatial >= LK_WIDE_PLANE) {
        for (size_t c = first; c < first + count; c++) forward_wide(&p, x, y, c);
    } else if (p.spatial == 1) {
        forward_narrow(&p, 1, x, y, first, count);   // [N, C]: a copy whose loops know n = 1
    } else {
        forward_narrow(&p, p.spatial, x, y, first, count);
    }
}

LK_INLINE void backward_wide(const lk_batch_norm *p, const float *x, const float *z, const float *gy, float *gx,
                             float *gweight, float *gbias, size_t c) {
    size_t stride = p->channels * p->spatial, n = p->spatial;
    float high = p->mean[c], a, b, k;
    double sums[2] = {0, 0};
    if (gweight || gbias || (gx && p->training))
        channel_sums(z ? LK_MASKED_GRADIENT_SUMS : LK_GRADIENT_SUMS, p, x, z, gy, c, high, sums);
    gradient_factors(p, c, sums[0], sums[1], gweight, gbias, &a, &b, &k);
    if (!gx) return;
    for (size_t r = 0; r < p->batch; r++) {
        size_t offset = r * stride + c * n;
        const float *restrict g = gy + offset, *restrict in = x + offset;
        float *restrict out = gx + offset;
        if (c + 1 < p->channels) {
            prefetch_row(x + offset + n, n);
            prefetch_row(gy + offset + n, n);
            if (z) prefetch_row(z + offset + n, n);
        }
        if (z) {
            const float *restrict zs = z + offset;
            for (size_t i = 0; i < n; i++) out[i] = relu_masked(g[i], zs[i]) * a + (in[i] - high) * b + k;
        } else {
            for (size_t i = 0; i < n; i++) out[i] = g[i] * a + (in[i] - high) * b + k;
        }
    }
}

LK_INLINE void backward_narrow(const lk_batch_norm *p, size_t n, const float *x, const float *z, const float *gy,
                               float *gx, float *gweight, float *gbias, size_t first, size_t count) {
    size_t stride = p->channels * n, block = LK_NARROW_BLOCK / n, end = first + count;
    double acc_g[LK_NARROW_BLOCK], acc_gd[LK_NARROW_BLOCK];
    float high[LK_NARROW_BLOCK], a[LK_NARROW_BLOCK], b[LK_NARROW_BLOCK], k[LK_NARROW_BLOCK];
    int sums = gweight || gbias || (gx && p->training);
    for (size_t c0 = first; c0 < end; c0 += block) {
        size_t channels = end - c0 < block ? end - c0 : block, width = channels * n;
        const float *in = x + c0 * n, *g = gy + c0 * n, *zs = z ? z + c0 * n : NULL;
        for (size_t c = 0; c < channels; c++)
            for (size_t i = 0; i < n; i++) high[c * n + i] = p->mean[c0 + c];
        if (sums) {
            for (size_t j = 0; j < width; j++) acc_g[j] = acc_gd[j] = 0;
            for (size_t r = 0; r < p->batch; r++)
                for (size_t j = 0; j < width; j++) {
                    float gj = zs ? relu_masked(g[r * stride + j], zs[r * stride + j]) : g[r * stride + j];
                    acc_g[j] += gj;
                    acc_gd[j] += gj * (in[r * stride + j] - high[j]);
                }
        }
        for (size_t c = 0; c < channels; c++) {
            double sum_g = 0, sum_gd = 0;
            if (sums)
                for (size_t i = 0; i < n; i++) { sum_g += acc_g[c * n + i]; sum_gd += acc_gd[c * n + i]; }
            float ac, bc, kc;
            gradient_factors(p, c0 + c, sum_g, sum_gd, gweight, gbias, &ac, &bc, &kc);
            for (size_t i = 0; i < n; i++) { a[c * n + i] = ac; b[c * n + i] = bc; k[c * n + i] = kc; }
        }
        if (!gx) continue;
        for (size_t r = 0; r < p->batch; r++) {
            const float *restrict gr = g + r * stride, *restrict row = in + r * stride;
            float *restrict out = gx + c0 * n + r * stride;
            if (zs) {
                const float *restrict zr = zs + r * stride;
                for (size_t j = 0; j < width; j++) out[j] = relu_masked(gr[j], zr[j]) * a[j] + (row[j] - high[j]) * b[j] + k[j];
            } else {
                for (size_t j = 0; j < width; j++) out[j] = gr[j] * a[j] + (row[j] - high[j]) * b[j] + k[j];
            }
        }
    }
}

LK_KERNEL
void lk_batch_norm_backward(lk_batch_norm p, const float *x, const float *z, const float *gy, float *gx, float *gweight,
                            float *gbias, size_t first, size_t count) {
    if (p.spatial >= LK_WIDE_PLANE) {
        for (size_t c = first; c < first + count; c++) backward_wide(&p, x, z, gy, gx, gweight, gbias, c);
    } else if (p.spatial == 1) {
        backward_narrow(&p, 1, x, z, gy, gx, gweight, gbias, first, count);
    } else {
        backward_narrow(&p, p.spatial, x, z, gy, gx, gweight, gbias, first, count);
    }
}
