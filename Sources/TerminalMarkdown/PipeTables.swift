#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// GitHub-style pipe tables, which libcmark 0.30 parses as paragraphs. A paragraph whose source
/// lines are a header row, a delimiter row (`---`, `:--`, `--:`, `:-:`) with as many cells, and
/// body rows becomes a `table` node of `tableRow`s of `tableCell`s holding inline nodes.
enum PipeTables {
    /// Rewrites every table-shaped paragraph of `document` in place. `source` is the Markdown the
    /// document was parsed from (source positions point into it).
    static func detect(in document: inout MarkdownDocument, source: UnsafeBufferPointer<UInt8>) {
        // Candidates: paragraphs of two lines or more, in document order (so line numbers rise
        // and one forward cursor finds every paragraph's lines without indexing the whole source).
        // Cell parses append paragraphs of their own; those are never candidates.
        let candidates = document.multiLineParagraphs
        var cursor = LineCursor(source: source)
        for index in candidates {
            let node = document.nodes[Int(index)]
            // Cheap test on the first two lines before splitting the whole paragraph.
            let firstTwo = sourceLines(of: node, cursor: &cursor, limit: 2)
            guard firstTwo.count == 2, firstTwo[0].contains(UInt8(ascii: "|")),
                let alignments = delimiterRow(firstTwo[1])
            else { continue }
            let lines = sourceLines(of: node, cursor: &cursor)
            let header = cells(of: lines[0])
            guard header.count == alignments.count else { continue }
            rewrite(
                paragraph: index, header: header, alignments: alignments,
                body: lines.dropFirst(2).map(cells(of:)), document: &document)
        }
    }

    /// Finds source lines by number, moving forward from the last one found; like cmark, LF, CR
    /// and CR LF all end a line.
    struct LineCursor {
        let source: UnsafeBufferPointer<UInt8>
        var line = 1
        var offset = 0
        /// Without any CR, lines end at LF only and `memchr` finds them.
        let onlyLineFeeds: Bool

        init(source: UnsafeBufferPointer<UInt8>) {
            self.source = source
            onlyLineFeeds = source.baseAddress.map { memchr($0, 0x0D, source.count) == nil } ?? true
        }

        /// The bytes of line `number` (1-based) without its line ending, or nil past the end.
        mutating func line(_ number: Int) -> Range<Int>? {
            if number < line {
                line = 1
                offset = 0
            }
            while line < number {
                guard offset < source.count else { return nil }
                offset = nextLineStart(after: offset)
                line += 1
            }
            guard offset <= source.count else { return nil }
            var end = offset
            while end < source.count && source[end] != 0x0A && source[end] != 0x0D { end += 1 }
            return offset..<end
        }

        private func nextLineStart(after start: Int) -> Int {
            if onlyLineFeeds, let base = source.baseAddress {
                guard start < source.count, let found = memchr(base + start, 0x0A, source.count - start) else {
                    return source.count + 1
                }
                return UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
            }
            var index = start
            while index < source.count {
                let byte = source[index]
                if byte == 0x0A { return index + 1 }
                if byte == 0x0D { return index + 1 < source.count && source[index + 1] == 0x0A ? index + 2 : index + 1 }
                index += 1
            }
            return source.count + 1
        }
    }

    /// The paragraph's lines without their container prefixes (`> `, list indentation).
    private static func sourceLines(of node: MarkdownDocument.Node, cursor: inout LineCursor, limit: Int = Int.max)
        -> [ArraySlice<UInt8>]
    {
        var lines: [ArraySlice<UInt8>] = []
        let firstLine = Int(node.startLine)
        let lastLine = Int(node.endLine)
        guard firstLine >= 1, firstLine <= lastLine else { return [] }
        let indent = max(0, Int(node.startColumn) - 1)
        let source = cursor.source
        var lineNumber = firstLine
        while lineNumber <= lastLine && lines.count < limit {
            guard let range = cursor.line(lineNumber) else { break }
            var start = range.lowerBound
            let end = range.upperBound
            if lineNumber == firstLine {
                start = min(end, start + indent)
            } else {
                var skipped = 0
                while start < end, skipped < indent,
                    source[start] == 0x20 || source[start] == 0x09 || source[start] == UInt8(ascii: ">")
                {
                    start += 1
                    skipped += 1
                }
            }
            lines.append(Array(source[start..<end])[...])
            lineNumber += 1
        }
        return lines
    }

