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
        // The snapshot format: a checked binary encoding and its file envelope, for the
        // cache that lets a re-run resume where the chapter changed.
        .target(name: "LitArchive", dependencies: ["LitDiagnostics", "CZlib"]),
        // Tensors, their operations and autograd.
        .target(name: "LitTensor", dependencies: ["LitKernels", "COpenBLAS", "LitDiagnostics", "LitRandom"]),
        // Modules, layers, losses, optimizers and the training loop, usable from plain Swift.
        .target(name: "LitNN", dependencies: ["LitTensor", "LitDiagnostics"]),
        // IDX files, Fashion-MNIST, resizing and loaders; the chapter's files cells read
        // and the parameter files they save.
        .target(name: "LitData", dependencies: ["LitTensor", "LitArchive", "LitDiagnostics", "CZlib"]),
        // Training tables, SVG figures (the training curve, line charts, image grids with
        // their pixels as PNG through zlib) and progress lines.
        .target(name: "LitRendering", dependencies: ["LitNN", "LitDiagnostics", "CZlib"]),
        // The chapter: cmark reading, cells, the output-block format, splicing, atomic
        // writes. The only user of CMark.
        .target(name: "LitDocument", dependencies: ["CMark", "LitDiagnostics"]),
        // The cell language: lexer, parser, resolver and interpreter. It knows nothing of
        // tensors; libraries plug in through its registration API.
        .target(name: "LitLanguage", dependencies: ["LitDiagnostics", "LitRandom", "LitArchive"]),
        // The cell bindings of tensors, modules, data and `train`.
        .target(name: "LitLibrary", dependencies: ["LitLanguage", "LitArchive", "LitNN", "LitData", "LitRendering", "LitDocument", "LitRandom"]),
        // Publishing: chapters as a static web site. It runs no cell; it reads the document
        // model and colours cells with the cell language's lexer.
        .target(name: "LitPublishing", dependencies: ["LitDocument", "LitLanguage", "LitDiagnostics"]),
        // Running chapters: the runner, --check, publish and the command's jobs.
        .target(name: "Lit", dependencies: ["LitLibrary", "LitLanguage", "LitDocument", "LitRendering", "LitDiagnostics", "LitData", "LitArchive", "LitPublishing"]),
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
        // The tests: one test target per layer, each depending on the layer it tests and what
        // lies below it, so a test of a lower layer cannot import an upper one. Helpers
        // shared by several test targets are the two support targets; a helper used by one
        // test target stays in it. The fixtures in Tests/Fixtures belong to no target.
        //
        // Paths, temporary directories, the gzip and Fashion-MNIST fixtures (CZlib writes
        // them), the XML reader for SVG figures, the PNG reader for their images (CZlib
        // inflates them) and UTF-8 offsets in cell sources.
        .target(name: "LitTestSupport", dependencies: ["CZlib"], path: "Tests/LitTestSupport"),
        // Double references, finite-difference gradient checks and expectThrows, for the
        // tensor and layer tests. Imports Testing.
        .target(
            name: "LitTensorTestSupport",
            dependencies: ["LitTensor", "LitRandom", "LitDiagnostics"],
            path: "Tests/LitTensorTestSupport"
        ),
        // The printer's tests render LitLanguage's and LitDocument's messages.
        .testTarget(name: "LitDiagnosticsTests", dependencies: ["LitDiagnostics", "LitLanguage", "LitDocument"]),
        .testTarget(name: "LitTensorTests", dependencies: ["LitTensor", "LitKernels", "LitRandom", "LitDiagnostics", "LitTensorTestSupport"]),
        .testTarget(name: "LitNNTests", dependencies: ["LitNN", "LitTensor", "LitRandom", "LitTensorTestSupport"]),
        .testTarget(name: "LitDataTests", dependencies: ["LitData", "LitTensor", "LitArchive", "LitTestSupport"]),
        .testTarget(name: "LitRenderingTests", dependencies: ["LitRendering", "LitNN", "LitTestSupport"]),
        .testTarget(name: "LitDocumentTests", dependencies: ["LitDocument", "LitDiagnostics", "LitRandom", "LitTestSupport"]),
        .testTarget(name: "LitArchiveTests", dependencies: ["LitArchive"]),
        .testTarget(name: "LitPublishingTests", dependencies: ["LitPublishing", "LitDocument", "LitLanguage", "LitRandom", "LitTestSupport"]),
        .testTarget(name: "LitLanguageTests", dependencies: ["LitLanguage", "LitArchive", "LitDiagnostics", "LitTestSupport"]),
        // Also the cell language's conformance suite (Language/), whose cells run in a
        // ChapterSession, the interpreter with the library bound in.
        .testTarget(
            name: "LitLibraryTests",
            dependencies: [
                "LitLibrary", "LitLanguage", "LitNN", "LitData", "LitRendering", "LitDocument", "LitTensor",
                "LitRandom", "LitDiagnostics", "LitTestSupport", "LitArchive",
            ]
        ),
        // The runner, and the litrun executable driven as a process.
        .testTarget(
            name: "LitTests",
            dependencies: [
                "Lit", "LitLibrary", "LitLanguage", "LitDocument", "LitNN", "LitData", "LitTensor", "LitRandom",
                "LitDiagnostics", "LitTestSupport",
            ]
        ),
        .testTarget(name: "LitFuzzTargetsTests", dependencies: ["LitFuzzTargets", "LitDocument", "LitTestSupport"]),
    ]
)
