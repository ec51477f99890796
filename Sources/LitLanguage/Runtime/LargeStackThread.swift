import Foundation

/// Runs work on a thread with a large stack, so that deep (but bounded) recursion in a
/// cell hits the interpreter's depth limit long before the real stack runs out.
package enum LargeStackThread {
    package static let stackSize = 1 << 30

    package static func run<T>(_ body: @escaping () -> T) -> T {
        let box = ResultBox(body)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.run()
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        return box.result!
    }
}

/// Hands a result from the worker thread back; the semaphore orders the accesses.
private final class ResultBox<T>: @unchecked Sendable {
    package var result: T?
    package let body: () -> T

    package init(_ body: @escaping () -> T) { self.body = body }

    package func run() { result = body() }
}
