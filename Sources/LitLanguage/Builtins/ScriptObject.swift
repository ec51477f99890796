/// A native Swift object that cells can hold: the bridge through which library types
/// (tensors, layers, data loaders) appear in the cell language as themselves.
public protocol ScriptObject: AnyObject {
    var scriptType: NativeType { get }
}
