import Foundation
import Testing
import NianbaoModel
import NianbaoOOXML
import NianbaoWriters
@testable import NianbaoKit

/// Issue 20's fixed-seed placement sample, run on every CI run: 12 random valid reports
/// (`Scripts/synth/generate.py --seed 20`: distinct non-zero values satisfying rules 1–4, blank
/// cells and rows), written by the project's DOCX writer, given layout variations
/// (`Scripts/synth/layouts.py`: narrow wrapped headers, landscape, font sizes, split tables with and
/// without repeated headers, WPS-like runs, `/` and `—` in blank cells), read back in-process, and
/// when LibreOffice is installed also through its PDF, HTML and text renderings. Scored by
/// `Scripts/synth/score.py`: every rendering must give 0 wrong numbers and ≥ 99.5 % of fields.
/// `Scripts/soak.sh N` runs the same on thousands of reports and every extractor.
enum SyntheticPlacement {
    static let seed = 20
    static let count = 12
    static let synth = TestFiles.packageRoot.appendingPathComponent("Scripts/synth", isDirectory: true)

    /// right / wrong / null / other per rendering, as score.py counts them.
    struct Figures: Decodable {
        var right: Int
        var wrong: Int
        var null: Int
        var other: Int
        var total: Int
        var wrongCells: [[JSONScalar]]

        enum CodingKeys: String, CodingKey {
            case right, wrong, null, other, total
            case wrongCells = "wrong_cells"
        }

        var share: Double { total == 0 ? 0 : Double(right) / Double(total) }
        var summary: String {
            "\(right)/\(total) right (\(String(format: "%.1f", share * 100)) %), \(wrong) wrong numbers, \(null) null; first wrong: "
                + wrongCells.prefix(5).map { $0.map(\.description).joined(separator: " ") }.joined(separator: "; ")
        }
    }

    /// A leaf of score.py's wrong-cell lists (file, path, expected, got).
    enum JSONScalar: Decodable, CustomStringConvertible {
        case number(Double), text(String), null

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null } else if let n = try? container.decode(Double.self) { self = .number(n) } else { self = .text((try? container.decode(String.self)) ?? "?") }
        }

        var description: String {
            switch self {
            case .number(let n): n == n.rounded() ? String(Int(n)) : String(n)
            case .text(let s): s
            case .null: "null"
            }
        }
    }

    struct Outcome {
        var figures: [String: Figures] = [:]
        var problem: String?
    }

    /// The sample generated, rendered, read and scored once for all tests of the suite.
    static let outcome: Outcome = {
        do { return try run() } catch { return Outcome(problem: "\(error)") }
    }()

    static func run() throws -> Outcome {
        guard let python = WriterTools.which("python3") else { return Outcome(problem: "python3 is not installed") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-synth-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let reports = folder.appendingPathComponent("reports"), written = folder.appendingPathComponent("writer")
        let docx = folder.appendingPathComponent("docx"), renderings = folder.appendingPathComponent("renderings")
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: written, withIntermediateDirectories: true)

        let generated = try WriterTools.run(python, [synth.appendingPathComponent("generate.py").path, "--seed", "\(seed)", "--count", "\(count)", "--out", reports.path])
        guard generated.status == 0 else { return Outcome(problem: "generate.py failed: \(generated.stderr)") }
        let stems = try FileManager.default.contentsOfDirectory(atPath: reports.path).filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        for stem in stems {
            let report = try ReportJSON.decode(try Data(contentsOf: reports.appendingPathComponent("\(stem).json")))
            try DOCXWriter.data(for: report, timestamp: DOCXWriter.defaultTimestamp).write(to: written.appendingPathComponent("\(stem).docx"))
        }
        let varied = try WriterTools.run(python, [synth.appendingPathComponent("layouts.py").path, written.path, docx.path])
        guard varied.status == 0 else { return Outcome(problem: "layouts.py failed: \(varied.stderr)") }

        var folders = ["docx": docx]
        if LegacyFixtures.hasLibreOffice {
            let rendered = try WriterTools.run(python, [synth.appendingPathComponent("render.py").path, docx.path, renderings.path, "--only", "lo-pdf,lo-html,soffice-txt"])
            guard rendered.status == 0 else { return Outcome(problem: "render.py failed: \(rendered.stderr)") }
            for name in ["lo-pdf", "lo-html", "soffice-txt"] { folders[name] = renderings.appendingPathComponent(name) }
        }
        for (name, input) in folders {
            let target = out.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            let files = (try? FileManager.default.contentsOfDirectory(at: input, includingPropertiesForKeys: nil)) ?? []
            for file in files {
                // a file nianbao cannot read scores as missing (all its fields null)
                guard let report = try? Pipeline.convert(contentsOf: file) else { continue }
                let stem = file.deletingPathExtension().lastPathComponent
                try Data(ReportJSON.encodeUTF8(report)).write(to: target.appendingPathComponent("\(stem).json"))
            }
        }
        let scored = try WriterTools.run(python, [synth.appendingPathComponent("score.py").path, out.path, reports.appendingPathComponent("expected").path, "--json", "--wrong", "20"])
        guard scored.status == 0 else { return Outcome(problem: "score.py failed: \(scored.stderr)") }
        return Outcome(figures: try JSONDecoder().decode([String: Figures].self, from: Data(scored.stdout.utf8)))
    }

    /// The figures of `rendering`, or nil (with an issue recorded) when the sample could not be built;
    /// nil without an issue when the rendering needs LibreOffice and it is not installed.
    static func figures(_ rendering: String, needsLibreOffice: Bool) -> Figures? {
        if let problem = outcome.problem {
            Issue.record("synthetic sample not built: \(problem)")
            return nil
        }
        if needsLibreOffice && !LegacyFixtures.hasLibreOffice { return nil }
        guard let figures = outcome.figures[rendering] else {
            Issue.record("no scores for \(rendering)")
            return nil
        }
        return figures
    }

    /// The issue's first target: not one wrong number.
    static func expectNoWrongNumbers(_ rendering: String, needsLibreOffice: Bool = true) throws {
        guard let figures = figures(rendering, needsLibreOffice: needsLibreOffice) else { return }
        #expect(figures.wrong == 0, "\(rendering): \(figures.summary)")
    }

    /// The issue's second target where the layout keeps a blank cell's place: ≥ 99.5 % of fields.
    static func expectShare(_ rendering: String, needsLibreOffice: Bool = true) throws {
        guard let figures = figures(rendering, needsLibreOffice: needsLibreOffice) else { return }
        #expect(figures.share >= 0.995, "\(rendering): \(figures.summary)")
    }
}

