/// What one cleaned line is, for the block builder: decided by ``SimpleLine`` on UTF-8 bytes for
/// the common lines, by ``CharacterLine`` on Characters for the rest.
enum LineKind {
    /// White space only.
    case blank
    /// One cell on its own line, after leading tab(s).
    case cell(String)
    /// A whole row: tab-separated cells (`delimited`), or cells of a space-aligned line.
    case row([String], delimited: Bool)
    /// Running text.
    case text(TextLine)
}

/// A line of running text, trimmed, with what the block builder asks about it.
struct TextLine {
    /// The line without leading and trailing spaces and tabs.
    var text: String
    /// `true` when every scalar of `text` is a ``SimpleScalar``: each is then a Character of its
    /// own, and Character counts and ends can be taken on scalars.
    var isSimple: Bool
    /// The number of scalars in `text` (Characters when `isSimple`).
    var scalarCount: Int
    /// `HeadingShape.startsWithEnumerator(text)`.
    var startsWithEnumerator: Bool
    /// A short line, not a heading: the wrapped text of a one-cell line just before it.
    var continuesCell: Bool
    /// `text` has two spaces in a row: columns laid out by a layout-preserving extractor, not prose.
    var hasColumnGap: Bool
    /// `text` holds `**` (Markdown bold).
    var hasDoubleAsterisk: Bool
}
