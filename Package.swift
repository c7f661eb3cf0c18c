// swift-tools-version: 6.0
import PackageDescription

/// Dossier: case file → resolved packet → bilingual HTML and PDF.
/// Dependencies point one way: DossierCore ← DocumentModel/CaseModel ← Rules ← Compose ← HTMLExport/Typesetting ← PDF ← DossierKit
/// ← Interview (the guided interview) ← InterviewServer (`dossier serve`) ← dossier.
let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .library(name: "DossierKit", targets: ["DossierKit"]),
        .library(name: "DossierRules", targets: ["CaseModel", "Rules"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The local web app (`dossier serve`): HTTP server, multipart uploads, ZIP downloads.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // System libraries: C pointers never leave the module that wraps them.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CHarfBuzz", pkgConfig: "harfbuzz", providers: [.apt(["libharfbuzz-dev"])]),
        .systemLibrary(name: "CHarfBuzzSubset", pkgConfig: "harfbuzz-subset", providers: [.apt(["libharfbuzz-dev"])]),
        .systemLibrary(name: "CFreeType", pkgConfig: "freetype2", providers: [.apt(["libfreetype-dev"])]),
        .systemLibrary(name: "CDossierZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // ICU's line breaker behind a plain C API: Swift never sees an ICU header (clash with Foundation's ICU).
        .target(name: "CLineBreak", linkerSettings: [.linkedLibrary("icuuc")]),
        // libhyphen (Debian libhyphen-dev, no pkg-config file) behind a C API that takes the pattern bytes.
        .target(name: "CHyphen", linkerSettings: [.linkedLibrary("hyphen")]),

        .target(name: "DossierCore"),
        .target(name: "DocumentModel", dependencies: ["DossierCore"]),
        .target(name: "CaseModel", dependencies: ["DossierCore", "Yams"]),
        .target(name: "Rules", dependencies: ["DossierCore", "CaseModel", "Yams"]),
        .target(name: "Compose", dependencies: ["DossierCore", "DocumentModel", "CaseModel", "Rules", "CLibXML2", .product(name: "Yams", package: "Yams")]),
        .target(name: "HTMLExport", dependencies: ["DossierCore", "DocumentModel"]),
        .target(name: "Typesetting", dependencies: ["DossierCore", "DocumentModel", "CHarfBuzz", "CFreeType", "CLineBreak", "CHyphen"]),
        .target(name: "PDF", dependencies: ["DossierCore", "DocumentModel", "Typesetting", "CHarfBuzz", "CHarfBuzzSubset", "CDossierZlib"]),
        // Sample document trees for the PDF engine's tests and benchmark (reusable by other tests).
        .target(name: "PDFFixtures", dependencies: ["DocumentModel"], path: "Benchmarks/Fixtures"),
        .executableTarget(name: "pdf-bench", dependencies: ["PDF", "Typesetting", "DocumentModel", "PDFFixtures"],
                          path: "Benchmarks/pdf-bench"),
        .target(name: "DossierKit", dependencies: ["DossierCore", "CaseModel", "Rules", "Compose", "HTMLExport", "Typesetting", "PDF",
                                                  "CCrypto"]),
        // The guided interview (issue 14): which question comes next, checked answers, the case file at the end.
        .target(name: "Interview", dependencies: ["DossierCore", "CaseModel", "Rules", .product(name: "Yams", package: "Yams")]),
        // `dossier serve`: the interview as accessible web pages, and batch uploads for consultancies.
        .target(name: "InterviewServer", dependencies: [
            "DossierCore", "DocumentModel", "CaseModel", "Rules", "HTMLExport", "DossierKit", "Interview",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "MultipartKit", package: "multipart-kit"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .executableTarget(name: "dossier", dependencies: [
            "DossierKit", "Interview", "InterviewServer", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // What every test target shares: repository paths, the real rule book, running the CLI built from these sources.
        .target(name: "TestSupport", dependencies: ["Rules", "CaseModel"], path: "Tests/TestSupport"),
        .testTarget(name: "DossierCoreTests", dependencies: ["DossierCore"]),
        .testTarget(name: "CaseModelTests", dependencies: ["CaseModel", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "CaseModel", "TestSupport"], exclude: ["Cases"]),
        .testTarget(name: "ComposeTests", dependencies: ["Compose", "HTMLExport", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "TypesettingTests", dependencies: ["Typesetting", "PDFFixtures"], exclude: ["Golden"]),
        .testTarget(name: "PDFTests", dependencies: ["PDF", "Typesetting", "DocumentModel", "PDFFixtures"]),
        .testTarget(name: "InterviewTests", dependencies: ["Interview", "TestSupport", "Rules", "CaseModel", "dossier"]),
        .testTarget(name: "InterviewServerTests", dependencies: ["InterviewServer", "Interview", "DossierKit", "TestSupport", "dossier"],
                    exclude: ["browser"]),
        .testTarget(name: "DossierKitTests", dependencies: ["DossierKit", "TestSupport", "dossier"],
                    exclude: ["manifest.schema.json", "Golden", "Procedures"]),
    ]
)
