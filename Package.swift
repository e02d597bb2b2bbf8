// swift-tools-version:6.0
import PackageDescription

/// Strict settings shared by every Swift target.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "nianbao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nianbao", targets: ["nianbao"]),
        .library(name: "NianbaoKit", targets: ["NianbaoKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // C libraries, wrapped as system-library targets (see ../shared/notes/libxml2-with-foundation.md).
        .systemLibrary(
            name: "CNianbaoZip",
            pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"])]
        ),
        .systemLibrary(
            name: "CNianbaoXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),

        // Children (pdftotext, LibreOffice) started without network, bounded, and dying with nianbao:
        // fork/prctl/setrlimit/unshare/execve in C (only async-signal-safe calls after fork), and
        // its safe Swift wrapper.
        .target(name: "CNianbaoSpawn"),
        .target(name: "NianbaoSandbox", dependencies: ["CNianbaoSpawn"], swiftSettings: strictSettings),

        // The model: report, neutral document blocks, diagnostics. Depends on nothing.
        .target(name: "NianbaoModel", swiftSettings: strictSettings),

        // Readers: a format in, a neutral block stream out.
        .target(name: "NianbaoText", dependencies: ["NianbaoModel"], swiftSettings: strictSettings),
        .target(
            name: "NianbaoOOXML",
            dependencies: ["NianbaoModel", "CNianbaoZip", "CNianbaoXML2"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "NianbaoHTML",
            dependencies: ["NianbaoModel", "CNianbaoXML2"],
            swiftSettings: strictSettings
        ),

        // PDF through Poppler's `pdftotext -bbox-layout` (a child process: no Poppler library is
        // linked, so nianbao builds and runs without it) and libxml2 for its XHTML.
        .target(
            name: "NianbaoPDF",
            dependencies: ["NianbaoModel", "CNianbaoXML2", "NianbaoSandbox"],
            swiftSettings: strictSettings
        ),

        // Domain layer: blocks to report, and the consistency rules.
        .target(name: "NianbaoRecognizer", dependencies: ["NianbaoModel"], swiftSettings: strictSettings),
        .target(name: "NianbaoValidator", dependencies: ["NianbaoModel"], swiftSettings: strictSettings),

        // Writers: JSON, CSV, schema.
        .target(name: "NianbaoWriters", dependencies: ["NianbaoModel"], swiftSettings: strictSettings),

        // The dataset: reports, their values, diagnostics and prose in one SQLite database.
        .target(
            name: "NianbaoDataset",
            dependencies: ["NianbaoModel", "NianbaoWriters", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),

        // Reviewing many reports at once: across years, prose against tables, completeness.
        .target(name: "NianbaoReview", dependencies: ["NianbaoModel"], swiftSettings: strictSettings),

        // The pipeline that ties readers, recognizer, validator and writers together.
        .target(
            name: "NianbaoKit",
            dependencies: [
                "NianbaoModel", "NianbaoText", "NianbaoOOXML", "NianbaoHTML", "NianbaoPDF", "NianbaoRecognizer",
                "NianbaoValidator", "NianbaoWriters", "NianbaoSandbox", "NianbaoDataset", "NianbaoReview",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),

        // The HTTP service (`nianbao serve`): a thin front on NianbaoKit.
        .target(
            name: "NianbaoServe",
            dependencies: [
                "NianbaoKit", "NianbaoModel", "NianbaoWriters", "NianbaoOOXML",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strictSettings
        ),

        // The thin command-line interface.
        .executableTarget(
            name: "nianbao",
            dependencies: [
                "NianbaoKit", "NianbaoServe", "NianbaoReview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),

        .testTarget(
            name: "NianbaoTests",
            dependencies: [
                "NianbaoModel", "NianbaoText", "NianbaoOOXML", "NianbaoHTML", "NianbaoPDF", "NianbaoRecognizer",
                "NianbaoValidator", "NianbaoWriters", "NianbaoKit", "NianbaoSandbox", "NianbaoServe",
                "NianbaoDataset", "NianbaoReview",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
