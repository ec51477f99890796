#include "LitKernels.h"
#include "Kernel.h"

LK_KERNEL
double lk_softmax_cross_entropy(const float *logits, const float *labels, size_t rows, size_t classes, float *probabilities) {
    double total = 0;
    for (size_t r = 0; r < rows; r++) {
        const float *x = logits + r * classes;
        float *p = probabilities + r * classes;
        // Subtracting the row maximum keeps exp from overflowing.
        float top = x[0];
        for (size_t c = 1; c < classes; c++) top = x[c] > top ? x[c] : top;
        float sum = 0;
        for (size_t c = 0; c < classes; c++) { p[c] = lk_exp(x[c] - top); sum += p[c]; }
        float inverse = 1.0f / sum;
        for (size_t c = 0; c < classes; c++) p[c] *= inverse;
        float label = labels[r];
        if (!(label >= 0 && label < (float)classes)) return NAN;
        size_t k = (size_t)label;
        total += (double)logf(sum) + (double)top - (double)x[k];
    }
    return total;
}

LK_KERNEL
void lk_softmax_cross_entropy_backward(const float *probabilities, const float *labels, size_t rows, size_t classes,
                                       float scale, float *gradient) {
    for (size_t r = 0; r < rows; r++) {
        for (size_t c = 0; c < classes; c++) gradient[r * classes + c] = probabilities[r * classes + c] * scale;
        gradient[r * classes + (size_t)labels[r]] -= scale;
    }
}