@Suite("Synthetic placement sample (issue 20)", .serialized)
struct SyntheticPlacementTests {
    @Test("DOCX written by nianbao with layout variations, read directly: 0 wrong numbers")
    func docxNoWrongNumbers() throws {
        try SyntheticPlacement.expectNoWrongNumbers("docx", needsLibreOffice: false)
    }

    @Test("DOCX read directly: ≥ 99.5 % of fields")
    func docxShare() throws {
        try SyntheticPlacement.expectShare("docx", needsLibreOffice: false)
    }

    @Test("LibreOffice HTML read directly: 0 wrong numbers")
    func htmlNoWrongNumbers() throws {
        try SyntheticPlacement.expectNoWrongNumbers("lo-html")
    }

    @Test("LibreOffice HTML read directly: ≥ 99.5 % of fields")
    func htmlShare() throws {
        try SyntheticPlacement.expectShare("lo-html")
    }

    @Test("LibreOffice PDF read directly: 0 wrong numbers")
    func pdfNoWrongNumbers() throws {
        try SyntheticPlacement.expectNoWrongNumbers("lo-pdf")
    }

    @Test("LibreOffice PDF read directly: ≥ 99.5 % of fields")
    func pdfShare() throws {
        try SyntheticPlacement.expectShare("lo-pdf")
    }

    @Test("LibreOffice text export (a blank cell an empty line): 0 wrong numbers")
    func textNoWrongNumbers() throws {
        try SyntheticPlacement.expectNoWrongNumbers("soffice-txt")
    }

    @Test("LibreOffice text export: ≥ 99.5 % of fields")
    func textShare() throws {
        try SyntheticPlacement.expectShare("soffice-txt")
    }

    @Test("The sample is built and scored (generator, layouts, renderings, scorer)")
    func sampleBuilt() throws {
        if let problem = SyntheticPlacement.outcome.problem {
            Issue.record("synthetic sample not built: \(problem)")
            return
        }
        for (rendering, figures) in SyntheticPlacement.outcome.figures.sorted(by: { $0.key < $1.key }) {
            print("synthetic placement, seed \(SyntheticPlacement.seed) × \(SyntheticPlacement.count), \(rendering): \(figures.summary)")
        }
        let docx = try #require(SyntheticPlacement.outcome.figures["docx"])
        // 12 reports: 6 of the 2019 template and 6 of 2021, every expected field scored
        #expect(docx.total > SyntheticPlacement.count * 150)
        if LegacyFixtures.hasLibreOffice {
            #expect(Set(SyntheticPlacement.outcome.figures.keys) == ["docx", "lo-pdf", "lo-html", "soffice-txt"])
        }
    }
}
