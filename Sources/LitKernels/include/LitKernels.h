// Hand-written CPU kernels behind the tensor engine. Each kernel is single-threaded and
// works on plain contiguous float buffers; Swift splits the work across cores and keeps
// every shape check. The x86-64 builds carry AVX-512, AVX2 and baseline versions, chosen
// at load time for the machine at hand.
#ifndef LIT_KERNELS_H
#define LIT_KERNELS_H

#include <stddef.h>
#include <stdint.h>

#include "LitConvolution.h"
#include "LitTraining.h"

/// Swift imports a closed enum as a Swift enum, so its switches are checked for
/// exhaustiveness.
#define LK_CLOSED_ENUM __attribute__((enum_extensibility(closed)))

typedef enum LK_CLOSED_ENUM {
    LK_ADD = 0, LK_SUB, LK_MUL, LK_DIV,
    /// out = b: copies or broadcasts the second operand.
    LK_SECOND,
    /// Comparisons: out = 1 where a op b holds, else 0 (NaN compares unequal to everything).
    LK_EQUAL, LK_NOT_EQUAL, LK_LESS, LK_LESS_EQUAL, LK_GREATER, LK_GREATER_EQUAL,
} lk_binary_op;

/// out[i] = a[i*sa] op b[i*sb] for i < n, where the strides sa and sb are 0 or 1.
void lk_binary(lk_binary_op op, const float *a, ptrdiff_t sa, const float *b, ptrdiff_t sb, float *out, size_t n);

typedef enum LK_CLOSED_ENUM {
    LK_NEG = 0, LK_SQRT, LK_EXP, LK_LOG, LK_RELU, LK_SIGMOID, LK_TANH, LK_SQUARE,
    /// |x|; its gradient at 0 is 0, as PyTorch's.
    LK_ABS,
} lk_unary_op;

/// out[i] = f(x[i]).
void lk_unary(lk_unary_op op, const float *x, float *out, size_t n);
/// gx[i] = gy[i] * f'(x[i]), given the forward input x and output y.
void lk_unary_backward(lk_unary_op op, const float *x, const float *y, const float *gy, float *gx, size_t n);
/// y[i] += alpha * x[i].
void lk_axpy(float alpha, const float *x, float *y, size_t n);
/// out[i] = x[i] * scale + shift.
void lk_affine(const float *x, float scale, float shift, float *out, size_t n);

/// The sum of n contiguous values: blocks summed in vector lanes, block totals in double.
float lk_sum(const float *x, size_t n);
/// The blocks whose totals lk_sum adds: callers that split a long sum across threads cut
/// it at multiples of this, so that the result does not depend on the thread count.
#define LK_SUM_BLOCK 4096
/// The sum of n values in blocks of LK_SUM_BLOCK, as a double.
double lk_sum_blocks(const float *x, size_t n);
/// out[r] += sum of row r, for `rows` contiguous rows of `length` values.
void lk_sum_rows(const float *x, size_t rows, size_t length, float *out);
/// out[i] += x[i].
void lk_accumulate(const float *x, float *out, size_t n);

/// For x laid out as [outer, d, inner]: the maximum over d and its index (as a float,
/// the first index on ties). NaN wins, as in PyTorch.
void lk_max_dim(const float *x, size_t outer, size_t d, size_t inner, float *values, float *indices);
/// gx (zeroed, [outer, d, inner]) receives gy at the positions in indices ([outer, inner]).
void lk_scatter_dim(const float *gy, const float *indices, size_t outer, size_t d, size_t inner, float *gx);

/// Swaps the two outer axes of [a, b, inner] into [b, a, inner].
void lk_swap_outer(const float *x, size_t a, size_t b, size_t inner, float *out);

/// The geometry of one 2-D convolution or pooling window over a C×H×W image.
typedef struct {
    int channels, height, width;
    int kernelHeight, kernelWidth;
    int strideHeight, strideWidth;
    int padHeight, padWidth;
    int outHeight, outWidth;
} lk_window;

/// Unfolds one image into rows (c*kh + i)*kw + j of col, whose rows
/// are `ld` floats apart; each row gets outHeight*outWidth values (zero where padded).
void lk_im2col(const float *image, lk_window w, float *col, size_t ld);
/// The adjoint of lk_im2col: adds the rows of col back into the image.
void lk_col2im(const float *col, size_t ld, lk_window w, float *image);

/// Output channels [first, last) of the plane matrix of an [O, C, kH, kW] weight
/// (w.channels is C): row o*outH*outW + q, column c*H*W + p holds the tap linking input
/// position p to output position q, or 0 where no tap does. The links of output position
/// q are pairs[2k] (input position) and pairs[2k + 1] (tap, i*kW + j) for k in
/// start[q] ..< start[q + 1].
void lk_plane_matrix(const float *weight, lk_window w, const int32_t *pairs, const int32_t *start, int first, int last,
                     float *matrix);
/// The adjoint: output channels [first, last) of the weight gradient, each tap the sum
/// of its entries in the plane matrix's gradient (0 for a tap that only meets padding).
void lk_plane_matrix_gradient(const float *matrix, lk_window w, const int32_t *pairs, const int32_t *start, int first,
                              int last, float *weight);

/// Max pooling over `planes` H×W planes (channels in w is ignored); argmax holds the
/// winning input offset within its plane, for the backward pass.
void lk_max_pool_forward(const float *x, size_t planes, lk_window w, float *out, int32_t *argmax);
void lk_max_pool_backward(const float *gy, const int32_t *argmax, size_t planes, lk_window w, float *gx);
/// Average pooling; padded cells count in the divisor, as PyTorch's default.
void lk_avg_pool_forward(const float *x, size_t planes, lk_window w, float *out);
void lk_avg_pool_backward(const float *gy, size_t planes, lk_window w, float *gx);

/// Softmax cross-entropy over rows of `classes` logits. Writes each row's softmax into
/// probabilities and returns the summed loss (in double). Labels outside [0, classes)
/// make it return NaN.
double lk_softmax_cross_entropy(const float *logits, const float *labels, size_t rows, size_t classes, float *probabilities);
/// g_logits = (probabilities - onehot(labels)) * scale.
void lk_softmax_cross_entropy_backward(const float *probabilities, const float *labels, size_t rows, size_t classes,
                                       float scale, float *gradient);

/// One chunk of a parallel loop.
typedef void (*lk_task)(void *context, long chunk);
/// Runs task(context, c) for every c < chunks on up to `threads` threads of OpenMP's team
/// (the one oneDNN uses); nonzero when no OpenMP runtime is loaded.
int lk_openmp_parallel(long chunks, int threads, lk_task task, void *context);
/// Gives the calling thread's OpenMP team one CPU per thread (the caller keeps the first
/// allowed CPU); nonzero when it could not.
int lk_openmp_bind_threads(int threads);

#endif
