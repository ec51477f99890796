#include "LitKernels.h"
#include "Kernel.h"

/// Sums up to a few thousand values. Letting the compiler reassociate turns the loop
/// into several vector accumulators, which is both faster and more accurate than one
/// running sum.
static inline float lk_sum_block(const float *x, size_t n) {
#pragma clang fp reassociate(on)
    float sum = 0;
    for (size_t i = 0; i < n; i++) sum += x[i];
    return sum;
}

LK_KERNEL
float lk_sum(const float *x, size_t n) {
    // Blocks keep each lane's run short; their totals add in double, so the error does
    // not grow with n.
    enum { BLOCK = 4096 };
    if (n <= BLOCK) return lk_sum_block(x, n);
    double total = 0;
    for (size_t i = 0; i < n; i += BLOCK) total += lk_sum_block(x + i, n - i < BLOCK ? n - i : BLOCK);
    return (float)total;
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