    /// Alignments if `line` is a delimiter row, else nil.
    static func delimiterRow(_ line: ArraySlice<UInt8>) -> [MarkdownDocument.Alignment]? {
        let allowed: Set<UInt8> = [0x20, 0x09, UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: "-")]
        guard line.contains(UInt8(ascii: "-")), line.allSatisfy({ allowed.contains($0) }) else { return nil }
        guard line.contains(UInt8(ascii: "|")) else { return nil }
        var alignments: [MarkdownDocument.Alignment] = []
        for cell in cells(of: line) {
            let text = Array(cell.bytes)
            guard !text.isEmpty, text.contains(UInt8(ascii: "-")) else { return nil }
            let left = text.first == UInt8(ascii: ":")
            let right = text.last == UInt8(ascii: ":")
            let middle = text.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
            guard !middle.isEmpty, middle.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            alignments.append(left && right ? .center : right ? .right : left ? .left : .none)
        }
        return alignments
    }

    struct Cell {
        var bytes: [UInt8]
    }

    /// Splits a row at unescaped pipes; one leading and one trailing pipe are optional; `\|` is a pipe.
    static func cells(of line: ArraySlice<UInt8>) -> [Cell] {
        var row = Array(line)
        while let first = row.first, first == 0x20 || first == 0x09 { row.removeFirst() }
        while let last = row.last, last == 0x20 || last == 0x09 { row.removeLast() }
        if row.first == UInt8(ascii: "|") { row.removeFirst() }
        if row.last == UInt8(ascii: "|") && !(row.count >= 2 && row[row.count - 2] == UInt8(ascii: "\\")) {
            row.removeLast()
        }
        var result: [Cell] = []
        var current: [UInt8] = []
        var index = 0
        while index < row.count {
            let byte = row[index]
            if byte == UInt8(ascii: "\\") && index + 1 < row.count && row[index + 1] == UInt8(ascii: "|") {
                current.append(UInt8(ascii: "|"))
                index += 2
                continue
            }
            if byte == UInt8(ascii: "|") {
                result.append(Cell(bytes: trimmed(current)))
                current = []
            } else {
                current.append(byte)
            }
            index += 1
        }
        result.append(Cell(bytes: trimmed(current)))
        return result
    }

    private static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
        var slice = bytes[...]
        while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
        return Array(slice)
    }

    /// Bytes that may start inline markup; a cell without any is plain text and skips the parser.
    private static let markupBytes: Set<UInt8> = Set("*_`[]<>!&\\~".utf8)

    private static func rewrite(
        paragraph: Int32, header: [Cell], alignments: [MarkdownDocument.Alignment],
        body: [[Cell]], document: inout MarkdownDocument
    ) {
        document.nodes[Int(paragraph)].kind = .table
        document.nodes[Int(paragraph)].firstChild = -1
        document.nodes[Int(paragraph)].lastChild = -1
        let columns = alignments.count
        for (rowNumber, row) in ([header] + body).enumerated() {
            var rowNode = MarkdownDocument.Node(kind: .tableRow)
            rowNode.level = rowNumber == 0 ? 1 : 0
            let rowIndex = document.append(rowNode, to: paragraph)
            for column in 0..<columns {
                var cellNode = MarkdownDocument.Node(kind: .tableCell)
                cellNode.level = Int32(alignments[column].rawValue)
                let cellIndex = document.append(cellNode, to: rowIndex)
                guard column < row.count, !row[column].bytes.isEmpty else { continue }
                appendInlines(row[column].bytes, to: cellIndex, document: &document)
            }
        }
    }

    /// Parses a cell's text as inline Markdown under `cell`; anything that is not a single
    /// paragraph (a cell reading `# x` or `- x`) stays literal text.
    private static func appendInlines(_ bytes: [UInt8], to cell: Int32, document: inout MarkdownDocument) {
        func literal() {
            var text = MarkdownDocument.Node(kind: .text)
            text.literal = document.store(bytes)
            document.append(text, to: cell)
        }
        guard bytes.contains(where: { markupBytes.contains($0) }) else { return literal() }
        let mark = document.nodes.count
        let textMark = document.text.count
        let root = bytes.withUnsafeBufferPointer { CmarkParser.parse($0, into: &document, under: -1) }
        let paragraph = document.nodes[Int(root)].firstChild
        guard paragraph >= 0, document.nodes[Int(paragraph)].kind == .paragraph, document.nodes[Int(paragraph)].next < 0
        else {
            document.nodes.removeSubrange(mark...)
            document.text.removeSubrange(textMark...)
            return literal()
        }
        // Re-parent the paragraph's inline children under the cell; the parsed root and paragraph
        // stay behind unreachable.
        var child = document.nodes[Int(paragraph)].firstChild
        document.nodes[Int(cell)].firstChild = child
        document.nodes[Int(cell)].lastChild = document.nodes[Int(paragraph)].lastChild
        while child >= 0 {
            document.nodes[Int(child)].parent = cell
            child = document.nodes[Int(child)].next
        }
    }
}
