import Terminal

/// A parsed Markdown document as flat Swift values: nodes in an array, linked by indices, and all
/// their strings in one byte buffer. Flat storage means no Swift value nests as deep as the input
/// (cmark builds trees 50,000 levels deep from pathological input), so nothing recurses when the
/// document is walked or freed.
public struct MarkdownDocument: Sendable {
    /// What a node is. Tables, absent from libcmark 0.30, are made from paragraphs by `PipeTables`.
    public enum Kind: UInt8, Sendable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph, heading, thematicBreak
        case text, softBreak, lineBreak, code, htmlInline, customInline, emphasis, strong, link, image
        case table, tableRow, tableCell

        public var isBlock: Bool { rawValue <= Kind.thematicBreak.rawValue || rawValue >= Kind.table.rawValue }
    }

    /// Column alignment of a table cell.
    public enum Alignment: UInt8, Sendable { case none, left, center, right }

    /// Bytes `start..<start+count` of `MarkdownDocument.text`.
    public struct TextRange: Sendable, Equatable {
        public var start: Int32
        public var count: Int32
        public static let empty = TextRange(start: 0, count: 0)
        public var isEmpty: Bool { count == 0 }
    }

    public struct Node: Sendable {
        public var kind: Kind
        public var parent: Int32 = -1
        public var firstChild: Int32 = -1
        public var lastChild: Int32 = -1
        public var next: Int32 = -1
        /// Text, code, HTML and code block content.
        public var literal: TextRange = .empty
        /// A code block's fence info, or a link's or image's URL.
        public var info: TextRange = .empty
        /// A link's or image's title.
        public var title: TextRange = .empty
        /// Heading level; for table cells the `Alignment` raw value; for a table row 1 if it is the header.
        public var level: Int32 = 0
        /// List start number.
        public var listStart: Int32 = 0
        public var ordered = false
        public var tight = false
        /// `)` rather than `.` after ordered list numbers.
        public var parenDelimiter = false
        /// cmark's source position: 1-based lines, 1-based byte column of the start; 0 where cmark
        /// records none (soft and hard breaks). Inline columns past a paragraph's first line are not
        /// reliable (cmark counts them in the paragraph's text, without the line's indentation).
        public var startLine: Int32 = 0
        public var endLine: Int32 = 0
        public var startColumn: Int32 = 0

        public init(kind: Kind) { self.kind = kind }
    }

    public var nodes: [Node] = []
    public var text: [UInt8] = []
    /// Paragraphs spanning two source lines or more, in document order: the only places a pipe
    /// table can hide (recorded during conversion so detection need not scan every node).
    var multiLineParagraphs: [Int32] = []

    public init() {}

    /// The root document node (always index 0 once parsed).
    public var root: Int32 { 0 }

    public func string(_ range: TextRange) -> String {
        text.withUnsafeBufferPointer {
            String(decoding: $0[Int(range.start)..<Int(range.start + range.count)], as: UTF8.self)
        }
    }

    /// Appends a node as the last child of `parent` (or as a root when `parent` is -1); returns its index.
    @discardableResult
    mutating func append(_ node: Node, to parent: Int32) -> Int32 {
        var node = node
        let index = Int32(nodes.count)
        node.parent = parent
        node.next = -1
        nodes.append(node)
        if parent >= 0 {
            let last = nodes[Int(parent)].lastChild
            if last >= 0 { nodes[Int(last)].next = index } else { nodes[Int(parent)].firstChild = index }
            nodes[Int(parent)].lastChild = index
        }
        return index
    }

    /// Every string of the document enters here, and passes the terminal sanitizer on the way
    /// (after cmark has decoded entities: `&#27;` is an ESC by then): text, code, info strings,
    /// URLs, titles, table cells.
    mutating func store<C: Collection>(_ bytes: C) -> TextRange where C.Element == UInt8 {
        let start = Int32(text.count)
        func append(_ buffer: UnsafeBufferPointer<UInt8>) {
            if TerminalText.needsSanitizing(buffer) {
                TerminalText.sanitize(buffer, into: &text)
            } else {
                text.append(contentsOf: buffer)
            }
        }
        if bytes.withContiguousStorageIfAvailable(append) == nil {
            Array(bytes).withUnsafeBufferPointer(append)
        }
        return TextRange(start: start, count: Int32(text.count) - start)
    }

    /// Where a walk over the descendants of `root` in document order goes once it is done with
    /// `node` and everything below it: the next sibling of `node` or of its nearest ancestor that
    /// has one, or -1 when the walk is over. `leave` is called for `node` when `entered` (its
    /// children were walked), then for each ancestor the walk climbs out of (never for `root`).
    /// The block and the inline renderer both walk so, with an explicit stack instead of recursion.
    @inline(__always)
    func successor(after node: Int32, entered: Bool, within root: Int32, leave: (Int32) -> Void) -> Int32 {
        var finished = node
        var leaving = entered
        while true {
            if leaving { leave(finished) }
            if finished == root { return -1 }
            let next = nodes[Int(finished)].next
            if next >= 0 { return next }
            let parent = nodes[Int(finished)].parent
            if parent < 0 || parent == root { return -1 }
            finished = parent
            leaving = true
        }
    }

    /// The children of `node`, in order.
    public func children(of node: Int32) -> [Int32] {
        var result: [Int32] = []
        var child = nodes[Int(node)].firstChild
        while child >= 0 {
            result.append(child)
            child = nodes[Int(child)].next
        }
        return result
    }

    /// Every text and code literal reachable from the root, in document order (used by tests:
    /// nothing may be lost). Walks with an explicit stack.
    public func literals() -> [String] {
        var result: [String] = []
        guard !nodes.isEmpty else { return result }
        var stack: [Int32] = [root]
        while let index = stack.popLast() {
            let node = nodes[Int(index)]
            switch node.kind {
            case .text, .code, .codeBlock, .htmlBlock, .htmlInline: result.append(string(node.literal))
            default: break
            }
            var children: [Int32] = []
            var child = node.firstChild
            while child >= 0 {
                children.append(child)
                child = nodes[Int(child)].next
            }
            stack.append(contentsOf: children.reversed())
        }
        return result
    }
}
