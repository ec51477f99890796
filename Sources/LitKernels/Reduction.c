#include "LitKernels.h"
#include "Kernel.h"

typedef float lk_v8 __attribute__((vector_size(32)));

/// acc += x[0..<8]; by pointer, so that no vector crosses a call boundary.
static inline void lk_add8(lk_v8 *acc, const float *x) { lk_v8 v; memcpy(&v, x, sizeof v); *acc += v; }

/// Sums up to a few thousand values in four 8-lane accumulators, combined in a fixed
/// tree. The order of the additions is written out rather than left to the compiler, so
/// every instruction set, and so every machine, gives the same bits.
static inline float lk_sum_block(const float *x, size_t n) {
    lk_v8 a = {0}, b = {0}, c = {0}, d = {0};
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        lk_add8(&a, x + i);
        lk_add8(&b, x + i + 8);
        lk_add8(&c, x + i + 16);
        lk_add8(&d, x + i + 24);
    }
    for (; i + 8 <= n; i += 8) lk_add8(&a, x + i);
    lk_v8 v = (a + b) + (c + d);
    float sum = ((v[0] + v[4]) + (v[2] + v[6])) + ((v[1] + v[5]) + (v[3] + v[7]));
    for (; i < n; i++) sum += x[i];
    return sum;
}

LK_KERNEL
double lk_sum_blocks(const float *x, size_t n) {
    // Blocks keep each lane's run short; their totals add in double, so the error does
    // not grow with n.
    double total = 0;
    for (size_t i = 0; i < n; i += LK_SUM_BLOCK) total += lk_sum_block(x + i, n - i < LK_SUM_BLOCK ? n - i : LK_SUM_BLOCK);
    return total;
}

LK_KERNEL
float lk_sum(const float *x, size_t n) {
    return n <= LK_SUM_BLOCK ? lk_sum_block(x, n) : (float)lk_sum_blocks(x, n);
}

LK_KERNEL
void lk_sum_rows(const float *x, size_t rows, size_t length, float *out) {
    for (size_t r = 0; r < rows; r++) out[r] += lk_sum(x + r * length, length);
}

LK_KERNEL
void lk_accumulate(const float *x, float *out, size_t n) {
    for (size_t i = 0; i < n; i++) out[i] += x[i];
}

LK_KERNEL
void lk_max_dim(const float *x, size_t outer, size_t d, size_t inner, float *values, float *indices) {
    for (size_t o = 0; o < outer; o++) {
        const float *block = x + o * d * inner;
        float *best = values + o * inner, *at = indices + o * inner;
        for (size_t j = 0; j < inner; j++) { best[j] = block[j]; at[j] = 0; }
        // Row by row, so that the inner loop runs along contiguous memory.
        for (size_t k = 1; k < d; k++) {
            const float *row = block + k * inner;
            float index = (float)k;
            for (size_t j = 0; j < inner; j++) {
                float v = row[j], b = best[j];
                // A NaN, once found, stays: nothing replaces it.
                int take = (v > b || v != v) && b == b;
                best[j] = take ? v : b;
                at[j] = take ? index : at[j];
            }
        }
    }
}

LK_KERNEL
void lk_scatter_dim(const float *gy, const float *indices, size_t outer, size_t d, size_t inner, float *gx) {
    for (size_t o = 0; o < outer; o++)
        for (size_t j = 0; j < inner; j++) {
            size_t k = (size_t)indices[o * inner + j];
            gx[(o * d + k) * inner + j] += gy[o * inner + j];
        }
}
