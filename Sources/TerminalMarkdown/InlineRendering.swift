import Terminal

/// What the inline walk has open: counters for nesting that only changes style, and a small stack
/// of open links (links hold images, images hold links).
private struct InlineState {
    var emphasis = 0
    var strong = 0
    /// Open links and images: OSC 8 target and reference number (0: an autolink, -1: no URL).
    var openLinks: [(target: Int32, number: Int)] = []

    func style(_ base: SpanStyle) -> SpanStyle {
        var style = base
        if emphasis > 0 { style.flags |= SpanStyle.italic }
        if strong > 0 { style.flags |= SpanStyle.bold }
        if let link = openLinks.last {
            style.flags |= SpanStyle.underline
            style.color = Style.Color.blue.rawValue + 1
            style.link = link.target
        }
        return style
    }
}

extension DocumentRenderer {
    /// Lays out the inline children of `parent` into lines at most `width` wide.
    ///
    /// Walks the inline subtree with an explicit stack. Nesting changes counters (emphasis,
    /// strong) and a small stack of open links rather than recursing, so 50,000 nested emphasis
    /// markers cost memory proportional to the input and nothing more.
    mutating func renderInlines(of parent: Int32, base: SpanStyle, width: Int, leading: String? = nil) -> RenderedLines
    {
        var writer = LineWriter(width: width, color: settings.color)
        if let leading {
            writer.text(leading, base, encoder: &encoder)
            writer.space(base, encoder: &encoder)
        }
        let document = self.document
        document.nodes.withUnsafeBufferPointer { nodes in
            document.text.withUnsafeBufferPointer { text in
                walkInlines(of: parent, nodes: nodes, text: text, base: base, writer: &writer)
            }
        }
        let lines = writer.finish(encoder: &encoder)
        widestWordOfLastInlines = writer.widestWord
        return lines
    }

    private mutating func walkInlines(
        of parent: Int32, nodes: UnsafeBufferPointer<MarkdownDocument.Node>,
        text: UnsafeBufferPointer<UInt8>, base: SpanStyle, writer: inout LineWriter
    ) {
        let color = settings.color
        let document = self.document
        var state = InlineState()
        @inline(__always) func bytes(_ range: MarkdownDocument.TextRange) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: text[Int(range.start)..<Int(range.start + range.count)])
        }

        var current = nodes[Int(parent)].firstChild
        // An inline node standing where a block belongs is rendered as itself.
        if current < 0, !nodes[Int(parent)].kind.isBlock { current = parent }
        while current >= 0 {
            let kind = nodes[Int(current)].kind
            var descend = false
            switch kind {
            case .text:
                writer.text(bytes(nodes[Int(current)].literal), state.style(base), encoder: &encoder)
            case .softBreak:
                writer.space(state.style(base), encoder: &encoder)
            case .lineBreak:
                writer.hardBreak(encoder: &encoder)
            case .code:
                let style = state.style(base).adding(0, color: .cyan)
                if !color { writer.text("`", style, encoder: &encoder) }
                writer.text(bytes(nodes[Int(current)].literal), style, encoder: &encoder)
                if !color { writer.text("`", style, encoder: &encoder) }
            case .htmlInline, .customInline:
                // An HTML comment is invisible in every Markdown renderer, so authors use it for notes
                // (the course's live-number markers); other inline HTML shows dimmed.
                let literal = bytes(nodes[Int(current)].literal)
                if !(kind == .htmlInline && isHTMLComment(literal)) {
                    writer.text(literal, state.style(base).adding(SpanStyle.dim), encoder: &encoder)
                }
            case .emphasis:
                if !color { writer.text("_", state.style(base), encoder: &encoder) }
                state.emphasis += 1
                descend = true
            case .strong:
                if !color { writer.text("**", state.style(base), encoder: &encoder) }
                state.strong += 1
                descend = true
            case .link, .image:
                let node = nodes[Int(current)]
                let url = document.string(node.info)
                var number = -1
                if !url.isEmpty {
                    number =
                        (kind == .image || !isAutolink(node, url: url))
                        ? self.number(for: url, title: document.string(node.title)) : 0
                }
                let target = url.isEmpty ? Int32(-1) : self.target(for: url)
                if kind == .image {
                    writer.text("[image:", state.style(base).adding(0, color: .magenta), encoder: &encoder)
                    writer.space(state.style(base), encoder: &encoder)
                }
                state.openLinks.append((target, number))
                descend = true
            default:
                break  // block nodes never occur inside inlines
            }
            if descend && nodes[Int(current)].firstChild >= 0 {
                current = nodes[Int(current)].firstChild
                continue
            }
            current = document.successor(after: current, entered: descend, within: parent) { finished in
                switch nodes[Int(finished)].kind {
                case .emphasis:
                    state.emphasis -= 1
                    if !color { writer.text("_", state.style(base), encoder: &encoder) }
                case .strong:
                    state.strong -= 1
                    if !color { writer.text("**", state.style(base), encoder: &encoder) }
                case .link, .image:
                    let link = state.openLinks.popLast()
                    if nodes[Int(finished)].kind == .image {
                        writer.text("]", state.style(base).adding(0, color: .magenta), encoder: &encoder)
                    }
                    if let link, link.number > 0 {
                        writer.text("[\(link.number)]", state.style(base).adding(SpanStyle.dim), encoder: &encoder)
                    }
                default:
                    break
                }
            }
        }
    }

    /// A link whose visible text is its own URL (`<https://…>`, `<me@example.com>`): the URL is
    /// already on screen, so it gets no reference number.
    private func isAutolink(_ node: MarkdownDocument.Node, url: String) -> Bool {
        let child = node.firstChild
        guard child >= 0, document.nodes[Int(child)].next < 0, document.nodes[Int(child)].kind == .text else {
            return false
        }
        let text = document.string(document.nodes[Int(child)].literal)
        return text == url || "mailto:" + text == url
    }
}

/// Whether raw HTML is one comment, `<!-- … -->`, and nothing else but surrounding whitespace.
func isHTMLComment(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var start = 0
    var end = bytes.count
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
    while start < end && isSpace(bytes[start]) { start += 1 }
    while end > start && isSpace(bytes[end - 1]) { end -= 1 }
    let open: [UInt8] = Array("<!--".utf8)
    let close: [UInt8] = Array("-->".utf8)
    guard end - start >= open.count + close.count else { return false }
    for (offset, byte) in open.enumerated() where bytes[start + offset] != byte { return false }
    for (offset, byte) in close.enumerated() where bytes[end - close.count + offset] != byte { return false }
    // One comment: no second `-->` before the last one.
    var index = start + open.count
    while index + close.count <= end - close.count {
        if bytes[index] == close[0] && bytes[index + 1] == close[1] && bytes[index + 2] == close[2] { return false }
        index += 1
    }
    return true
}
