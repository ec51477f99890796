import LitKernels
import COpenBLAS

/// The one place that calls BLAS. Matrices are row-major.
enum BLAS {
    static func setThreadCount(_ count: Int) {
        openblas_set_num_threads(Int32(count))
        lk_dnnl_set_threads(Int32(count))
    }

    /// C = alpha * op(A) * op(B) + beta * C, where op(A) is m×k and op(B) is k×n.
    static func sgemm(transposeA: Bool = false, transposeB: Bool = false, m: Int, n: Int, k: Int,
                      alpha: Float = 1, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                      beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int) {
        guard m > 0 && n > 0 else { return }
        WorkerPool.shared.parkWorkers()
        cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }
}
