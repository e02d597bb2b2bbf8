import Foundation

/// What an OLE compound file (`D0 CF 11 E0`) holds, told from its directory's stream names:
/// a legacy Word document has a `WordDocument` stream, a password-protected OOXML file an
/// `EncryptionInfo` and an `EncryptedPackage` stream.
enum OLEKind {
    case legacyWord
    case encrypted
    case other

    /// The OLE signature.
    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Looks at the directory entries (128 bytes each, names in UTF-16LE at their start, and
    /// every directory sector starts at a multiple of 128) for the telling stream names.
    static func of(_ data: Data) -> OLEKind {
        guard data.starts(with: signature) else { return .other }
        let encrypted = [name("EncryptionInfo"), name("EncryptedPackage")]
        let word = name("WordDocument")
        var sawWord = false
        return data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> OLEKind in
            var offset = 512
            while offset + 64 <= bytes.count {
                let entry = bytes[offset..<(offset + 64)]
                if encrypted.contains(where: { entry.starts(with: $0) }) { return .encrypted }
                if entry.starts(with: word) { sawWord = true }
                offset += 128
            }
            return sawWord ? .legacyWord : .other
        }
    }

    /// A directory entry name: UTF-16LE with its terminating zero.
    private static func name(_ text: String) -> [UInt8] {
        text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [0, 0]
    }

    /// The message for a file of this kind, or `nil` to leave it to the DOCX reader.
    var message: String? {
        switch self {
        case .legacyWord:
            "a legacy binary Word .doc file (OLE compound file with a WordDocument stream), not .docx: convert it with `soffice --headless --convert-to docx FILE`"
        case .encrypted:
            "a password-protected (encrypted) Word file (OLE compound file with EncryptionInfo): open it with its password in Word or WPS and save it without one"
        case .other:
            nil
        }
    }
}
