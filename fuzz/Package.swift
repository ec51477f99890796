// swift-tools-version:5.4
// libFuzzer binaries for litrun, one per fuzz target. Only scripts/fuzz builds them, with
// `-sanitize=fuzzer`, so the main package never links libFuzzer. Tools version 5.4 on
// purpose: from 5.5 on, SwiftPM renames an executable's `main`, and libFuzzer's `main`
// must stay the program's entry point.
import Foundation
import PackageDescription

// A path dependency is known by its folder's name, whatever the checkout is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let litFuzzTargets: Target.Dependency = .product(name: "LitFuzzTargets", package: root.lastPathComponent)

let package = Package(
    name: "litrun-fuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(name: "FuzzDocument", dependencies: [litFuzzTargets]),
        .executableTarget(name: "FuzzParser", dependencies: [litFuzzTargets]),
        .executableTarget(name: "FuzzInterpreter", dependencies: [litFuzzTargets]),
    ]
)
