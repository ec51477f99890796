// 2-D convolutions through oneDNN, the library PyTorch's CPU convolutions run on. Swift
// calls these for the heavy shapes and falls back to im2col+GEMM when they return nonzero.
#ifndef LIT_CONVOLUTION_H
#define LIT_CONVOLUTION_H

typedef struct {
    int batch, inChannels, height, width;
    int outChannels, kernelHeight, kernelWidth;
    int strideHeight, strideWidth, padHeight, padWidth;
    int outHeight, outWidth;   // filled by the caller, (H + 2p - k)/s + 1
} lk_conv_shape;

// All buffers are plain contiguous float32: x, y, gx, gy are NCHW, weight and gweight OIHW,
// bias and gbias [O]. Outputs are overwritten, never accumulated. Each returns 0 on success,
// nonzero when oneDNN is unavailable or refuses the shape.

/// y = conv(x, weight) + bias; bias may be NULL.
int lk_dnnl_conv_forward(lk_conv_shape s, const float *x, const float *weight, const float *bias, float *y);
/// gx = the gradient of the input, given the output's gradient gy. Unless ticket is NULL,
/// gy's copy in oneDNN's layout is kept for the weight-gradient pass, and *ticket names it
/// (0 when none was kept).
int lk_dnnl_conv_backward_data(lk_conv_shape s, const float *gy, const float *weight, float *gx, unsigned long *ticket);
/// gweight (and gbias, the sum of gy over N, H, W, unless NULL) from the input x and gy.
/// A ticket from the backward-data pass on this same gy lets it read the kept copy instead
/// of reordering gy again, when it wants the same layout and no other pass kept one since.
int lk_dnnl_conv_backward_weights(lk_conv_shape s, const float *x, const float *gy, float *gweight, float *gbias,
                                  unsigned long ticket);
/// oneDNN's name for the implementation ("jit:avx2", "jit_wino_4x3:avx512_core", ...) that ran
/// this thread's latest pass of kind `pass` (0 forward, 1 backward data, 2 backward weights);
/// "" when that pass fell back (oneDNN missing or refusing). Tests use it to see what ran.
const char *lk_dnnl_conv_impl(int pass);
/// C = alpha * op(A) * op(B) + beta * C on row-major matrices, through oneDNN's SGEMM.
int lk_dnnl_sgemm(int transposeA, int transposeB, long m, long n, long k, float alpha, const float *a, long lda,
                  const float *b, long ldb, float beta, float *c, long ldc);
/// Sets the number of threads oneDNN uses from now on (0 or less: the OpenMP default).
void lk_dnnl_set_threads(int threads);

#endif
