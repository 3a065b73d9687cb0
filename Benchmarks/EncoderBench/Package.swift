// swift-tools-version: 6.1
// Throughput benchmark of ConcordEncoder. Run it through scripts/bench-encoder, which also runs the reference
// engine on the same texts and prints both side by side.
import PackageDescription

let package = Package(
    name: "EncoderBench",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Concord", path: "../..")],
    targets: [
        .executableTarget(
            name: "EncoderBench",
            dependencies: [.product(name: "ConcordEncoder", package: "Concord")]
        )
    ]
)
