import LitFuzzTargets

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInterpreter(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzTarget.interpreter.fuzzOne(data, count)
}
