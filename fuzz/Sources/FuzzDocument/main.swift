import LitFuzzTargets

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocument(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzTarget.document.fuzzOne(data, count)
}
