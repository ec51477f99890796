// Parallel loops on OpenMP's thread team, the one oneDNN already runs on. Sharing one
// team means one set of spinning threads: a second pool of our own would fight
// oneDNN's for the cores after every convolution. libgomp comes in with libdnnl; its
// entry points are looked up at run time, and without them the caller falls back.
#ifndef _GNU_SOURCE
#define _GNU_SOURCE   // RTLD_DEFAULT
#endif
#include "LitKernels.h"

#include <dlfcn.h>
#include <pthread.h>

typedef struct {
    lk_task task;
    void *context;
    long chunks;
} lk_job;

static void (*gomp_parallel)(void (*)(void *), void *, unsigned, unsigned);
static int (*thread_number)(void);
static int (*team_size)(void);
static pthread_once_t resolved = PTHREAD_ONCE_INIT;

static void resolve(void) {
    *(void **)&gomp_parallel = dlsym(RTLD_DEFAULT, "GOMP_parallel");
    *(void **)&thread_number = dlsym(RTLD_DEFAULT, "omp_get_thread_num");
    *(void **)&team_size = dlsym(RTLD_DEFAULT, "omp_get_num_threads");
}

static void run_chunks(void *data) {
    lk_job *job = data;
    long step = team_size(), first = thread_number();
    for (long chunk = first; chunk < job->chunks; chunk += step) job->task(job->context, chunk);
}

int lk_openmp_parallel(long chunks, lk_task task, void *context) {
    pthread_once(&resolved, resolve);
    if (!gomp_parallel || !thread_number || !team_size) return 1;
    lk_job job = {task, context, chunks};
    gomp_parallel(run_chunks, &job, (unsigned)chunks, 0);
    return 0;
}
