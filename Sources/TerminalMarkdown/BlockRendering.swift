import Terminal

extension DocumentRenderer {
    /// One open container on the walk's explicit stack.
    struct Frame {
        var kind: MarkdownDocument.Kind
        var pushedPrefix = false
        var ordered = false
        var tight = false
        var nextNumber = 1
        var markerWidth = 2
        var parenDelimiter = false
    }

    /// Renders the whole document, then the numbered link list; returns the output bytes.
    mutating func renderDocument() -> [UInt8] {
        var frames: [Frame] = []
        var listDepth = 0
        var pendingBlank = false
        let document = self.document
        let nodes = document.nodes
        guard !nodes.isEmpty else { return [] }
        let root = document.root

        var current = nodes[Int(root)].firstChild
        while current >= 0 {
            let node = nodes[Int(current)]
            var descend = false

            // An HTML comment block renders as nothing and leaves the spacing as it was.
            let skipSpacing = node.kind == .htmlBlock && isCommentBlock(current)
            // Separate this block from the previous one.
            if !skipSpacing {
                if pendingBlank && anyOutput { emitBlank() }
                pendingBlank = false
            }

            switch node.kind {
            case .blockQuote:
                var frame = Frame(kind: .blockQuote)
                let bar = styled(glyphs.quoteBar, SpanStyle(flags: SpanStyle.dim)) + [0x20]
                frame.pushedPrefix = pushPrefix(first: bar, rest: bar, width: 2)
                frames.append(frame)
                descend = true
            case .list:
                var frame = Frame(kind: .list)
                frame.ordered = node.ordered
                frame.tight = node.tight
                frame.parenDelimiter = node.parenDelimiter
                frame.nextNumber = Int(node.listStart)
                if node.ordered {
                    var count = 0
                    var child = node.firstChild
                    while child >= 0 {
                        count += 1
                        child = nodes[Int(child)].next
                    }
                    let largest = Int(node.listStart) + max(0, count - 1)
                    frame.markerWidth = String(largest).count + 2
                } else {
                    frame.markerWidth = 2
                }
                listDepth += 1
                frames.append(frame)
                descend = true
            case .item:
                var frame = Frame(kind: .item)
                if let listIndex = frames.indices.last, frames[listIndex].kind == .list {
                    let list = frames[listIndex]
                    frame.tight = list.tight
                    let marker: String
                    if list.ordered {
                        let number = String(list.nextNumber) + (list.parenDelimiter ? ")" : ".")
                        marker = String(repeating: " ", count: max(0, list.markerWidth - 1 - number.count)) + number
                        frames[listIndex].nextNumber += 1
                    } else {
                        marker = glyphs.bullets[(listDepth - 1) % glyphs.bullets.count]
                    }
                    let first =
                        styled(marker, SpanStyle(color: .cyan))
                        + Array(repeating: 0x20, count: list.markerWidth - DisplayWidth.of(marker))
                    frame.pushedPrefix = pushPrefix(
                        first: first, rest: Array(repeating: 0x20, count: list.markerWidth), width: list.markerWidth)
                }
                frames.append(frame)
                descend = true
            case .customBlock, .document:
                frames.append(Frame(kind: node.kind))
                descend = true
            case .paragraph:
                renderParagraph(current)
            case .heading:
                renderHeading(current)
            case .codeBlock:
                renderCodeBlock(current)
            case .htmlBlock:
                if !skipSpacing { renderHTMLBlock(current) }
            case .thematicBreak:
                let rule = String(repeating: glyphs.rule, count: contentWidth)
                emit(styled(rule, SpanStyle(flags: SpanStyle.dim)))
            case .table:
                renderTable(current)
            default:
                // An inline node where a block belongs cannot come from cmark; show its text anyway.
                renderParagraph(current)
            }

            if descend && node.firstChild >= 0 {
                current = node.firstChild
                continue
            }
            if !descend && !skipSpacing {
                // A leaf block: in a tight list item, the next block follows without a blank line.
                pendingBlank = !(frames.last.map { $0.kind == .item && $0.tight } ?? false)
            }
            // Leave containers until one has a next sibling.
            current = document.successor(after: current, entered: descend, within: root) { _ in
                if let frame = frames.popLast() {
                    closeContainer(frame, pendingBlank: &pendingBlank, listDepth: &listDepth)
                }
            }
        }
        renderLinkList()
        return out
    }

