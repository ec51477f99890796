import Foundation
import LitTensor

// The Swift half of the side-by-side benchmark: the same cases as torch_ops.py, through
// the tensor API that cells use, printed as one JSON object per line.

struct Options {
    var iterations = 20
    var warmup = 3
    var threads = 2
    /// Idle time before each timed step, as when a chapter's cells run between operations.
    var pauseMilliseconds = 0.0
    var cases: [String] = []

    init(_ arguments: [String]) {
        var index = 0
        func next() -> String {
            index += 1
            guard index < arguments.count else { fail("missing value after \(arguments[index - 1])") }
            return arguments[index]
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--iterations": iterations = Int(next()) ?? 0
            case "--warmup": warmup = Int(next()) ?? -1
            case "--threads": threads = Int(next()) ?? 0
            case "--pause-ms": pauseMilliseconds = Double(next()) ?? -1
            case "--cases": cases = next().split(separator: ",").map(String.init)
            default: fail("unknown option \(arguments[index])")
            }
            index += 1
        }
        if iterations < 1 || warmup < 0 || threads < 1 || pauseMilliseconds < 0 {
            fail("--iterations and --threads must be >= 1, --warmup and --pause-ms >= 0")
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("lit-bench: \(message)\n".utf8))
    exit(2)
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
LitTensor.setThreadCount(options.threads)
LitTensor.bindComputeThread()
let all = BenchCases.all() + LeNetCases.all()
let chosen = options.cases.isEmpty ? all.map(\.0) : options.cases
for name in chosen {
    guard let make = all.first(where: { $0.0 == name })?.1 else { fail("unknown case \(name)") }
    let benchCase = make()
    var samples: [Double] = []
    do {
        for iteration in 0..<(options.warmup + options.iterations) {
            benchCase.prepare()
            if options.pauseMilliseconds > 0 { usleep(UInt32(options.pauseMilliseconds * 1000)) }
            let start = DispatchTime.now().uptimeNanoseconds
            try benchCase.step()
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            if iteration >= options.warmup { samples.append(elapsed) }
        }
    } catch {
        fail("\(name): \(error)")
    }
    samples.sort()
    let median = samples.count % 2 == 1 ? samples[samples.count / 2] : (samples[samples.count / 2 - 1] + samples[samples.count / 2]) / 2
    printLine("{\"case\": \"\(name)\", \"ms\": \(String(format: "%.6f", median)), \"gflop\": \(String(format: "%.9f", benchCase.gflop))}")
}

/// Writes a line unbuffered, so the driver sees each case as it finishes.
func printLine(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

