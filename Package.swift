// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "litrun",
    products: [
        .library(name: "Lit", targets: ["Lit"]),
        .executable(name: "litrun", targets: ["litrun"]),
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
        .target(
            name: "Lit",
            dependencies: ["CMark"]
        ),
        .executableTarget(
            name: "litrun",
            dependencies: [
                "Lit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "LitTests",
            dependencies: ["Lit"],
            exclude: ["Fixtures"]
        ),
    ]
)
