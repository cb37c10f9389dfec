import Terminal

extension DocumentRenderer {
    /// Lays out the inline children of `parent` into lines at most `width` wide.
    ///
    /// Walks the inline subtree with an explicit stack. Nesting changes counters (emphasis,
    /// strong, images) and a small stack of open links rather than recursing, so 50,000 nested
    /// emphasis markers cost memory proportional to the input and nothing more.
    mutating func renderInlines(of parent: Int32, base: SpanStyle, width: Int, leading: String? = nil) -> RenderedLines {
        var writer = LineWriter(width: width, color: settings.color)
        let color = settings.color
        if let leading {
            writer.text(leading, base, encoder: &encoder)
            writer.space(base, encoder: &encoder)
        }
        let nodes = document.nodes
        var emphasis = 0
        var strong = 0
        var openLinks: [(target: Int32, number: Int)] = []  // number 0: an autolink, no reference

        func currentStyle() -> SpanStyle {
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

        let textBase = document.text
        textBase.withUnsafeBufferPointer { allText in
            func bytes(_ range: MarkdownDocument.TextRange) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: allText[Int(range.start)..<Int(range.start + range.count)])
            }

            var current = nodes[Int(parent)].firstChild
            // A paragraph-like leaf with no inline children (an inline node standing alone).
            if current < 0, nodes[Int(parent)].kind.isBlock == false {
                current = parent
            }
            while current >= 0 {
                let node = nodes[Int(current)]
                var descend = false
                switch node.kind {
                case .text:
                    writer.text(bytes(node.literal), currentStyle(), encoder: &encoder)
                case .softBreak:
                    writer.space(currentStyle(), encoder: &encoder)
                case .lineBreak:
                    writer.hardBreak(encoder: &encoder)
                case .code:
                    let style = currentStyle().adding(0, color: .cyan)
                    if !color { writer.text("`", style, encoder: &encoder) }
                    writer.text(bytes(node.literal), style, encoder: &encoder)
                    if !color { writer.text("`", style, encoder: &encoder) }
                case .htmlInline, .customInline:
                    writer.text(bytes(node.literal), currentStyle().adding(SpanStyle.dim), encoder: &encoder)
                case .emphasis:
                    if !color { writer.text("_", currentStyle(), encoder: &encoder) }
                    emphasis += 1
                    descend = true
                case .strong:
                    if !color { writer.text("**", currentStyle(), encoder: &encoder) }
                    strong += 1
                    descend = true
                case .link, .image:
                    let url = document.string(node.info)
                    var number = 0
                    if node.kind == .image || !isAutolink(node, url: url) {
                        number = url.isEmpty ? -1 : self.number(for: url, title: document.string(node.title))
                    }
                    let target = url.isEmpty ? Int32(-1) : self.target(for: url)
                    if node.kind == .image {
                        writer.text("[image:", currentStyle().adding(0, color: .magenta), encoder: &encoder)
                        writer.space(currentStyle(), encoder: &encoder)
                    }
                    openLinks.append((target, number))
                    descend = true
                default:
                    // Block nodes never occur inside inlines; skip them.
                    break
                }
                if descend && node.firstChild >= 0 {
                    current = node.firstChild
                    continue
                }
                var finished = current
                var leave = descend
                while true {
                    if leave {
                        // Close the container `finished`.
                        let closing = nodes[Int(finished)]
                        switch closing.kind {
                        case .emphasis:
                            emphasis -= 1
                            if !color { writer.text("_", currentStyle(), encoder: &encoder) }
                        case .strong:
                            strong -= 1
                            if !color { writer.text("**", currentStyle(), encoder: &encoder) }
                        case .link, .image:
                            let link = openLinks.popLast()
                            if closing.kind == .image {
                                writer.text("]", currentStyle().adding(0, color: .magenta), encoder: &encoder)
                            }
                            if let link, link.number > 0 {
                                writer.text("[\(link.number)]", currentStyle().adding(SpanStyle.dim), encoder: &encoder)
                            }
                        default:
                            break
                        }
                    }
                    if finished == parent { current = -1; break }
                    let next = nodes[Int(finished)].next
                    if next >= 0 { current = next; break }
                    let up = nodes[Int(finished)].parent
                    if up < 0 || up == parent { current = -1; break }
                    finished = up
                    leave = true
                }
            }
        }
        let lines = writer.finish(encoder: &encoder)
        widestWordOfLastInlines = writer.widestWord
        return lines
    }

    /// A link whose visible text is its own URL (`<https://…>`, `<me@example.com>`): the URL is
    /// already on screen, so it gets no reference number.
    private func isAutolink(_ node: MarkdownDocument.Node, url: String) -> Bool {
        let child = node.firstChild
        guard child >= 0, document.nodes[Int(child)].next < 0, document.nodes[Int(child)].kind == .text else { return false }
        let text = document.string(document.nodes[Int(child)].literal)
        return text == url || "mailto:" + text == url
    }
}
