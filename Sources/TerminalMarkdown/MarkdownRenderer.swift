import Terminal

/// Renders CommonMark (plus GitHub pipe tables) for the terminal, in the manner of glow or rich:
/// styled headings, wrapped paragraphs, framed code, quotes with bars, lists with hanging indents,
/// tables, and numbered links listed at the end.
public struct MarkdownRenderer: Sendable {
    public var settings: TerminalSettings

    public init(settings: TerminalSettings) {
        self.settings = settings
    }

    /// The most inline marks (`*`, `_`, `` ` ``, `[`, `]`, `<`, `!`, `|`, `~`, `\\`) a document may hold.
    /// Each can start a node, and cmark's tree plus ours cost a few hundred bytes a node: 10 MB of
    /// `*a* ` is 7.5 million nodes and 2.7 GB. At this budget the worst case stays near 150 MB,
    /// while the course's longest lesson holds about 2,000 marks.
    public static let markLimit = 250_000

    /// How many inline marks (see `markLimit`) `markdown` holds.
    public static func markCount(_ markdown: [UInt8]) -> Int {
        var count = 0
        for byte in markdown {
            switch byte {
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "]"),
                UInt8(ascii: "<"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "\\"):
                count += 1
            default: break
            }
        }
        return count
    }

    /// The rendered document, ending in a newline (empty for an empty document), with no line wider
    /// than `settings.width` outside code blocks, and no escape byte unless `settings.color`.
    public func render(_ markdown: String) -> String {
        let document = MarkdownRenderer.parse(markdown)
        var renderer = DocumentRenderer(document: document, settings: settings)
        let bytes = renderer.renderDocument()
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `render(_:)`, with each link whose destination satisfies `isPlainText` shown as its text
    /// alone (a lesson page shows links between lessons so, and lists their commands instead).
    public func render(_ markdown: String, showingOnlyTheTextOfLinksWhere isPlainText: (String) -> Bool) -> String {
        var document = MarkdownRenderer.parse(markdown)
        document.replaceLinksWithTheirText(where: isPlainText)
        var renderer = DocumentRenderer(document: document, settings: settings)
        return String(decoding: renderer.renderDocument(), as: UTF8.self)
    }

    /// `render(_:)` from and to UTF-8 bytes, for large files: no `String` validation or copies.
    /// Invalid UTF-8 in the input is replaced.
    public func render(utf8 markdown: [UInt8]) -> [UInt8] {
        let document = markdown.withUnsafeBufferPointer { MarkdownRenderer.parse(utf8: $0) }
        var renderer = DocumentRenderer(document: document, settings: settings)
        return renderer.renderDocument()
    }

    /// The rendered document and the numbers (0-based) of the lines allowed to exceed the width.
    func renderReportingExemptLines(_ markdown: String) -> (text: String, exemptLines: Set<Int>) {
        var renderer = DocumentRenderer(document: MarkdownRenderer.parse(markdown), settings: settings)
        let bytes = renderer.renderDocument()
        return (String(decoding: bytes, as: UTF8.self), Set(renderer.exemptLines))
    }

    /// Short Markdown (a quiz option, a prompt) as lines wrapped to the width with no trailing
    /// newline. Paragraphs (and headings) are rendered without block decoration and joined by
    /// blank lines; their link URLs follow as `[n] URL` lines. Anything else (a code block, a list,
    /// a table) is rendered as `render(_:)` would, so nothing is ever lost.
    public func renderInline(_ markdown: String) -> String {
        let document = MarkdownRenderer.parse(markdown)
        let blocks = document.children(of: document.root)
        guard
            blocks.allSatisfy({ document.nodes[Int($0)].kind == .paragraph || document.nodes[Int($0)].kind == .heading }
            )
        else {
            var full = render(markdown)
            while full.hasSuffix("\n") { full.removeLast() }
            return full
        }
        var renderer = DocumentRenderer(document: document, settings: settings)
        var output: [String] = []
        for block in blocks {
            let lines = renderer.renderInlines(of: block, base: .plain, width: settings.width)
            if !output.isEmpty { output.append("") }
            output.append(contentsOf: lines.map { String(decoding: $0.bytes, as: UTF8.self) })
        }
        if !renderer.numberedLinks.isEmpty {
            for (offset, target) in renderer.numberedLinks.enumerated() {
                let url = String(decoding: renderer.encoder.linkTargets[Int(target)], as: UTF8.self)
                output.append(contentsOf: TextWrap.wrap("[\(offset + 1)] \(url)", width: settings.width))
            }
        }
        return output.joined(separator: "\n")
    }

    /// Parses Markdown into the flat document the renderer walks (pipe tables included).
    static func parse(_ markdown: String) -> MarkdownDocument {
        var source = markdown
        return source.withUTF8 { parse(utf8: $0) }
    }

    static func parse(utf8 source: UnsafeBufferPointer<UInt8>) -> MarkdownDocument {
        var document = CmarkParser.parse(source)
        PipeTables.detect(in: &document, source: source)
        return document
    }
}
