// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "litrun",
    products: [
        .library(name: "Lit", targets: ["Lit"]),
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
        .target(
            name: "Lit",
            dependencies: ["CMark", "COpenBLAS", "CZlib", "LitKernels"]
        ),
        // The fuzz targets' bodies: the fuzz binaries (fuzz/) and the test suite's corpus
        // replay run exactly this code.
        .target(
            name: "LitFuzzTargets",
            dependencies: ["Lit"]
        ),
        .executableTarget(
            name: "litrun",
            dependencies: [
                "Lit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "lit-bench",
            dependencies: ["Lit"],
            path: "bench/Sources/lit-bench"
        ),
        .testTarget(
            name: "LitTests",
            // CZlib writes the gzip fixtures of the IDX reader's tests.
            dependencies: ["Lit", "CZlib", "LitFuzzTargets"],
            exclude: ["Fixtures"]
        ),
    ]
)
