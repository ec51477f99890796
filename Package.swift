// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "litrun",
    products: [
        .library(name: "Lit", targets: ["Lit"]),
        .library(name: "LitNN", targets: ["LitNN"]),
        .executable(name: "litrun", targets: ["litrun"]),
        .executable(name: "lit-bench", targets: ["lit-bench"]),
        // For the libFuzzer package in fuzz/, which links these bodies into fuzz binaries.
        .library(name: "LitFuzzTargets", targets: ["LitFuzzTargets"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Hand-written kernels in C: compiled once per instruction set and picked at load
        // time, which Swift code cannot do.
        .target(
            name: "LitKernels",
            cSettings: [.unsafeFlags(["-O3", "-fno-math-errno"])],
            // oneDNN (Debian's libdnnl-dev) has no pkg-config file.
            linkerSettings: [.linkedLibrary("dnnl")]
        ),
        // One target per layer; each depends only on layers below it, so an import that
        // runs upward does not compile. Diagnostics and Random sit at the bottom.
        .target(name: "LitDiagnostics"),
        .target(name: "LitRandom"),
        // Tensors, their operations and autograd.
        .target(name: "LitTensor", dependencies: ["LitKernels", "COpenBLAS", "LitDiagnostics", "LitRandom"]),
        // Modules, layers, losses, optimizers and the training loop, usable from plain Swift.
        .target(name: "LitNN", dependencies: ["LitTensor"]),
        // IDX files, Fashion-MNIST, resizing and loaders.
        .target(name: "LitData", dependencies: ["LitTensor", "CZlib"]),
        // Training tables, SVG figures and progress lines.
        .target(name: "LitRendering", dependencies: ["LitNN"]),
        // The chapter: cmark reading, cells, the output-block format, splicing, atomic
        // writes. The only user of CMark.
        .target(name: "LitDocument", dependencies: ["CMark", "LitDiagnostics"]),
        // The cell language: lexer, parser, resolver and interpreter. It knows nothing of
        // tensors; libraries plug in through its registration API.
        .target(name: "LitLanguage", dependencies: ["LitDiagnostics", "LitRandom"]),
        // The cell bindings of tensors, modules, data and `train`.
        .target(name: "LitLibrary", dependencies: ["LitLanguage", "LitNN", "LitData", "LitRendering", "LitDocument"]),
        // Running chapters: the runner, --check and the command's jobs.
        .target(name: "Lit", dependencies: ["LitLibrary", "LitLanguage", "LitDocument", "LitRendering", "LitDiagnostics"]),
        // The fuzz targets' bodies: the fuzz binaries (fuzz/) and the test suite's corpus
        // replay run exactly this code.
        .target(
            name: "LitFuzzTargets",
            dependencies: ["Lit", "LitLibrary", "LitLanguage", "LitDocument", "LitDiagnostics"]
        ),
        .executableTarget(
            name: "litrun",
            dependencies: [
                "Lit", "LitLibrary", "LitDocument", "LitDiagnostics", "LitRendering", "LitNN", "LitData", "LitTensor",
                "LitRandom", "LitLanguage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "lit-bench",
            dependencies: [
                "Lit", "LitLibrary", "LitDocument", "LitDiagnostics", "LitNN", "LitTensor", "LitRandom", "LitLanguage", "BenchPeak",
            ],
            path: "bench/Sources/lit-bench"
        ),
        // The machine's FMA peak, which the whole-model benchmark measures itself.
        .target(name: "BenchPeak", path: "bench/Sources/BenchPeak", cSettings: [.unsafeFlags(["-O2"])]),
        .testTarget(
            name: "LitTests",
            // CZlib writes the gzip fixtures of the IDX reader's tests.
            dependencies: [
                "Lit", "LitLibrary", "LitLanguage", "LitDocument", "LitRendering", "LitData", "LitNN",
                "LitTensor", "LitRandom", "LitDiagnostics", "CZlib", "LitFuzzTargets",
            ],
            exclude: ["Fixtures"]
        ),
    ]
)
