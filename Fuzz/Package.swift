// swift-tools-version: 6.0
import PackageDescription

/// Coverage-guided fuzzing of Dossier's loaders with libFuzzer. A package of its own so the main build never needs
/// the sanitizer: `Fuzz/run.sh` builds it with `-sanitize=fuzzer` (every module instrumented) and runs a campaign.
let package = Package(
    name: "DossierFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Dossier", path: "..")],
    targets: [
        .target(name: "CFuzzerDriver"),
        .executableTarget(name: "dossier-fuzz", dependencies: ["CFuzzerDriver", .product(name: "DossierKit", package: "Dossier")]),
    ]
)
