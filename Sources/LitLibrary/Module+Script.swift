import LitLanguage
import LitNN

/// How cells see a module: the members every module has, and its layer's own. The
/// conformance lives here so that the network library knows nothing of cells.
extension Module: ScriptObject {
    public var scriptType: NativeType { ModuleScripting.nativeType(for: self) }
}
