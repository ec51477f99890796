// Kernels for the layers and optimizers of a training loop: batch normalisation,
// optimizer updates and accuracy. Like the rest, each is single-threaded and works on
// contiguous float buffers; Swift splits the work and checks every shape.
#ifndef LIT_TRAINING_H
#define LIT_TRAINING_H

#include <stddef.h>

/// One batch normalisation over x laid out as [batch, channels, spatial]: every channel is
/// normalised over its batch × spatial values.
typedef struct {
    size_t batch, channels, spatial;
    /// Per-channel scale and shift; NULL stands for ones and zeros.
    const float *weight, *bias;
    float eps, momentum;
    /// Nonzero: normalise with the batch statistics and update the running ones in place.
    /// Zero: normalise with the running statistics.
    int training;
    /// Nonzero: the output goes through ReLU (y < 0 ? 0 : y) as it is written, for the
    /// BN → ReLU pairs of DenseNet's blocks.
    int relu;
    float *running_mean, *running_var;
    /// Written by the forward pass, read by the backward pass: the mean and 1/sqrt(var + eps)
    /// that normalised each channel. The mean is mean + mean_low, two floats, so that
    /// x - mean keeps the digits that one float would lose when |mean| is much larger than
    /// the spread.
    float *mean, *mean_low, *invstd;
} lk_batch_norm;

/// y = (x - mean) * invstd * weight + bias for channels [first, first + count). In training
/// the mean and the biased variance come from the batch (two passes, summed in double), and
/// the running statistics move towards the batch's with the unbiased variance.
void lk_batch_norm_forward(lk_batch_norm p, const float *x, float *y, size_t first, size_t count);
/// The gradients for channels [first, first + count), given the output's gradient gy;
/// gx, gweight and gbias may each be NULL. In training the statistics depend on x too.
/// For batch norm followed by ReLU, z is ReLU's output and gy the gradient of it: each
/// value of gy counts where z > 0 and as 0 elsewhere, as ReLU's backward pass gives it.
/// z is NULL for batch norm alone.
void lk_batch_norm_backward(lk_batch_norm p, const float *x, const float *z, const float *gy, float *gx, float *gweight,
                            float *gbias, size_t first, size_t count);

/// One step of torch.optim.Adam (no amsgrad) over n values, in place:
/// g += weight_decay * p; m = lerp(m, g, 1 - beta1); v = beta2 * v + (1 - beta2) * g * g;
/// p += -step_size * m / (sqrt(v) / bias_correction2_sqrt + eps).
/// The complements 1 - beta come in from the caller, computed before rounding to float.
void lk_adam(float *param, const float *grad, float *m, float *v, size_t n, float one_minus_beta1, float beta2,
             float one_minus_beta2, float weight_decay, float step_size, float bias_correction2_sqrt, float eps);
/// lk_adam for a gradient that is 0 outside `live` offsets of every run of `period` values,
/// over groups [first, first + groups) of those runs, with weight decay 0. m and v hold only
/// the moments inside, `live` per group. Outside, the full step would leave the parameter
/// as it is and the moments at 0 (given eps > 0), so nothing there is read or written.
void lk_adam_supported(float *param, const float *grad, float *m, float *v, size_t first, size_t groups, size_t period,
                       const int32_t *offsets, size_t live, float one_minus_beta1, float beta2, float one_minus_beta2,
                       float step_size, float bias_correction2_sqrt, float eps);

/// One step of torch.optim.SGD over n values, in place. buffer is NULL without momentum;
/// on the first step it receives a copy of the (decayed) gradient.
void lk_sgd(float *param, const float *grad, float *buffer, size_t n, float learning_rate, float momentum,
            float one_minus_dampening, float weight_decay, int nesterov, int first_step);

/// How many of `rows` rows of logits have their largest value (the first on ties, a NaN if
/// there is one) at the class that labels holds for that row.
size_t lk_count_correct(const float *logits, const float *labels, size_t rows, size_t classes);

#endif
