/// An object of a cell-declared class.
public final class Instance {
    let classInfo: ClassInfo
    var fields: [String: Value] = [:]

    init(_ classInfo: ClassInfo) {
        self.classInfo = classInfo
    }
}
