// The machine's single-precision FMA peak, measured rather than looked up: the ceiling
// that the whole-model benchmark compares litrun's effective GFLOP/s with.
#ifndef BENCH_PEAK_H
#define BENCH_PEAK_H

/// GFLOP/s of independent fused multiply-adds on `threads` threads, each running for
/// about `seconds`, with the widest vectors the CPU has (AVX-512, else AVX2 + FMA).
/// Returns 0 on a CPU with neither.
double bench_fma_peak_gflops(int threads, double seconds);

/// The vector extension that the peak was measured with: "avx512f", "avx2" or "none".
const char *bench_fma_peak_isa(void);

#endif
