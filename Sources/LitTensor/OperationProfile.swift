import Foundation

/// Where the time of a training step goes, by kind of operation: the benchmark's profile.
/// Off unless a benchmark starts it; then the time of every operation's kernels run on the
/// starting thread is added to its kind (other threads' operations are not counted). An
/// operation run inside another counts once, for the outer one. What is left of a step's
/// time is the framework's own: graph bookkeeping, allocation, the interpreter.
package enum OperationProfile {
    package enum Kind: String, CaseIterable, Sendable {
        case convolutionForward = "conv forward"
        case convolutionBackwardData = "conv backward-data"
        case convolutionBackwardWeights = "conv backward-weights"
        case planeMatrix = "conv plane matrices"
        case batchNormForward = "BN forward"
        case batchNormBackward = "BN backward"
        case reluForward = "ReLU forward"
        case reluBackward = "ReLU backward"
        case catForward = "cat forward"
        case catBackward = "cat backward"
        case poolingForward = "pooling forward"
        case poolingBackward = "pooling backward"
        case linear = "linear (fwd + bwd)"
        case elementwise = "elementwise, gradient sums"
        case reduction = "reductions"
        case loss = "loss, accuracy"
        case optimizer = "optimizer (Adam)"

        /// The kind's slot in the totals, looked up once rather than at every operation.
        private static let indices = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
        fileprivate var index: Int { Kind.indices[self]! }
    }

    nonisolated(unsafe) package private(set) static var isEnabled = false
    nonisolated(unsafe) private static var owner = pthread_self()
    nonisolated(unsafe) private static var nanoseconds = [UInt64](repeating: 0, count: Kind.allCases.count)
    nonisolated(unsafe) private static var depth = 0

    @inline(__always)
    package static func measure<R, E>(_ kind: Kind, _ body: () throws(E) -> R) throws(E) -> R {
        guard isEnabled, depth == 0, pthread_equal(owner, pthread_self()) != 0 else { return try body() }
        depth += 1
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            depth -= 1
            nanoseconds[kind.index] += DispatchTime.now().uptimeNanoseconds - start
        }
        return try body()
    }

    /// Starts counting, from zero, the operations that the calling thread runs.
    package static func start() {
        reset()
        owner = pthread_self()
        isEnabled = true
    }

    package static func stop() {
        isEnabled = false
    }

    package static func reset() {
        nanoseconds = [UInt64](repeating: 0, count: Kind.allCases.count)
    }

    /// Milliseconds per kind since the last reset, in the order of `Kind`.
    package static var milliseconds: [(Kind, Double)] {
        zip(Kind.allCases, nanoseconds).map { ($0, Double($1) / 1e6) }
    }
}
