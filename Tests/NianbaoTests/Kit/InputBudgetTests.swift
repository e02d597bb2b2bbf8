import Foundation
import Testing
@testable import NianbaoKit
import NianbaoOOXML

/// Issue 13, case 4: memory grows with lines and paragraphs, not bytes, so each input has a
/// budget of them, checked before (text) or while (DOCX) it is read.
@Suite("Input budget")
struct InputBudgetTests {
    static func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as ConversionError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    @Test func aTextOfShortLinesIsRefusedBeforeReading() throws {
        let lines = Pipeline.textBudget / 2 + 1
        let data = Data(String(repeating: "a\n", count: lines).utf8)
        let clock = ContinuousClock()
        var text: String?
        let elapsed = clock.measure {
            text = Self.message { _ = try Pipeline.convert(data: data, fileName: "lines.txt", format: .text) }
        }
        #expect(text?.hasPrefix("\(lines) lines and 0 runs of spaces or tabs before the budget of one input ran out") == true, "\(text ?? "converted")")
        #expect(text?.hasSuffix("more than one report holds; split the file") == true)
        #expect(elapsed < .seconds(2))
        // Lines broken by CR only count the same.
        let carriageReturns = Data(data.map { $0 == 0x0A ? 0x0D : $0 })
        #expect(Self.message { _ = try Pipeline.convert(data: carriageReturns, fileName: "lines.txt", format: .text) }?.hasPrefix("\(lines) lines") == true)
        // Cells cost too: 2,000 lines of 200 cells.
        let cells = Data(String(repeating: Array(repeating: "1", count: 200).joined(separator: " ") + "\n", count: 2_000).utf8)
        #expect(Self.message { _ = try Pipeline.convert(data: cells, fileName: "cells.txt", format: .text) }?.contains("runs of spaces or tabs") == true)
        // A report is far below the budget.
        for stem in TestFiles.sampleStems {
            let sample = try TestFiles.sample(stem)
            #expect(Pipeline.textCost(sample, above: Pipeline.textBudget) == nil)
            #expect(Pipeline.textCost(sample, above: 0)?.lines ?? 0 > 0)
        }
    }

    @Test func aDOCXOfTinyParagraphsIsRefusedWhileReading() throws {
        let paragraphs = String(repeating: "<w:p><w:r><w:t>x</w:t></w:r></w:p>", count: Pipeline.maximumDOCXParagraphs + 1)
        var builder = ZipArchiveBuilder()
        builder.addEntry("_rels/.rels", text: DOCX.packageRels())
        builder.addEntry("word/document.xml", text: DOCX.documentXML(paragraphs))
        let data = try builder.build()
        #expect(data.count < 1_000_000)
        let text = Self.message { _ = try Pipeline.convert(data: data, fileName: "paras.docx", format: .docx) }
        #expect(text?.contains("more than \(Pipeline.maximumDOCXParagraphs) paragraphs: more than one report holds") == true, "\(text ?? "converted")")
    }
}
