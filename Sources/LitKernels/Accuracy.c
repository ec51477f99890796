#include "LitKernels.h"
#include "Kernel.h"

LK_KERNEL
size_t lk_count_correct(const float *logits, const float *labels, size_t rows, size_t classes) {
    size_t correct = 0;
    for (size_t r = 0; r < rows; r++) {
        const float *row = logits + r * classes;
        // The first maximum wins; a NaN, once found, stays (as argmax in PyTorch).
        size_t best = 0;
        for (size_t c = 1; c < classes && row[best] == row[best]; c++)
            if (row[c] > row[best] || row[c] != row[c]) best = c;
        correct += (float)best == labels[r];
    }
    return correct;
}
