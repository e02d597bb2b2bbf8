import Foundation
import CNianbaoZip
import CNianbaoXML2

/// Versions of the C libraries behind the OOXML reader and writer.
public enum OOXMLLibraries {
    /// libzip's version string.
    public static var libzipVersion: String { String(cString: zip_libzip_version()) }
    /// libxml2's version string.
    public static var libxml2Version: String { LIBXML_DOTTED_VERSION }
}
