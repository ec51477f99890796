import Foundation
import LitKernels
import Synchronization

/// Persistent worker threads that wait by spinning for a short while before sleeping,
/// as OpenMP runtimes do: a parallel loop starts in well under a microsecond, where
/// waking a sleeping thread through Dispatch costs tens of microseconds.
final class WorkerPool: @unchecked Sendable {
    static let shared = WorkerPool(workers: Parallel.threadCount - 1)

    /// How long an idle worker polls before it sleeps: longer than the gaps between the
    /// operations of a training step, so that a step never pays for a wake-up.
    private static let spinNanoseconds: UInt64 = 300_000

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
        placements = (0..<workerCount).map { _ in Placement() }
        // Placements are written by each worker as it starts, and afterwards only by the
        // thread holding `busy`; waiting for the starts keeps the two apart.
        let started = DispatchSemaphore(value: 0)
        for worker in 0..<workerCount {
            let thread = Thread { [unowned self] in
                placements[worker].thread = lk_current_thread()
                let cpus = WorkerPool.allowedCPUs
                place(worker, onCPU: cpus.isEmpty ? -1 : cpus[(worker + 1) % cpus.count])
                started.signal()
                self.workerLoop()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        for _ in 0..<workerCount { started.wait() }
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
        keepWorkersOffCallerCPU()
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

    /// The CPUs this process may use, read once before any thread is pinned.
    private static let allowedCPUs: [Int] = {
        var cpus = [Int32](repeating: 0, count: 1024)
        let count = Int(lk_allowed_cpus(&cpus, Int32(cpus.count)))
        return cpus.prefix(count).map(Int.init)
    }()

    /// Where a worker runs: its kernel thread id and the CPU it is kept on.
    private final class Placement: @unchecked Sendable {
        var thread = 0
        var cpu = -1
    }
    private var placements: [Placement] = []

    /// Keeps a worker on one CPU, off the CPU of the thread that hands out the work.
    /// Some schedulers pack a thread that wakes up onto the core of the thread that woke
    /// it; a worker there would only take turns with the thread it should run beside.
    private func place(_ worker: Int, onCPU cpu: Int) {
        guard cpu >= 0, WorkerPool.allowedCPUs.count > 1 else { return }
        placements[worker].cpu = cpu
        _ = lk_pin_thread(placements[worker].thread, Int32(cpu))
    }

    /// Moves any worker sharing the caller's CPU to a CPU no one is on.
    private func keepWorkersOffCallerCPU() {
        let caller = Int(lk_current_cpu())
        guard caller >= 0 else { return }
        for (worker, placement) in placements.enumerated() where placement.cpu == caller && placement.thread != 0 {
            let taken = Set(placements.map(\.cpu)).union([caller])
            if let free = WorkerPool.allowedCPUs.first(where: { !taken.contains($0) }) { place(worker, onCPU: free) }
        }
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
            var idleSince: UInt64 = 0
            while generation.load(ordering: .acquiring) == seen {
                spins += 1
                // Reading the clock costs more than polling, so do it now and then.
                if spins & 255 != 0 && !parked.load(ordering: .relaxed) { continue }
                let now = DispatchTime.now().uptimeNanoseconds
                if idleSince == 0 { idleSince = now }
                if now - idleSince < WorkerPool.spinNanoseconds && !parked.load(ordering: .relaxed) { continue }
                wakeUp.lock()
                while generation.load(ordering: .acquiring) == seen { wakeUp.wait() }
                wakeUp.unlock()
            }
            seen = generation.load(ordering: .acquiring)
            work()
        }
    }
}
