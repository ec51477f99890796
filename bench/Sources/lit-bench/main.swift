import BenchPeak
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
    /// Seconds to measure the machine's FMA peak for, instead of running cases.
    var peakSeconds = 0.0
    /// Print where each case's step time goes, by kind of operation.
    var profile = false

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
            case "--fma-peak": peakSeconds = Double(next()) ?? -1
            case "--profile": profile = true
            default: fail("unknown option \(arguments[index])")
            }
            index += 1
        }
        if iterations < 1 || warmup < 0 || threads < 1 || pauseMilliseconds < 0 || peakSeconds < 0 {
            fail("--iterations and --threads must be >= 1, --warmup, --pause-ms and --fma-peak >= 0")
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("lit-bench: \(message)\n".utf8))
    exit(2)
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
if options.peakSeconds > 0 {
    let gflops = bench_fma_peak_gflops(Int32(options.threads), options.peakSeconds)
    let isa = String(cString: bench_fma_peak_isa())
    printLine("{\"fma_peak_gflops\": \(String(format: "%.1f", gflops)), \"isa\": \"\(isa)\", \"threads\": \(options.threads)}")
    exit(0)
}
LitTensor.setThreadCount(options.threads)
LitTensor.bindComputeThread()
let all = BenchCases.all() + LeNetCases.all() + ModelCases.all()
let chosen = options.cases.isEmpty ? all.map(\.0) : options.cases
for name in chosen {
    guard let make = all.first(where: { $0.0 == name })?.1 else { fail("unknown case \(name)") }
    let benchCase = make()
    var samples: [Double] = []
    do {
        for iteration in 0..<(options.warmup + options.iterations) {
            benchCase.prepare()
            if options.pauseMilliseconds > 0 { usleep(UInt32(options.pauseMilliseconds * 1000)) }
            if options.profile && iteration == options.warmup { OperationProfile.start() }
            let start = DispatchTime.now().uptimeNanoseconds
            try benchCase.step()
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            if iteration >= options.warmup { samples.append(elapsed) }
        }
    } catch {
        fail("\(name): \(error)")
    }
    if options.profile {
        OperationProfile.stop()
        printProfile(name, totalMilliseconds: samples.reduce(0, +), steps: samples.count)
    }
    samples.sort()
    let median = samples.count % 2 == 1 ? samples[samples.count / 2] : (samples[samples.count / 2 - 1] + samples[samples.count / 2]) / 2
    let images = benchCase.images > 0 ? ", \"images\": \(benchCase.images)" : ""
    printLine("{\"case\": \"\(name)\", \"ms\": \(String(format: "%.6f", median)), \"gflop\": \(String(format: "%.9f", benchCase.gflop))"
              + "\(images), \"peak_rss_mb\": \(String(format: "%.1f", peakResidentMegabytes()))}")
}

/// A Markdown table of where one step's time went: the kinds of operation, then what
/// is left, the framework's own time.
func printProfile(_ name: String, totalMilliseconds: Double, steps: Int) {
    let perStep = OperationProfile.milliseconds.map { ($0.0.rawValue, $0.1 / Double(steps)) }
    let step = totalMilliseconds / Double(steps)
    let measured = perStep.reduce(0) { $0 + $1.1 }
    var lines = ["", "\(name): \(String(format: "%.2f", step)) ms per step, mean of \(steps)", "",
                 "| operation | ms per step | share |", "|---|---:|---:|"]
    for (kind, ms) in perStep + [("framework overhead (the rest)", step - measured)] where ms > 0.0005 {
        lines.append("| \(kind) | \(String(format: "%.2f", ms)) | \(String(format: "%.1f %%", 100 * ms / step)) |")
    }
    FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
}

/// The process's peak resident memory so far (Linux reports ru_maxrss in KiB).
func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// Writes a line unbuffered, so the driver sees each case as it finishes.
func printLine(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

