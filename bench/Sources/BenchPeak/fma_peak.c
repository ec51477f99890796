#include "BenchPeak.h"

#include <immintrin.h>
#include <pthread.h>
#include <stdint.h>
#include <time.h>

// Enough independent accumulators to cover the FMA latency (4 cycles) on two ports.
#define CHAINS 12
// FMAs per chain between checks of the clock.
#define INNER 4096

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

typedef struct {
    double seconds;
    double flops;
    float sink;
} worker;

__attribute__((target("avx512f")))
static void *run_avx512(void *context) {
    worker *w = context;
    __m512 acc[CHAINS];
    for (int i = 0; i < CHAINS; i++) acc[i] = _mm512_set1_ps(0.001f * (float)i);
    const __m512 a = _mm512_set1_ps(0.999999f), b = _mm512_set1_ps(1e-7f);
    double start = now(), blocks = 0;
    do {
        for (int k = 0; k < INNER; k++)
            for (int i = 0; i < CHAINS; i++) acc[i] = _mm512_fmadd_ps(acc[i], a, b);
        blocks += 1;
    } while (now() - start < w->seconds);
    w->seconds = now() - start;
    w->flops = blocks * INNER * CHAINS * 16 * 2;
    __m512 total = acc[0];
    for (int i = 1; i < CHAINS; i++) total = _mm512_add_ps(total, acc[i]);
    w->sink = _mm512_reduce_add_ps(total);
    return 0;
}

__attribute__((target("avx2,fma")))
static void *run_avx2(void *context) {
    worker *w = context;
    __m256 acc[CHAINS];
    for (int i = 0; i < CHAINS; i++) acc[i] = _mm256_set1_ps(0.001f * (float)i);
    const __m256 a = _mm256_set1_ps(0.999999f), b = _mm256_set1_ps(1e-7f);
    double start = now(), blocks = 0;
    do {
        for (int k = 0; k < INNER; k++)
            for (int i = 0; i < CHAINS; i++) acc[i] = _mm256_fmadd_ps(acc[i], a, b);
        blocks += 1;
    } while (now() - start < w->seconds);
    w->seconds = now() - start;
    w->flops = blocks * INNER * CHAINS * 8 * 2;
    float lanes[8];
    __m256 total = acc[0];
    for (int i = 1; i < CHAINS; i++) total = _mm256_add_ps(total, acc[i]);
    _mm256_storeu_ps(lanes, total);
    w->sink = lanes[0] + lanes[7];
    return 0;
}

const char *bench_fma_peak_isa(void) {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) return "avx512f";
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return "avx2";
    return "none";
}

double bench_fma_peak_gflops(int threads, double seconds) {
    const char *isa = bench_fma_peak_isa();
    void *(*body)(void *) = isa[3] == '5' ? run_avx512 : isa[0] == 'a' ? run_avx2 : 0;
    if (!body || threads < 1) return 0;
    if (threads > 64) threads = 64;
    worker workers[64];
    pthread_t ids[64];
    for (int t = 0; t < threads; t++) {
        workers[t] = (worker){.seconds = seconds};
        if (pthread_create(&ids[t], 0, body, &workers[t]) != 0) return 0;
    }
    double flops = 0, longest = 0;
    for (int t = 0; t < threads; t++) {
        pthread_join(ids[t], 0);
        flops += workers[t].flops;
        if (workers[t].seconds > longest) longest = workers[t].seconds;
    }
    return longest > 0 ? flops / longest / 1e9 : 0;
}
