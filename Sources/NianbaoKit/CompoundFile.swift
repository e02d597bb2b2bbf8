import Foundation

/// The directory of an OLE compound file (Microsoft's Compound File Binary format, `[MS-CFB]`):
/// the container of Word 97–2003 `.doc`, WPS `.wps` and password-protected OOXML files.
///
/// Only what the legacy-format check needs is read: the names of the directory entries and the
/// first sector of the `WordDocument` stream (its FIB says whether the document is encrypted).
/// Every offset is bounds-checked and every sector chain is capped at the number of sectors in
/// the file, so damaged or hostile input gives `nil`, never a crash or a loop.
struct CompoundFile {
    /// The 8-byte signature every compound file starts with.
    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// A directory entry: a storage or a stream.
    struct Entry {
        /// The entry's name (`WordDocument`, `EncryptionInfo`, …).
        var name: String
        /// The first sector of a stream.
        var startSector: UInt32
        /// The stream's size in bytes.
        var size: UInt64
    }

    /// The directory entries, in directory order.
    private(set) var entries: [Entry] = []
    private let bytes: [UInt8]
    private let sectorShift: Int
    private let miniStreamCutoff: UInt64
    private var fatSectors: [UInt32] = []

    private static let endOfChain: UInt32 = 0xFFFF_FFFE
    private static let maximumRegularSector: UInt32 = 0xFFFF_FFFA

    /// Reads the directory of `data`; `nil` when it is not a compound file or its header,
    /// allocation table or directory are damaged.
    init?(_ data: Data) {
        guard data.count >= 512, data.starts(with: Self.signature) else { return nil }
        bytes = [UInt8](data)
        let shift = Int(Self.u16(bytes, 0x1E) ?? 0)
        guard shift == 9 || shift == 12, Self.u16(bytes, 0x1C) == 0xFFFE else { return nil }
        sectorShift = shift
        miniStreamCutoff = UInt64(Self.u32(bytes, 0x38) ?? 4096)
        guard let fatCount = Self.u32(bytes, 0x2C), let firstDirectory = Self.u32(bytes, 0x30),
              var difatSector = Self.u32(bytes, 0x44) else { return nil }
        // The allocation table's sectors: 109 in the header, the rest in the DIFAT chain.
        let sectorCount = bytes.count >> shift
        guard Int(fatCount) <= sectorCount else { return nil }
        for index in 0..<109 where fatSectors.count < Int(fatCount) {
            guard let sector = Self.u32(bytes, 0x4C + 4 * index) else { return nil }
            fatSectors.append(sector)
        }
        var hops = 0
        let perDIFAT = (1 << shift) / 4 - 1
        while fatSectors.count < Int(fatCount), difatSector <= Self.maximumRegularSector {
            hops += 1
            guard hops <= sectorCount, let offset = offset(ofSector: difatSector) else { return nil }
            for index in 0..<perDIFAT where fatSectors.count < Int(fatCount) {
                guard let sector = Self.u32(bytes, offset + 4 * index) else { return nil }
                fatSectors.append(sector)
            }
            guard let next = Self.u32(bytes, offset + 4 * perDIFAT) else { return nil }
            difatSector = next
        }
        // The directory: 128-byte entries along its sector chain.
        var sector = firstDirectory
        hops = 0
        while sector != Self.endOfChain {
            hops += 1
            guard sector <= Self.maximumRegularSector, hops <= sectorCount, let offset = offset(ofSector: sector) else { return nil }
            for start in stride(from: offset, to: offset + (1 << shift), by: 128) {
                guard let entry = Self.entry(bytes, at: start, version3: shift == 9) else { continue }
                entries.append(entry)
            }
            guard let next = fatEntry(sector) else { return nil }
            sector = next
        }
        guard !entries.isEmpty else { return nil }
    }

    /// `true` when an entry is named `name` (compound file names compare case-insensitively).
    func contains(_ name: String) -> Bool {
        entries.contains { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// The first bytes of the stream `name` when it lives in regular sectors (at least the
    /// mini-stream cutoff, 4,096 bytes, long); `nil` otherwise.
    func firstSector(ofStream name: String) -> ArraySlice<UInt8>? {
        guard let entry = entries.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }),
              entry.size >= miniStreamCutoff, let offset = offset(ofSector: entry.startSector) else { return nil }
        return bytes[offset..<(offset + (1 << sectorShift))]
    }

    /// The byte offset of a whole sector inside the file, or `nil` when it lies outside.
    private func offset(ofSector sector: UInt32) -> Int? {
        guard sector <= Self.maximumRegularSector else { return nil }
        let offset = (Int(sector) + 1) << sectorShift
        return offset + (1 << sectorShift) <= bytes.count ? offset : nil
    }

    /// The allocation table's entry for `sector`: the next sector of its chain.
    private func fatEntry(_ sector: UInt32) -> UInt32? {
        let perSector = (1 << sectorShift) / 4
        let index = Int(sector) / perSector
        guard index < fatSectors.count, let offset = offset(ofSector: fatSectors[index]) else { return nil }
        return Self.u32(bytes, offset + 4 * (Int(sector) % perSector))
    }

    /// The directory entry at `start`, or `nil` for an unused or unreadable one. Version 3 files
    /// (512-byte sectors) may leave garbage in a size's high 32 bits, which are ignored there.
    private static func entry(_ bytes: [UInt8], at start: Int, version3: Bool) -> Entry? {
        guard start + 128 <= bytes.count, let nameLength = u16(bytes, start + 64),
              nameLength >= 2, nameLength <= 64, nameLength % 2 == 0 else { return nil }
        let type = bytes[start + 66]
        guard type == 1 || type == 2 || type == 5 else { return nil }
        var units: [UInt16] = []
        for index in 0..<(Int(nameLength) / 2 - 1) {
            guard let unit = u16(bytes, start + 2 * index) else { return nil }
            units.append(unit)
        }
        guard let startSector = u32(bytes, start + 116), let low = u32(bytes, start + 120),
              let high = u32(bytes, start + 124) else { return nil }
        return Entry(name: String(decoding: units, as: UTF16.self), startSector: startSector,
                     size: version3 ? UInt64(low) : UInt64(high) << 32 | UInt64(low))
    }

    /// A little-endian 16-bit value at `offset`, or `nil` past the end.
    static func u16(_ bytes: some RandomAccessCollection<UInt8>, _ offset: Int) -> UInt16? {
        guard offset >= 0, offset + 2 <= bytes.count else { return nil }
        let base = bytes.index(bytes.startIndex, offsetBy: offset)
        return UInt16(bytes[base]) | UInt16(bytes[bytes.index(after: base)]) << 8
    }

    /// A little-endian 32-bit value at `offset`, or `nil` past the end.
    static func u32(_ bytes: some RandomAccessCollection<UInt8>, _ offset: Int) -> UInt32? {
        guard let low = u16(bytes, offset), let high = u16(bytes, offset + 2) else { return nil }
        return UInt32(low) | UInt32(high) << 16
    }
}