    private mutating func closeContainer(_ frame: Frame, pendingBlank: inout Bool, listDepth: inout Int) {
        switch frame.kind {
        case .item:
            if frame.pushedPrefix && innermostFirstPending { emit([]) }  // an empty item still shows its marker
            if frame.pushedPrefix { popPrefix() }
            pendingBlank = !frame.tight
        case .list:
            listDepth -= 1
            pendingBlank = true
        case .blockQuote:
            if frame.pushedPrefix { popPrefix() }
            pendingBlank = true
        default:
            pendingBlank = true
        }
    }

    // MARK: Leaf blocks

    mutating func renderParagraph(_ index: Int32) {
        for line in renderInlines(of: index, base: .plain, width: contentWidth) { emit(line.bytes) }
    }

    mutating func renderHeading(_ index: Int32) {
        let level = Int(document.nodes[Int(index)].level)
        let color = settings.color
        let base: SpanStyle
        switch level {
        case 1: base = SpanStyle(flags: SpanStyle.bold, color: .magenta)
        case 2: base = SpanStyle(flags: SpanStyle.bold, color: .cyan)
        // No yellow (or white) anywhere: it is unreadable on light backgrounds.
        case 3: base = SpanStyle(flags: SpanStyle.bold | SpanStyle.underline)
        case 4: base = SpanStyle(flags: SpanStyle.bold, color: .green)
        case 5: base = SpanStyle(flags: SpanStyle.bold)
        default: base = SpanStyle(flags: SpanStyle.italic | SpanStyle.bold)
        }
        // Without colour, levels 3–6 keep their `#` marks; levels 1 and 2 are underlined below.
        let marker = (!color && level >= 3) ? String(repeating: "#", count: level) : nil
        let lines = renderInlines(of: index, base: base, width: contentWidth, leading: marker)
        if lines.isEmpty { emit([]) }
        for line in lines { emit(line.bytes) }
        if level <= 2 {
            let ruleWidth = max(1, min(contentWidth, lines.map(\.width).max() ?? 1))
            let glyph = level == 1 ? glyphs.heading1Rule : glyphs.heading2Rule
            emit(styled(String(repeating: glyph, count: ruleWidth), base.adding(0).removingBold()))
        }
    }

