#include "LitKernels.h"
#include "Kernel.h"

// Each stride pattern gets its own loop so that every loop is a plain vectorisable one.
#define LK_BINARY_LOOPS(EXPR)                                                             \
    if (sa == 1 && sb == 1) { for (size_t i = 0; i < n; i++) { float x = a[i], y = b[i]; out[i] = (EXPR); } }      \
    else if (sa == 1) { float y = b[0]; for (size_t i = 0; i < n; i++) { float x = a[i]; out[i] = (EXPR); } }     \
    else if (sb == 1) { float x = a[0]; for (size_t i = 0; i < n; i++) { float y = b[i]; out[i] = (EXPR); } }     \
    else { float x = a[0], y = b[0]; float v = (EXPR); for (size_t i = 0; i < n; i++) out[i] = v; }

LK_KERNEL
void lk_binary(lk_binary_op op, const float *a, ptrdiff_t sa, const float *b, ptrdiff_t sb, float *out, size_t n) {
    switch (op) {
    case LK_ADD: LK_BINARY_LOOPS(x + y) break;
    case LK_SUB: LK_BINARY_LOOPS(x - y) break;
    case LK_MUL: LK_BINARY_LOOPS(x * y) break;
    case LK_DIV: LK_BINARY_LOOPS(x / y) break;
    case LK_SECOND: LK_BINARY_LOOPS(((void)x, y)) break;
    case LK_EQUAL: LK_BINARY_LOOPS(x == y ? 1.0f : 0.0f) break;
    case LK_NOT_EQUAL: LK_BINARY_LOOPS(x != y ? 1.0f : 0.0f) break;
    case LK_LESS: LK_BINARY_LOOPS(x < y ? 1.0f : 0.0f) break;
    case LK_LESS_EQUAL: LK_BINARY_LOOPS(x <= y ? 1.0f : 0.0f) break;
    case LK_GREATER: LK_BINARY_LOOPS(x > y ? 1.0f : 0.0f) break;
    case LK_GREATER_EQUAL: LK_BINARY_LOOPS(x >= y ? 1.0f : 0.0f) break;
    }
}

LK_KERNEL
void lk_unary(lk_unary_op op, const float *x, float *out, size_t n) {
    switch (op) {
    case LK_NEG: for (size_t i = 0; i < n; i++) out[i] = -x[i]; break;
    case LK_SQRT: for (size_t i = 0; i < n; i++) out[i] = __builtin_sqrtf(x[i]); break;
    case LK_EXP: for (size_t i = 0; i < n; i++) out[i] = lk_exp(x[i]); break;
    case LK_LOG: for (size_t i = 0; i < n; i++) out[i] = lk_log(x[i]); break;
    case LK_RELU: for (size_t i = 0; i < n; i++) out[i] = x[i] < 0.0f ? 0.0f : x[i]; break;
    case LK_SIGMOID: for (size_t i = 0; i < n; i++) out[i] = lk_sigmoid(x[i]); break;
    case LK_TANH: for (size_t i = 0; i < n; i++) out[i] = lk_tanh(x[i]); break;
    case LK_SQUARE: for (size_t i = 0; i < n; i++) out[i] = x[i] * x[i]; break;
    case LK_ABS: for (size_t i = 0; i < n; i++) out[i] = __builtin_fabsf(x[i]); break;
    }
}

LK_KERNEL
void lk_unary_backward(lk_unary_op op, const float *x, const float *y, const float *gy, float *gx, size_t n) {
    switch (op) {
    case LK_NEG: for (size_t i = 0; i < n; i++) gx[i] = -gy[i]; break;
    case LK_SQRT: for (size_t i = 0; i < n; i++) gx[i] = gy[i] * 0.5f / y[i]; break;
    case LK_EXP: for (size_t i = 0; i < n; i++) gx[i] = gy[i] * y[i]; break;
    case LK_LOG: for (size_t i = 0; i < n; i++) gx[i] = gy[i] / x[i]; break;
    case LK_RELU: for (size_t i = 0; i < n; i++) gx[i] = x[i] > 0.0f ? gy[i] : 0.0f; break;
    case LK_SIGMOID: for (size_t i = 0; i < n; i++) gx[i] = gy[i] * y[i] * (1.0f - y[i]); break;
    case LK_TANH: for (size_t i = 0; i < n; i++) gx[i] = gy[i] * (1.0f - y[i] * y[i]); break;
    case LK_SQUARE: for (size_t i = 0; i < n; i++) gx[i] = 2.0f * x[i] * gy[i]; break;
    case LK_ABS: for (size_t i = 0; i < n; i++) gx[i] = x[i] > 0.0f ? gy[i] : (x[i] < 0.0f ? -gy[i] : 0.0f); break;
    }
}

LK_KERNEL
void lk_affine(const float *x, float scale, float shift, float *out, size_t n) {
    for (size_t i = 0; i < n; i++) out[i] = x[i] * scale + shift;
}

LK_KERNEL
void lk_swap_outer(const float *x, size_t a, size_t b, size_t inner, float *out) {
    if (inner >= 16) {
        for (size_t i = 0; i < a; i++)
            for (size_t j = 0; j < b; j++)
                memcpy(out + (j * a + i) * inner, x + (i * b + j) * inner, inner * sizeof(float));
        return;
    }
    // Short rows (a plain transpose when inner is 1): a call per row would cost more than
    // the copy, so tiles of 16 × 16 rows keep both sides' lines in cache instead.
    enum { TILE = 16 };
    for (size_t i0 = 0; i0 < a; i0 += TILE)
        for (size_t j0 = 0; j0 < b; j0 += TILE) {
            size_t i1 = i0 + TILE < a ? i0 + TILE : a, j1 = j0 + TILE < b ? j0 + TILE : b;
            for (size_t j = j0; j < j1; j++)
                for (size_t i = i0; i < i1; i++)
                    for (size_t k = 0; k < inner; k++) out[(j * a + i) * inner + k] = x[(i * b + j) * inner + k];
        }
}

LK_KERNEL
void lk_axpy(float alpha, const float *x, float *y, size_t n) {
    for (size_t i = 0; i < n; i++) y[i] += alpha * x[i];
}
