// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "goalbook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "goalbook", targets: ["goalbook"]),
        .library(name: "GoalbookCore", targets: ["GoalbookCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/ordo-one/TextTable", exact: "0.0.2"),
    ],
    targets: [
        // The core: canon, templates, goals, history, reports and the store. No ArgumentParser here.
        .target(
            name: "GoalbookCore",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "TextTable", package: "TextTable"),
            ],
            plugins: ["EmbedResources"]
        ),
        // Build time: migrations/sqlite/ and canon/ become Swift source inside the core, so the
        // binary is one self-contained file and nothing generated is committed.
        .executableTarget(name: "embed-resources", path: "Plugins/EmbedResourcesTool"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["embed-resources"]),
        // The thin executable: one subcommand a file, each parses, calls the core and prints.
        .executableTarget(
            name: "goalbook",
            dependencies: [
                "GoalbookCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers both test targets share: temp folders, fixtures, database dumps, running the binary.
        .target(
            name: "GoalbookTestSupport",
            dependencies: ["GoalbookCore", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/GoalbookTestSupport"
        ),
        .testTarget(
            name: "GoalbookCoreTests",
            dependencies: ["GoalbookCore", "GoalbookTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "goalbookTests",
            dependencies: ["goalbook", "GoalbookCore", "GoalbookTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"]
        ),
    ]
)
