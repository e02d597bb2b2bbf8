import Foundation

/// Where the package's sample inputs and the bundled expected values are.
enum TestFiles {
    /// The package root: this file is `<root>/Tests/NianbaoTests/Support/TestFiles.swift`.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // NianbaoTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `<root>/Samples`.
    static let samplesDirectory = packageRoot.appendingPathComponent("Samples", isDirectory: true)

    /// The stems of the five samples (`000_ad0b93b4492ed8bd`, …).
    static let sampleStems = [
        "000_ad0b93b4492ed8bd", "001_73cfe548748cf452", "002_b42afd72281d3df1",
        "003_ca2117b5797f0594", "004_64ca144eb0d93f31",
    ]

    /// The bytes of `Samples/<stem>.txt`.
    static func sample(_ stem: String) throws -> Data {
        try Data(contentsOf: samplesDirectory.appendingPathComponent(stem + ".txt"))
    }

    /// The bytes of the bundled `Fixtures/expected/<stem>.json`.
    static func expected(_ stem: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: stem, withExtension: "json", subdirectory: "Fixtures/expected") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Fixtures/expected/\(stem).json"])
        }
        return try Data(contentsOf: url)
    }
}
