// Optimizer updates, one fused pass over memory each. The arithmetic follows
// torch.optim's code operation by operation (lerp, addcmul, addcdiv, in that order), and
// contraction into FMA is off, so that every machine rounds a step the same way.
#include "LitKernels.h"
#include "Kernel.h"

#pragma STDC FP_CONTRACT OFF

LK_KERNEL
void lk_adam(float *param, const float *grad, float *m, float *v, size_t n, float one_minus_beta1, float beta2,
             float one_minus_beta2, float weight_decay, float step_size, float bias_correction2_sqrt, float eps) {
    float weight = one_minus_beta1, square_weight = one_minus_beta2, negative_step = -step_size;
    // torch.lerp takes the form that is exact at whichever end the weight is nearer.
    int near_start = weight < 0.5f;
    for (size_t i = 0; i < n; i++) {
        float p = param[i], g = grad[i];
        g = weight_decay != 0.0f ? g + weight_decay * p : g;
        float mi = m[i], difference = g - mi;
        mi = near_start ? mi + weight * difference : g - difference * (1.0f - weight);
        float vi = v[i] * beta2 + square_weight * g * g;
        float denominator = __builtin_sqrtf(vi) / bias_correction2_sqrt + eps;
        m[i] = mi;
        v[i] = vi;
        param[i] = p + negative_step * mi / denominator;
    }
}

LK_KERNEL
void lk_sgd(float *param, const float *grad, float *buffer, size_t n, float learning_rate, float momentum,
            float one_minus_dampening, float weight_decay, int nesterov, int first_step) {
    float negative_rate = -learning_rate, kept = one_minus_dampening;
    int decay = weight_decay != 0.0f;
    if (!buffer) {
        for (size_t i = 0; i < n; i++) {
            float p = param[i], d = decay ? grad[i] + weight_decay * p : grad[i];
            param[i] = p + negative_rate * d;
        }
        return;
    }
    for (size_t i = 0; i < n; i++) {
        float p = param[i], d = decay ? grad[i] + weight_decay * p : grad[i];
        float b = first_step ? d : buffer[i] * momentum + kept * d;
        buffer[i] = b;
        d = nesterov ? d + momentum * b : b;
        param[i] = p + negative_rate * d;
    }
}
