import Terminal

/// Renders a `MarkdownDocument` block by block into terminal lines.
///
/// The walk over the flat tree uses an explicit stack of frames, never recursion, so depth of
/// input cannot exhaust the call stack. Containers (quotes, list items) contribute line prefixes;
/// when the prefixes would leave less than `minimumContentWidth` columns, deeper containers are
/// rendered flattened (no further indentation), which keeps every line within the width.
struct DocumentRenderer {
    let document: MarkdownDocument
    let settings: TerminalSettings
    let glyphs: Glyphs
    var encoder = StyleEncoder()
    var out: [UInt8] = []

    init(document: MarkdownDocument, settings: TerminalSettings) {
        self.document = document
        self.settings = settings
        self.glyphs = settings.ascii ? .ascii : .unicode
        out.reserveCapacity(document.text.count * 2)
    }

    // MARK: Prefixes

    struct Prefix {
        var first: [UInt8]
        var rest: [UInt8]
        var width: Int
        var firstPending: Bool
    }

    private var prefixes: [Prefix] = []
    private var prefixWidth = 0
    private var pendingFirsts = 0
    private var restPrefix: [UInt8] = []
    private var blankPrefix: [UInt8] = []

    var width: Int { settings.width }
    var contentWidth: Int { max(1, settings.width - prefixWidth) }
    var minimumContentWidth: Int { min(settings.width, max(12, settings.width / 3)) }

    /// Pushes a prefix unless it would squeeze the content too narrow; returns whether it did.
    mutating func pushPrefix(first: [UInt8], rest: [UInt8], width prefixColumns: Int) -> Bool {
        guard settings.width - (prefixWidth + prefixColumns) >= minimumContentWidth else { return false }
        let pending = first != rest
        prefixes.append(Prefix(first: first, rest: rest, width: prefixColumns, firstPending: pending))
        if pending { pendingFirsts += 1 }
        prefixWidth += prefixColumns
        rebuildPrefixCache()
        return true
    }

    mutating func popPrefix() {
        guard let last = prefixes.popLast() else { return }
        if last.firstPending { pendingFirsts -= 1 }
        prefixWidth -= last.width
        rebuildPrefixCache()
    }

    private mutating func rebuildPrefixCache() {
        restPrefix.removeAll(keepingCapacity: true)
        for prefix in prefixes { restPrefix.append(contentsOf: prefix.rest) }
        blankPrefix = restPrefix
        while blankPrefix.last == 0x20 { blankPrefix.removeLast() }
    }

    /// Whether the innermost prefix still waits for its first line (an item not yet marked).
    var innermostFirstPending: Bool { prefixes.last?.firstPending ?? false }

    // MARK: Lines

    private(set) var anyOutput = false
    /// Lines emitted so far, and those allowed to exceed the width (code lines, tables that
    /// cannot fit one column per cell) — tests check every other line against the width.
    private(set) var lineCount = 0
    var overflowAllowed = false
    private(set) var exemptLines: [Int] = []
    /// Set by `renderInlines`: the widest unbreakable word it laid out.
    var widestWordOfLastInlines = 0
    /// Top, side and bottom of code frames, styled once.
    var codeFrame: (top: [UInt8], side: [UInt8], bottom: [UInt8])? = nil

    mutating func emit(_ content: [UInt8]) {
        content.withUnsafeBufferPointer { emit($0) }
    }

    mutating func emit(_ content: ArraySlice<UInt8>) {
        content.withUnsafeBufferPointer { emit($0) }
    }

    mutating func emit(_ content: UnsafeBufferPointer<UInt8>) {
        beginLine()
        if content.isEmpty {
            while out.last == 0x20 { out.removeLast() }  // no trailing spaces after a bare marker
        }
        out.append(contentsOf: content)
        endLine()
    }

    /// Starts an output line by writing the container prefixes; the caller appends the content
    /// to `out` directly and calls `endLine()`.
    mutating func beginLine() {
        if pendingFirsts > 0 {
            for index in prefixes.indices {
                if prefixes[index].firstPending {
                    out.append(contentsOf: prefixes[index].first)
                    prefixes[index].firstPending = false
                    pendingFirsts -= 1
                } else {
                    out.append(contentsOf: prefixes[index].rest)
                }
            }
        } else {
            out.append(contentsOf: restPrefix)
        }
    }

    mutating func endLine() {
        out.append(0x0A)
        anyOutput = true
        if overflowAllowed { exemptLines.append(lineCount) }
        lineCount += 1
    }

    mutating func emitBlank() {
        out.append(contentsOf: blankPrefix)
        out.append(0x0A)
        lineCount += 1
    }

    /// `text` in `style` as bytes (escapes only with colour).
    mutating func styled(_ text: String, _ style: SpanStyle) -> [UInt8] {
        guard settings.color, style != .plain else { return Array(text.utf8) }
        var bytes: [UInt8] = []
        encoder.transition(from: .plain, to: style, into: &bytes)
        bytes.append(contentsOf: text.utf8)
        encoder.transition(from: style, to: .plain, into: &bytes)
        return bytes
    }

    // MARK: Links

    /// Numbered links in order of first appearance: index into `encoder.linkTargets`.
    var numberedLinks: [Int32] = []
    var linkTitles: [String] = []
    private var numberForURL: [String: Int] = [:]
    private var targetForURL: [String: Int32] = [:]

    /// The OSC 8 target index for `url` (registered once per distinct URL).
    mutating func target(for url: String) -> Int32 {
        if let index = targetForURL[url] { return index }
        let index = Int32(encoder.linkTargets.count)
        encoder.linkTargets.append(Self.hyperlinkTarget(url))
        targetForURL[url] = index
        return index
    }

    /// `url` as an OSC 8 target: spaces, controls and UTF-8 C1 controls percent-encoded (the
    /// sanitizer has already replaced them; this keeps the sequence safe on its own), so the target
    /// can neither end the escape sequence nor start another. Other UTF-8 stays readable.
    static func hyperlinkTarget(_ url: String) -> [UInt8] {
        let hex = Array("0123456789ABCDEF".utf8)
        let source = Array(url.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.count)
        var index = 0
        while index < source.count {
            let byte = source[index]
            let c1 = byte == 0xC2 && index + 1 < source.count && (0x80...0x9F).contains(source[index + 1])
            if byte <= 0x20 || byte == 0x7F || c1 {
                for encoded in c1 ? [byte, source[index + 1]] : [byte] {
                    bytes.append(contentsOf: [UInt8(ascii: "%"), hex[Int(encoded >> 4)], hex[Int(encoded & 0x0F)]])
                }
                index += c1 ? 2 : 1
            } else {
                bytes.append(byte)
                index += 1
            }
        }
        return bytes
    }

    /// The reference number shown after a link to `url`; the same URL keeps its number.
    mutating func number(for url: String, title: String) -> Int {
        if let number = numberForURL[url] { return number }
        numberedLinks.append(target(for: url))
        linkTitles.append(title)
        let number = numberedLinks.count
        numberForURL[url] = number
        return number
    }
}