    mutating func renderCodeBlock(_ index: Int32) {
        let node = document.nodes[Int(index)]
        if codeFrame == nil {
            let frameStyle = SpanStyle(flags: SpanStyle.dim)
            codeFrame = (
                styled(glyphs.codeTop, frameStyle), styled(glyphs.codeSide, frameStyle) + [0x20],
                styled(glyphs.codeBottom, frameStyle)
            )
        }
        guard let (top, side, bottom) = codeFrame else { return }
        // The language is the info string's first word, clipped to the width.
        var header = top
        var highlighter: CodeHighlighter? = nil
        if !node.info.isEmpty {
            var language = document.string(node.info)
            if let end = language.firstIndex(where: { $0 == " " || $0 == "\t" }) { language = String(language[..<end]) }
            if settings.color { highlighter = CodeHighlighter(info: language) }
            language = clip(language, to: max(0, contentWidth - 3))
            header.append(0x20)
            header += styled(language, SpanStyle(flags: SpanStyle.italic))
        }
        emit(header)
        var codeLine: [UInt8] = []
        let literal = node.literal
        let text = document.text
        text.withUnsafeBufferPointer { all in
            let bytes = UnsafeBufferPointer(rebasing: all[Int(literal.start)..<Int(literal.start + literal.count)])
            var start = 0
            overflowAllowed = true
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                beginLine()
                out.append(contentsOf: end > start ? side : side.dropLast())
                if highlighter != nil {
                    codeLine.removeAll(keepingCapacity: true)
                    appendCodeLine(UnsafeBufferPointer(rebasing: bytes[start..<end]), to: &codeLine)
                    highlighter?.highlight(codeLine, into: &out, encoder: &encoder)
                } else {
                    appendCodeLine(UnsafeBufferPointer(rebasing: bytes[start..<end]), to: &out)
                }
                endLine()
                start = end + 1
            }
            overflowAllowed = false
        }
        emit(bottom)
    }

    /// Copies a code line: tabs expand to 4-column stops, control characters become U+FFFD.
    private func appendCodeLine(_ bytes: UnsafeBufferPointer<UInt8>, to line: inout [UInt8]) {
        var column = 0
        if !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            line.append(contentsOf: bytes)
            return
        }
        for byte in bytes {
            if byte == 0x09 {
                let spaces = 4 - column % 4
                line.append(contentsOf: repeatElement(0x20, count: spaces))
                column += spaces
            } else if byte < 0x20 || byte == 0x7F {
                if byte != 0x0D {
                    line.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    column += 1
                }
            } else {
                line.append(byte)
                if byte < 0x80 || byte >= 0xC0 { column += 1 }
            }
        }
    }

    /// An HTML block that is one comment and nothing else.
    func isCommentBlock(_ index: Int32) -> Bool {
        let literal = document.nodes[Int(index)].literal
        return document.text.withUnsafeBufferPointer { all in
            isHTMLComment(UnsafeBufferPointer(rebasing: all[Int(literal.start)..<Int(literal.start + literal.count)]))
        }
    }

    mutating func renderHTMLBlock(_ index: Int32) {
        let node = document.nodes[Int(index)]
        var writer = LineWriter(width: contentWidth, color: settings.color)
        let style = SpanStyle(flags: SpanStyle.dim)
        let literal = node.literal
        document.text.withUnsafeBufferPointer { all in
            var bytes = UnsafeBufferPointer(rebasing: all[Int(literal.start)..<Int(literal.start + literal.count)])
            if bytes.last == 0x0A { bytes = UnsafeBufferPointer(rebasing: bytes[0..<bytes.count - 1]) }
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                writer.text(UnsafeBufferPointer(rebasing: bytes[start..<end]), style, encoder: &encoder)
                if end < bytes.count { writer.hardBreak(encoder: &encoder) }
                start = end + 1
            }
        }
        for line in writer.finish(encoder: &encoder) { emit(line.bytes) }
    }

    /// `text` cut to at most `columns` display columns.
    func clip(_ text: String, to columns: Int) -> String {
        DisplayWidth.prefix(text, columns: columns)
    }

    // MARK: Links at the end

    mutating func renderLinkList() {
        guard !numberedLinks.isEmpty else { return }
        if anyOutput { emitBlank() }
        let labelWidth = String(numberedLinks.count).count + 3  // "[n] "
        let room = max(1, width - labelWidth)
        let numberStyle = SpanStyle(flags: SpanStyle.dim)
        for (offset, target) in numberedLinks.enumerated() {
            var writer = LineWriter(width: room, color: settings.color)
            let url = encoder.linkTargets[Int(target)]
            url.withUnsafeBufferPointer { writer.text($0, SpanStyle(color: .blue, link: target), encoder: &encoder) }
            let title = linkTitles[offset]
            if !title.isEmpty {
                writer.space(.plain, encoder: &encoder)
                writer.text(
                    glyphs.openQuote + title + glyphs.closeQuote, SpanStyle(flags: SpanStyle.italic), encoder: &encoder)
            }
            let label = "[\(offset + 1)]"
            let labelBytes = styled(label, numberStyle) + Array(repeating: 0x20, count: labelWidth - label.count)
            let indent = [UInt8](repeating: 0x20, count: labelWidth)
            for (lineNumber, line) in writer.finish(encoder: &encoder).enumerated() {
                emit((lineNumber == 0 ? labelBytes : indent) + line.bytes)
            }
        }
    }
}

extension SpanStyle {
    func removingBold() -> SpanStyle {
        var copy = self
        copy.flags &= ~SpanStyle.bold
        copy.flags &= ~SpanStyle.italic
        return copy
    }
}
