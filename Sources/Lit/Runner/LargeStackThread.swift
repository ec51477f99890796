import Foundation

/// Runs work on a thread with a large stack, so that deep (but bounded) recursion in a
/// cell hits the interpreter's depth limit long before the real stack runs out.
enum LargeStackThread {
    static let stackSize = 1 << 30

    static func run<T>(_ body: @escaping () -> T) -> T {
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
    var result: T?
    let body: () -> T

    init(_ body: @escaping () -> T) { self.body = body }

    func run() { result = body() }
}
