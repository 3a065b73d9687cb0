// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Concord",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "concord", targets: ["concord"]),
        .library(name: "ConcordCore", targets: ["ConcordCore"]),
        .library(name: "ConcordEncoder", targets: ["ConcordEncoder"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // C shims and system libraries.
        .target(
            name: "CFastText",
            cxxSettings: [.unsafeFlags(["-std=c++17", "-O2"])],
            linkerSettings: [.linkedLibrary("fasttext")]
        ),
        .target(
            name: "CCLD2",
            linkerSettings: [.linkedLibrary("cld2")]
        ),
        .systemLibrary(name: "CStemmer", path: "Sources/CStemmer"),
        .systemLibrary(name: "COpenBLAS", path: "Sources/COpenBLAS"),

        // Pure core: model, text pipeline, features, clustering.
        .target(
            name: "ConcordCore",
            dependencies: ["CStemmer"]
        ),
        // Language identification over fastText (primary) and CLD2 (second opinion).
        .target(
            name: "ConcordLanguage",
            dependencies: ["ConcordCore", "CFastText", "CCLD2"]
        ),
        // multilingual-e5-small, our own implementation over OpenBLAS.
        .target(
            name: "ConcordEncoder",
            dependencies: ["COpenBLAS"]
        ),
        // Storage protocol and in-memory store.
        .target(
            name: "ConcordStore",
            dependencies: ["ConcordCore"]
        ),
        // The pipeline end to end over a store: the CLI's and the server's engine.
        .target(
            name: "ConcordEngine",
            dependencies: ["ConcordCore", "ConcordStore", "ConcordEncoder"]
        ),
        // SQLite store (default), through GRDB.
        .target(
            name: "ConcordSQLite",
            dependencies: ["ConcordCore", "ConcordStore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .executableTarget(
            name: "concord",
            dependencies: [
                "ConcordCore", "ConcordLanguage", "ConcordEncoder", "ConcordStore", "ConcordSQLite", "ConcordEngine",
                "ConcordServer", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // `concord serve`: the engine over HTTP.
        .target(
            name: "ConcordServer",
            dependencies: [
                "ConcordCore", "ConcordStore", "ConcordEngine", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The scale benchmark's driver (scripts/bench-scale); not a product.
        .executableTarget(
            name: "concord-bench",
            dependencies: ["ConcordCore", "ConcordLanguage", "ConcordEncoder", "ConcordSQLite", "ConcordEngine"]
        ),

        .testTarget(name: "ConcordCoreTests", dependencies: ["ConcordCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ConcordLanguageTests", dependencies: ["ConcordCore", "ConcordLanguage"]),
        .testTarget(name: "ConcordEncoderTests", dependencies: ["ConcordEncoder"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ConcordStoreTests", dependencies: ["ConcordCore", "ConcordStore", "ConcordSQLite", "ConcordEngine"]),
        .testTarget(
            name: "ConcordServerTests",
            dependencies: [
                "ConcordCore", "ConcordStore", "ConcordEngine", "ConcordServer",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
        .testTarget(name: "ConcordCLITests", dependencies: ["concord", "ConcordEngine"]),
    ]
)
