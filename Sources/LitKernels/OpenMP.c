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
#include <sched.h>

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

/// Whether an OpenMP runtime is loaded, its entry points looked up once.
static int available(void) {
    pthread_once(&resolved, resolve);
    return gomp_parallel && thread_number && team_size;
}

static void run_chunks(void *data) {
    lk_job *job = data;
    long step = team_size(), first = thread_number();
    for (long chunk = first; chunk < job->chunks; chunk += step) job->task(job->context, chunk);
}

typedef struct {
    int cpus[256];
    int count;
} lk_cpu_list;

static void pin_each_thread(void *data) {
    const lk_cpu_list *list = data;
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(list->cpus[thread_number() % list->count], &set);
    sched_setaffinity(0, sizeof set, &set);
}

int lk_openmp_bind_threads(int threads) {
    if (!available() || threads < 2) return 1;
    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return 1;
    lk_cpu_list list = {.count = 0};
    for (int cpu = 0; cpu < CPU_SETSIZE && list.count < 256; cpu++)
        if (CPU_ISSET(cpu, &allowed)) list.cpus[list.count++] = cpu;
    if (list.count < 2) return 1;
    // One region of the full team: the threads exist before any is pinned, so none
    // inherits another's single-CPU mask, and later regions reuse exactly these.
    gomp_parallel(pin_each_thread, &list, (unsigned)threads, 0);
    return 0;
}

int lk_openmp_parallel(long chunks, int threads, lk_task task, void *context) {
    if (!available()) return 1;
    lk_job job = {task, context, chunks};
    gomp_parallel(run_chunks, &job, (unsigned)(threads < chunks ? threads : chunks), 0);
    return 0;
}
