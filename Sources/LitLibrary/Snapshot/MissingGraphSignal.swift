/// Set when a backward pass reaches a tensor whose live gradient graph a snapshot could
/// not keep; the runner then reruns the chapter from the start.
package final class MissingGraphSignal {
    package private(set) var isRaised = false

    func raise() { isRaised = true }
}
