import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C (SIGINT) or SIGTERM while cells run: the first one asks the running cell to
/// stop at its next loop iteration, call or training batch, so that the finished cells'
/// outputs are written; a second one ends the process at once (the chapter is written
/// atomically, so it is never left half-written).
public enum InterruptRequest {
    private static let requested = Atomic<Bool>(false)

    /// Whether Ctrl-C was pressed; cheap enough to read at every checkpoint.
    public static var isRequested: Bool { requested.load(ordering: .relaxed) }

    /// Installs the SIGINT and SIGTERM handlers; for the command, never for a library user.
    public static func install() {
        // Only an atomic store and _exit: both are async-signal-safe.
        for number in [SIGINT, SIGTERM] {
            signal(number) { _ in
                if InterruptRequest.requested.exchange(true, ordering: .relaxed) { _exit(130) }
            }
        }
        // A parent may start litrun with the signals blocked; threads started later (the
        // one that runs the cells) inherit this thread's mask.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }
}
