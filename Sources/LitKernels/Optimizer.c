// Optimizer updates, one fused pass over memory each. The arithmetic follows
// torch.optim's code operation by operation (lerp, addcmul, addcdiv, in that order), and
// contraction into FMA is off, so that every machine rounds a step the same way.
#include "LitKernels.h"
#include "Kernel.h"

#pragma STDC FP_CONTRACT OFF

/// Adam's constants for one step, as lk_adam takes them.
typedef struct {
    float weight, beta2, square_weight, weight_decay, negative_step, bias_correction2_sqrt, eps;
    int near_start;   // torch.lerp takes the form that is exact at whichever end the weight is nearer
} lk_adam_step;

static inline lk_adam_step adam_step(float one_minus_beta1, float beta2, float one_minus_beta2, float weight_decay,
                                     float step_size, float bias_correction2_sqrt, float eps) {
    return (lk_adam_step){one_minus_beta1, beta2, one_minus_beta2, weight_decay, -step_size, bias_correction2_sqrt, eps,
                          one_minus_beta1 < 0.5f};
}

/// One value's update; both kernels use it, so they round alike.
static inline __attribute__((always_inline)) void adam_value(float *param, float g, float *m, float *v,
                                                             const lk_adam_step *s) {
    float p = *param;
    g = s->weight_decay != 0.0f ? g + s->weight_decay * p : g;
    float mi = *m, difference = g - mi;
    mi = s->near_start ? mi + s->weight * difference : g - difference * (1.0f - s->weight);
    float vi = *v * s->beta2 + s->square_weight * g * g;
    float denominator = __builtin_sqrtf(vi) / s->bias_correction2_sqrt + s->eps;
    *m = mi;
    *v = vi;
    *param = p + s->negative_step * mi / denominator;
}

LK_KERNEL
void lk_adam(float *param, const float *grad, float *m, float *v, size_t n, float one_minus_beta1, float beta2,
             float one_minus_beta2, float weight_decay, float step_size, float bias_correction2_sqrt, float eps) {
    lk_adam_step s = adam_step(one_minus_beta1, beta2, one_minus_beta2, weight_decay, step_size, bias_correction2_sqrt, eps);
    for (size_t i = 0; i < n; i++) adam_value(param + i, grad[i], m + i, v + i, &s);
}

LK_KERNEL
void lk_adam_supported(float *param, const float *grad, float *m, float *v, size_t first, size_t groups, size_t period,
                       const int32_t *offsets, size_t live, float one_minus_beta1, float beta2, float one_minus_beta2,
                       float step_size, float bias_correction2_sqrt, float eps) {
    lk_adam_step s = adam_step(one_minus_beta1, beta2, one_minus_beta2, 0, step_size, bias_correction2_sqrt, eps);
    // A block of groups at a time, one offset after another: the block's lines stay in
    // cache while each offset's values are gathered across it into short arrays, updated
    // there with vector arithmetic, and put back.
    enum { BLOCK = 64 };
    float tp[BLOCK], tg[BLOCK], tm[BLOCK], tv[BLOCK];
    for (size_t j0 = first; j0 < first + groups; j0 += BLOCK) {
        const size_t n = j0 + BLOCK < first + groups ? BLOCK : first + groups - j0;
        for (size_t k = 0; k < live; k++) {
            float *p = param + j0 * period + (size_t)offsets[k], *mk = m + j0 * live + k, *vk = v + j0 * live + k;
            const float *g = grad + j0 * period + (size_t)offsets[k];
            for (size_t t = 0; t < n; t++) {
                tp[t] = p[t * period];
                tg[t] = g[t * period];
                tm[t] = mk[t * live];
                tv[t] = vk[t * live];
            }
            for (size_t t = 0; t < n; t++) adam_value(tp + t, tg[t], tm + t, tv + t, &s);
            for (size_t t = 0; t < n; t++) {
                p[t * period] = tp[t];
                mk[t * live] = tm[t];
                vk[t * live] = tv[t];
            }
        }
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
