import LitFuzzTargets

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzTarget.parser.fuzzOne(data, count)
}
