import LitKernels
import COpenBLAS

/// The one place that multiplies matrices. oneDNN's SGEMM goes first: it was measured
/// faster than OpenBLAS here (256³: 225 against 140-180 GFLOP/s with 2 threads).
/// OpenBLAS takes over should oneDNN refuse. Matrices are row-major.
package enum BLAS {
    package static func setThreadCount(_ count: Int) {
        openblas_set_num_threads(Int32(count))
        lk_dnnl_set_threads(Int32(count))
    }

    /// C = alpha * op(A) * op(B) + beta * C, where op(A) is m×k and op(B) is k×n.
    package static func sgemm(transposeA: Bool = false, transposeB: Bool = false, m: Int, n: Int, k: Int,
                      alpha: Float = 1, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                      beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int) {
        guard m > 0 && n > 0 else { return }
        if lk_dnnl_sgemm(transposeA ? 1 : 0, transposeB ? 1 : 0, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) == 0 { return }
        openBLAS(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb,
                 beta: beta, c: c, ldc: ldc)
    }

    /// The same product through OpenBLAS.
    package static func openBLAS(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float, a: UnsafePointer<Float>,
                         lda: Int, b: UnsafePointer<Float>, ldb: Int, beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }
}
