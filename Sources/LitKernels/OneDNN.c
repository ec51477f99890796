// oneDNN's engine, stream, lock and thread count, and its SGEMM. This oneDNN runs on
// OpenMP (DNNL_CPU_RUNTIME_OMP); libgomp comes in with libdnnl, and its thread count is
// per calling thread, so it is applied on every entry.
#ifndef _GNU_SOURCE
#define _GNU_SOURCE   // RTLD_DEFAULT
#endif
#include "OneDNN.h"

#if LK_HAS_ONEDNN
#include <dlfcn.h>
#include <pthread.h>

dnnl_engine_t lk_dnnl_engine;
dnnl_stream_t lk_dnnl_stream;
int lk_dnnl_threads;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int started, broken;
static void (*set_omp_threads)(int);

int lk_dnnl_enter(void) {
    pthread_mutex_lock(&lock);
    if (!started) {
        started = 1;
        broken = dnnl_engine_create(&lk_dnnl_engine, dnnl_cpu, 0) != dnnl_success
              || dnnl_stream_create(&lk_dnnl_stream, lk_dnnl_engine, dnnl_stream_default_flags) != dnnl_success;
        *(void **)&set_omp_threads = dlsym(RTLD_DEFAULT, "omp_set_num_threads");
    }
    if (!broken && lk_dnnl_threads > 0 && set_omp_threads) set_omp_threads(lk_dnnl_threads);
    return broken;
}

void lk_dnnl_leave(void) {
    pthread_mutex_unlock(&lock);
}

int lk_dnnl_sgemm(int transposeA, int transposeB, long m, long n, long k, float alpha, const float *a, long lda,
                  const float *b, long ldb, float beta, float *c, long ldc) {
    int status = lk_dnnl_enter();
    if (!status)
        status = dnnl_sgemm(transposeA ? 'T' : 'N', transposeB ? 'T' : 'N', m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
                 != dnnl_success;
    lk_dnnl_leave();
    return status;
}

void lk_dnnl_set_threads(int count) {
    pthread_mutex_lock(&lock);
    lk_dnnl_threads = count;
    pthread_mutex_unlock(&lock);
}

#else   // built without oneDNN's headers: every call asks for the fallback

int lk_dnnl_sgemm(int transposeA, int transposeB, long m, long n, long k, float alpha, const float *a, long lda,
                  const float *b, long ldb, float beta, float *c, long ldc) {
    (void)transposeA, (void)transposeB, (void)m, (void)n, (void)k, (void)alpha, (void)a, (void)lda;
    (void)b, (void)ldb, (void)beta, (void)c, (void)ldc;
    return 1;
}
void lk_dnnl_set_threads(int threads) { (void)threads; }
#endif
