// The process's one oneDNN engine and stream, shared by the convolution and SGEMM
// wrappers. oneDNN is not safe to drive from two threads at once here, so every use goes
// between lk_dnnl_enter() and lk_dnnl_leave().
#ifndef LIT_ONEDNN_H
#define LIT_ONEDNN_H

#include "LitConvolution.h"

#if __has_include(<dnnl.h>)
#define LK_HAS_ONEDNN 1
#include <dnnl.h>

extern dnnl_engine_t lk_dnnl_engine;
extern dnnl_stream_t lk_dnnl_stream;
/// What lk_dnnl_set_threads asked for; 0 for OpenMP's default.
extern int lk_dnnl_threads;

/// Takes the lock, starts oneDNN on first use and applies the thread count. Returns
/// nonzero when oneDNN cannot run; call lk_dnnl_leave() either way.
int lk_dnnl_enter(void);
void lk_dnnl_leave(void);
#else
#define LK_HAS_ONEDNN 0
#endif

#endif
