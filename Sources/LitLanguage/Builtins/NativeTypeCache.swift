import Foundation

/// One `NativeType` per Swift class, made the first time an object of that class
/// reaches a cell: for library class hierarchies (layers, optimizers) whose subclasses
/// each show their own name and members.
package final class NativeTypeCache: @unchecked Sendable {
    private var types: [ObjectIdentifier: NativeType] = [:]
    private let lock = NSLock()

    package init() {}

    package func type(for object: AnyObject, make: () -> NativeType) -> NativeType {
        let key = ObjectIdentifier(Swift.type(of: object))
        return lock.withLock {
            if let found = types[key] { return found }
            let type = make()
            types[key] = type
            return type
        }
    }
}
