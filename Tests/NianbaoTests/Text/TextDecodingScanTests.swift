import Foundation
import Testing
import NianbaoText

/// The byte scans of `TextDecoding` (eight bytes at a time, then the tail) count every byte.
@Suite("Text decoding: byte scans")
struct TextDecodingScanTests {
    @Test("a NUL byte is found at every offset, in whole words and in the tail", arguments: [0, 1, 7, 8, 9, 500, 999, 1000, 1001, 1002])
    func nulAtEveryOffset(offset: Int) {
        var bytes = [UInt8](repeating: 0x0A, count: 1003)
        bytes[offset] = 0
        #expect(throws: TextReadError.binary(reason: "it contains NUL bytes")) { try TextDecoding.decode(Data(bytes)) }
    }

    @Test("control bytes are counted exactly: 1 % of the bytes is accepted, one more is refused")
    func controlBytesCounted() throws {
        var generator = TextReaderEquivalenceTests.Generator(state: 3)
        for _ in 0..<50 {
            var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 1003)
            var offsets = Set<Int>()
            while offsets.count < 11 { offsets.insert(Int(generator.next() % 1003)) }
            let sorted = offsets.sorted()
            for offset in sorted.dropLast() { bytes[offset] = 0x01 }
            #expect(try TextDecoding.decode(Data(bytes)).text.utf8.count == 1003)
            if let last = sorted.last { bytes[last] = 0x1F }
            #expect(throws: TextReadError.binary(reason: "it contains many control bytes")) { try TextDecoding.decode(Data(bytes)) }
        }
    }
}
