/// The parts of a Markdown file that tools check, each with its 1-based source line: links and
/// images, code blocks, and the prose of each line. They come from cmark's tree, so a link inside
/// a code span or a fence is no link, a fence may be indented, use `~~~` or sit in a list or a
/// quote, and a reference-style link is found where it is used.
public struct MarkdownStructure: Sendable {
    public struct Link: Sendable, Equatable {
        /// As cmark resolved it (backslash escapes and entities decoded, references looked up).
        public var destination: String
        /// The line of the link's `]`.
        public var line: Int
        public var isImage: Bool
    }

    public struct CodeBlock: Sendable, Equatable {
        /// The info string after the opening fence (empty for indented code).
        public var info: String
        /// The lines between the fences (or of the indented block), without line endings.
        public var body: [String]
        /// The line of the opening fence (or of the first indented line).
        public var line: Int
        /// The line of the closing fence; the last body line (or the opening fence) when the
        /// block is not closed before its container or the file ends.
        public var endLine: Int
        public var isFenced: Bool
        /// False for a fenced block whose closing fence is missing.
        public var isClosed: Bool
    }

    /// One source line of prose: its inline text as cmark decoded it, with each code span
    /// replaced by U+FFFC (so nothing in code is mistaken for prose) and inline HTML verbatim; or a
    /// line of an HTML block, verbatim.
    public struct ProseLine: Sendable, Equatable {
        public var line: Int
        public var text: String
    }

    /// What stands for a code span in `ProseLine.text`.
    public static let codeSpan: Character = "\u{FFFC}"

    public private(set) var links: [Link] = []
    public private(set) var codeBlocks: [CodeBlock] = []
    /// In line order, each line once.
    public private(set) var proseLines: [ProseLine] = []

    public init(parsing markdown: String) {
        var source = markdown
        let document = source.withUTF8 { CmarkParser.parse($0) }
        let lines = Self.sourceLines(markdown)
        var prose: [Int: String] = [:]
        func addProse(_ text: String, at line: Int) {
            guard line > 0 else { return }
            prose[line, default: ""] += text
        }
        guard !document.nodes.isEmpty else { return }
        // Nodes are stored in document order (cmark's iterator appends each as it enters it).
        for node in document.nodes {
            let line = Int(node.startLine)
            switch node.kind {
            case .link, .image:
                links.append(
                    Link(destination: document.string(node.info), line: line, isImage: node.kind == .image))
            case .codeBlock:
                codeBlocks.append(
                    Self.codeBlock(
                        node, info: document.string(node.info), literal: document.string(node.literal),
                        lines: lines))
            case .text:
                addProse(document.string(node.literal), at: line)
            case .code:
                addProse(String(Self.codeSpan), at: line)
            case .htmlInline, .htmlBlock:
                for (offset, part) in Self.sourceLines(document.string(node.literal)).enumerated() {
                    addProse(String(part), at: line + offset)
                }
            default:
                break
            }
        }
        proseLines = prose.keys.sorted().map { ProseLine(line: $0, text: prose[$0] ?? "") }
    }

    private static func codeBlock(_ node: MarkdownDocument.Node, info: String, literal: String, lines: [Substring])
        -> CodeBlock
    {
        let body = sourceLines(literal).map(String.init)
        let line = Int(node.startLine)
        func sourceLine(_ number: Int) -> Substring? {
            number >= 1 && number <= lines.count ? lines[number - 1] : nil
        }
        // cmark records neither the fence nor whether it was closed; both are read from the
        // source: the fence starts at the block's column, and the line after the body closes it.
        // (Indented code starts at its first body line instead.)
        var fenceCharacter: Character? = nil
        var fenceLength = 0
        if let opening = sourceLine(line) {
            let fence = opening.utf8.dropFirst(max(0, Int(node.startColumn) - 1))
            if let first = fence.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~"),
                body.first.map({ !$0.utf8.elementsEqual(fence) }) ?? true
            {
                fenceLength = fence.prefix { $0 == first }.count
                fenceCharacter = Character(Unicode.Scalar(first))
            }
        }
        let isFenced = fenceLength >= 3
        guard isFenced, let fenceCharacter else {
            return CodeBlock(
                info: info, body: body, line: line, endLine: line + max(0, body.count - 1), isFenced: false,
                isClosed: true)
        }
        let closing = line + body.count + 1
        let isClosed = sourceLine(closing).map { isClosingFence($0, character: fenceCharacter, length: fenceLength) }
        return CodeBlock(
            info: info, body: body, line: line, endLine: isClosed == true ? closing : line + body.count,
            isFenced: true, isClosed: isClosed == true)
    }

    /// A run of at least `length` fence characters with only whitespace after it, behind any
    /// container marks (`>`, indentation).
    private static func isClosingFence(_ line: Substring, character: Character, length: Int) -> Bool {
        let rest = line.drop { $0 == " " || $0 == "\t" || $0 == ">" }
        let run = rest.prefix { $0 == character }.count
        return run >= length && rest.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// Lines without their terminators (LF, CR LF or CR, as cmark counts them); no empty last line
    /// for a final terminator. The line numbers above index into these.
    public static func sourceLines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            // "\r\n" is one Character in Swift.
            if character == "\n" || character == "\r" || character == "\r\n" {
                lines.append(text[start..<index])
                index = text.index(after: index)
                start = index
            } else {
                index = text.index(after: index)
            }
        }
        if start < text.endIndex { lines.append(text[start...]) }
        return lines
    }
}

extension MarkdownDocument {
    /// Replaces each link whose destination satisfies `isPlain` by its content, so it renders as
    /// plain text (no underline, no number, no URL in the list at the end). Each node's children
    /// are walked once, keeping the previous sibling at hand, so the work grows with the document
    /// (looking each link's previous sibling up afresh made a paragraph of links quadratic).
    mutating func replaceLinksWithTheirText(where isPlain: (String) -> Bool) {
        for parent in nodes.indices {
            var previous: Int32 = -1
            var child = nodes[parent].firstChild
            while child >= 0 {
                let link = nodes[Int(child)]
                guard link.kind == .link, isPlain(string(link.info)) else {
                    previous = child
                    child = link.next
                    continue
                }
                var first = link.firstChild
                var last = link.lastChild
                if first < 0 {
                    first = link.next
                    last = previous
                } else {
                    var content = first
                    while content >= 0 {
                        nodes[Int(content)].parent = Int32(parent)
                        content = nodes[Int(content)].next
                    }
                    nodes[Int(last)].next = link.next
                }
                if previous >= 0 { nodes[Int(previous)].next = first } else { nodes[parent].firstChild = first }
                if nodes[parent].lastChild == child { nodes[parent].lastChild = last }
                nodes[Int(child)].firstChild = -1
                nodes[Int(child)].lastChild = -1
                nodes[Int(child)].next = -1
                // The link's content now stands in its place: walk on through it.
                child = first
            }
        }
    }
}
