import Foundation
import Synchronization

/// Persistent worker threads that wait by spinning for a short while before sleeping,
/// as OpenMP runtimes do: a parallel loop starts in well under a microsecond, where
/// waking a sleeping thread through Dispatch costs tens of microseconds.
final class WorkerPool: @unchecked Sendable {
    static let shared = WorkerPool(workers: Parallel.threadCount - 1)

    /// About 50 µs of polling before a worker goes to sleep.
    private static let spinLimit = 20_000

    private let workerCount: Int
    private let generation = Atomic<Int>(0)
    /// The running job's ticket dispenser: job number << 32 | chunk count << 16 | next
    /// chunk. One atomic word, so a late worker can never take a chunk of the wrong job.
    private let tickets = Atomic<Int>(0)
    private var jobNumber = 0
    private let unfinished = Atomic<Int>(0)
    private let busy = Atomic<Bool>(false)
    /// Set before handing the cores to another thread pool (oneDNN's OpenMP, OpenBLAS),
    /// so that idle workers stop spinning at once instead of competing for the cores.
    private let parked = Atomic<Bool>(false)
    private let wakeUp = NSCondition()
    private var job: ((Int) -> Void)?

    private init(workers: Int) {
        workerCount = max(0, workers)
        for _ in 0..<workerCount {
            let thread = Thread { [unowned self] in self.workerLoop() }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    /// Runs `body(chunk)` for every chunk in `0..<chunks`, on the calling thread and the
    /// workers. A call made while another parallel loop is running (nested, or from
    /// another thread) simply runs serially.
    func run(chunks: Int, _ body: (Int) -> Void) {
        guard workerCount > 0, chunks > 1,
              busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
            for chunk in 0..<chunks { body(chunk) }
            return
        }
        withoutActuallyEscaping(body) { body in
            parked.store(false, ordering: .relaxed)
            job = body
            jobNumber = (jobNumber + 1) & 0xFFFF_FFFF
            unfinished.store(chunks, ordering: .relaxed)
            // Releasing: a worker that takes a ticket also sees the job written above.
            tickets.store(jobNumber << 32 | chunks << 16, ordering: .releasing)
            wakeUp.lock()
            generation.add(1, ordering: .releasing)
            wakeUp.broadcast()
            wakeUp.unlock()
            work()
            while unfinished.load(ordering: .acquiring) > 0 {}
            job = nil
        }
        busy.store(false, ordering: .releasing)
    }

    /// Sends idle workers to sleep until the next parallel loop.
    func parkWorkers() {
        parked.store(true, ordering: .relaxed)
    }

    /// Takes chunks until none are left.
    private func work() {
        var ticket = tickets.load(ordering: .acquiring)
        while true {
            let chunk = ticket & 0xFFFF, chunks = (ticket >> 16) & 0xFFFF
            guard chunk < chunks else { return }
            let (taken, current) = tickets.compareExchange(expected: ticket, desired: ticket + 1, ordering: .acquiringAndReleasing)
            guard taken else { ticket = current; continue }
            runChunk(chunk)
            unfinished.subtract(1, ordering: .releasing)
            ticket = tickets.load(ordering: .acquiring)
        }
    }

    /// Kept out of line so that this thread's reference to the job is gone before the
    /// chunk is counted as done, when `run` may already be returning.
    @inline(never)
    private func runChunk(_ chunk: Int) {
        job?(chunk)
    }

    private func workerLoop() {
        var seen = 0
        while true {
            var spins = 0
            while generation.load(ordering: .acquiring) == seen {
                spins += 1
                if spins < WorkerPool.spinLimit && !parked.load(ordering: .relaxed) { continue }
                wakeUp.lock()
                while generation.load(ordering: .acquiring) == seen { wakeUp.wait() }
                wakeUp.unlock()
            }
            seen = generation.load(ordering: .acquiring)
            work()
        }
    }
}
