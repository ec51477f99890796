/// An object of a cell-declared class.
public final class Instance {
    package let classInfo: ClassInfo
    package var fields: [String: Value] = [:]

    package init(_ classInfo: ClassInfo) {
        self.classInfo = classInfo
    }
}
