#ifndef _GNU_SOURCE
#define _GNU_SOURCE   // sched_setaffinity and CPU_SET
#endif
#include "LitKernels.h"

#if defined(__linux__)
#include <sched.h>
#include <unistd.h>

int lk_allowed_cpus(int *cpus, int capacity) {
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) != 0) return 0;
    int count = 0;
    for (int cpu = 0; cpu < CPU_SETSIZE && count < capacity; cpu++)
        if (CPU_ISSET(cpu, &set)) cpus[count++] = cpu;
    return count;
}

int lk_pin_thread(long thread, int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    return sched_setaffinity((pid_t)thread, sizeof set, &set);
}

long lk_current_thread(void) { return (long)gettid(); }

int lk_current_cpu(void) { return sched_getcpu(); }
#else
int lk_allowed_cpus(int *cpus, int capacity) { (void)cpus; (void)capacity; return 0; }
int lk_pin_thread(long thread, int cpu) { (void)thread; (void)cpu; return -1; }
long lk_current_thread(void) { return 0; }
int lk_current_cpu(void) { return -1; }
#endif
