// swift-tools-version:6.0
import PackageDescription

// The pipeline as layers; each target depends only on layers below it, so the compiler
// refuses a back edge:
//
//   topograph (CLI) ── TopographCore (façade: re-exports the layers)
//   TopographCore ─┬─ TopographDocs ─┬─ TopographDiagram ─┬─ CGraphviz
//                  │                 │                    └─ TopographDiff
//                  │                 ├─ TopographRunbooks ─── TopographDiff
//                  │                 ├─ TopographLint
//                  │                 └─ TopographInput
//                  └─ TopographImport ─┬─ TopographInput
//                                      └─ TopographDiff
//   every layer ────────────────────────────── TopographModel
//
// Only TopographDiagram (and what is above it: Docs, Core, the CLI) links Graphviz.
//
// Docs/architecture.md draws the same graph and says what each target holds.
let package = Package(
    name: "topograph",
    // Linux only (Debian/Ubuntu with libgraphviz-dev): the SVG context loads Graphviz's
    // plugins by their Linux names (libgvplugin_core.so.6, Sources/CGraphviz/shim.h) and no
    // macOS build is tested, so none is claimed. Docs/architecture.md says what a port needs.
    products: [
        .executable(name: "topograph", targets: ["topograph"]),
        .library(name: "TopographCore", targets: ["TopographCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        // `serve`'s HTTP server and WebSocket: no dependencies of its own (a clean debug
        // build measured ~110 s over an empty package on this loaded 2-core machine,
        // Hummingbird 2.28.1 with SwiftNIO ~950 s; see Docs/html.md).
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // Graphviz's C libraries (cgraph + gvc), linked in-process. Only TopographDiagram's
        // engine files (Graphviz/GraphvizEngine*, LayoutFinish, LayoutGeometry+Graphviz)
        // import this module.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),

        // Diagnostics, the topology model, the kind catalog, placement facts, text escapers,
        // the output writer: what every other layer speaks. No dependencies.
        .target(name: "TopographModel"),

        // YAML (Yams) -> TopologyDocument -> stages -> validated LoadedTopology; git and
        // stdin sources; the JSON Schema. The only layer that imports Yams.
        .target(
            name: "TopographInput",
            dependencies: ["TopographModel", .product(name: "Yams", package: "Yams")]
        ),

        // The renderers' model (Diagram), Mermaid and Graphviz, and the diff's drawing (a
        // `DiffOverlay` on a Diagram). The only layer that imports CGraphviz.
        .target(name: "TopographDiagram", dependencies: ["TopographModel", "TopographDiff", "CGraphviz"]),

        // AWS lint rules over a validated topology.
        .target(name: "TopographLint", dependencies: ["TopographModel"]),

        // The semantic architecture diff and its reports (Markdown, JSON, text); its drawing
        // lives in TopographDiagram, so runbooks and import do not link Graphviz.
        .target(name: "TopographDiff", dependencies: ["TopographModel"]),

        // Stage and migration runbooks from Mustache templates.
        .target(
            name: "TopographRunbooks",
            dependencies: [
                "TopographModel", "TopographDiff",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // Templates lives at the repository's top level (templates/runbook) where users
            // look for it; Sources/TopographRunbooks/Templates is a symlink SwiftPM follows.
            resources: [.embedInCode("Templates")]
        ),

        // The interactive page of a topology (`render --format html`, the docs tree's pages,
        // `serve`): every stage's SVG, the migration's changes, lint findings and runbook
        // sections (Markdown to HTML through Ink) in one self-contained file.
        .target(
            name: "TopographHTML",
            dependencies: [
                "TopographModel", "TopographDiagram", "TopographLint", "TopographRunbooks", "TopographDiff",
                .product(name: "Ink", package: "Ink"),
            ],
            resources: [.embedInCode("Assets")]
        ),

        // `topograph serve`: the pages over HTTP on 127.0.0.1, re-rendered when a file is
        // saved, open pages reloaded through a WebSocket. The only layer that imports FlyingFox.
        .target(
            name: "TopographServe",
            dependencies: [
                "TopographModel", "TopographInput", "TopographDiagram", "TopographHTML",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),

        // The docs tree (`generate` / `check`): runs every emitter over a set of topologies.
        .target(
            name: "TopographDocs",
            dependencies: [
                "TopographModel", "TopographInput", "TopographDiagram", "TopographLint",
                "TopographRunbooks", "TopographDiff", "TopographHTML",
            ]
        ),

        // Infrastructure as code -> topology (`import`) and topology vs. templates (`drift`):
        // reads CloudFormation (with Yams, for the short-form tags and their positions) and
        // Terraform plans, writes topologies through Yams' emitter, compares through the diff.
        .target(
            name: "TopographImport",
            dependencies: ["TopographModel", "TopographInput", "TopographDiff", .product(name: "Yams", package: "Yams")]
        ),

        // The library product: re-exports the layers for tools that embed Topograph.
        .target(
            name: "TopographCore",
            dependencies: [
                "TopographModel", "TopographInput", "TopographDiagram", "TopographLint",
                "TopographDiff", "TopographRunbooks", "TopographHTML", "TopographDocs", "TopographImport",
            ]
        ),

        // The thin command-line layer: parse arguments, call the layers, map exit codes.
        .executableTarget(
            name: "topograph",
            dependencies: [
                "TopographCore", "TopographServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Tests: one target per library target, folders mirroring the sources, and a support
        // target (fixture paths, goldens) they share. Each test target depends only on the
        // layers its target sees, so `swift build --target TopographLintTests` compiles no
        // Graphviz (on Linux, `swift test` links every test target into one bundle).
        // Inputs and goldens live in Tests/Fixtures.
        .target(name: "TopographTestSupport", dependencies: ["TopographInput", "TopographDiff"], path: "Tests/TopographTestSupport"),
        .testTarget(name: "TopographModelTests", dependencies: ["TopographModel", "TopographTestSupport"]),
        .testTarget(name: "TopographInputTests", dependencies: ["TopographInput", "TopographTestSupport"]),
        .testTarget(name: "TopographDiagramTests", dependencies: ["TopographDiagram", "TopographDiff", "TopographInput", "TopographTestSupport"]),
        .testTarget(name: "TopographLintTests", dependencies: ["TopographLint", "TopographInput", "TopographTestSupport"]),
        .testTarget(name: "TopographDiffTests", dependencies: ["TopographDiff", "TopographInput", "TopographTestSupport"]),
        .testTarget(name: "TopographRunbooksTests", dependencies: ["TopographRunbooks", "TopographDiff", "TopographInput", "TopographTestSupport"]),
        .testTarget(name: "TopographDocsTests", dependencies: ["TopographDocs", "TopographDiagram", "TopographLint", "TopographInput", "TopographTestSupport"]),
        .testTarget(name: "TopographImportTests", dependencies: ["TopographImport", "TopographInput", "TopographTestSupport"]),
        .testTarget(name: "TopographHTMLTests", dependencies: ["TopographHTML", "TopographInput", "TopographDiagram", "TopographTestSupport"]),
        .testTarget(name: "TopographServeTests", dependencies: ["TopographServe", "TopographTestSupport"]),
        // The CLI run as a process, and the library façade.
        .testTarget(name: "TopographCLITests", dependencies: ["TopographCore", "TopographTestSupport"]),
    ]
)
