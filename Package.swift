// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "topograph",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "topograph", targets: ["topograph"]),
        .library(name: "TopographCore", targets: ["TopographCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // Graphviz's C libraries (cgraph + gvc), linked in-process. Only
        // Rendering/Graphviz/GraphvizEngine.swift imports this module.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),

        // The whole pipeline: YAML -> validated model -> per-stage topologies -> emitters.
        .target(
            name: "TopographCore",
            dependencies: [
                "CGraphviz",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),

        // The thin command-line layer: parse arguments, call the core, map exit codes.
        .executableTarget(
            name: "topograph",
            dependencies: [
                "TopographCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(
            name: "TopographCoreTests",
            dependencies: ["TopographCore"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "TopographCLITests",
            dependencies: ["TopographCore"]
        ),
    ]
)
