import Foundation
import NianbaoModel

/// Reports for the writer tests, built from the hand-checked expected values bundled in
/// `Fixtures/writers/` (copies of `../shared/samples/expected/<stem>.json`).
enum WriterFixtures {
    /// A 2019-template report (长春市九台区交通运输局, 2020): signed `change` values.
    static let stem2019 = "000_ad0b93b4492ed8bd"
    /// A 2021-template report (尧都区交通运输局, 2024).
    static let stem2021 = "003_ca2117b5797f0594"

    struct FixtureError: Error, CustomStringConvertible {
        var description: String
    }

    /// The report of the expected file `stem`: values, title, first agency, year, published and
    /// template from the file; each section's text is its `sections_contain` snippets joined by
    /// `"\n"`; missing sections get a short placeholder.
    static func report(_ stem: String) throws -> Report {
        guard let url = Bundle.module.url(forResource: stem, withExtension: "json", subdirectory: "Fixtures/writers") else {
            throw FixtureError(description: "fixture \(stem).json not bundled")
        }
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        guard let json = object as? [String: Any] else { throw FixtureError(description: "\(stem).json is not an object") }
        let template = TemplateVersion(rawValue: json["template"] as? String ?? "") ?? .unknown
        var report = Report(
            source: SourceInfo(file: "\(stem).txt", format: .text, sha256: String(repeating: "0", count: 64), encoding: "UTF-8"),
            template: template
        )
        report.title = json["title"] as? String
        report.agency = (json["agency"] as? [String])?.first ?? json["agency"] as? String
        report.year = json["year"] as? Int
        report.published = json["published"] as? String
        let snippets = json["sections_contain"] as? [String: [String]] ?? [:]
        for section in SectionKey.allCases {
            report.sections[section] = snippets[section.rawValue]?.joined(separator: "\n") ?? "（\(section.officialHeading)略）"
        }
        for table in ReportTable.allCases {
            let rows = json[table.rawValue] as? [String: Any] ?? [:]
            for spec in TemplateCatalog.rows(table, template) {
                let cells = rows[spec.key] as? [String: Any] ?? [:]
                for column in spec.columns {
                    if let number = cells[column.key] as? NSNumber {
                        report[table][spec.key, column.key] = Decimal(string: number.stringValue)
                    }
                }
            }
        }
        return report
    }

    /// The contract JSON of `report` (key order aside), as the JSON writer produces it.
    static func contractJSON(_ report: Report) throws -> Data {
        func number(_ value: Decimal?) -> Any {
            guard let value else { return NSNull() }
            if let int = Int(value.description) { return int }
            return Double(value.description) ?? NSNull()
        }
        func table(_ table: ReportTable) -> [String: Any] {
            var object: [String: Any] = [:]
            for row in report[table].rows {
                var cells: [String: Any] = [:]
                for cell in row.cells { cells[cell.column] = number(cell.value) }
                object[row.key] = cells
            }
            return object
        }
        func optional(_ value: (some Any)?) -> Any { value.map { $0 as Any } ?? NSNull() }
        var sections: [String: Any] = [:]
        for key in SectionKey.allCases { sections[key.rawValue] = optional(report.sections[key]) }
        let object: [String: Any] = [
            "schema": Report.schemaIdentifier,
            "source": [
                "file": report.source.file, "format": report.source.format.rawValue,
                "sha256": report.source.sha256, "encoding": optional(report.source.encoding),
            ] as [String: Any],
            "title": optional(report.title),
            "agency": optional(report.agency),
            "year": optional(report.year),
            "published": optional(report.published),
            "template": report.template.rawValue,
            "sections": sections,
            "active_disclosure": table(.activeDisclosure),
            "requests": table(.requests),
            "review_litigation": table(.reviewLitigation),
            "diagnostics": report.diagnostics.sortedBySeverity().map { diagnostic -> [String: Any] in
                [
                    "severity": diagnostic.severity.rawValue, "code": diagnostic.code,
                    "path": optional(diagnostic.path), "message": diagnostic.message,
                    "source": optional(diagnostic.location?.description),
                ]
            },
        ]
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }
}

/// External tools the writer tests use when present (python3, soffice, pdftotext).
enum WriterTools {
    /// The full path of `name` on `PATH`, if any.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable` with `arguments` (optional stdin) and waits; output is collected in
    /// temporary files, so a chatty child cannot block on a full pipe.
    static func run(_ executable: String, _ arguments: [String], stdin: Data? = nil) throws -> Result {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outURL = directory.appendingPathComponent("stdout"), errURL = directory.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = out
        process.standardError = err
        if let stdin {
            let inURL = directory.appendingPathComponent("stdin")
            try stdin.write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        )
    }

    /// `python3` when it can import every module in `modules`.
    static func python(with modules: [String] = []) -> String? {
        guard let python = which("python3") else { return nil }
        let imports = (["sys"] + modules).map { "import \($0)" }.joined(separator: "; ")
        guard let result = try? run(python, ["-c", imports]), result.status == 0 else { return nil }
        return python
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-writers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The package root (for `Scripts/`).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent() // Writers
            .deletingLastPathComponent() // NianbaoTests
            .deletingLastPathComponent() // Tests
            .deletingLastPathComponent()
    }
}
