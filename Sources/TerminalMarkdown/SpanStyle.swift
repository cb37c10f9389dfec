import Terminal

/// The style of a run of rendered text: attributes, one of the 16 colours, and the link (an index
/// into the renderer's link targets, for OSC 8 hyperlinks) it belongs to. Small and cheap to compare,
/// because the line writer compares styles at every run boundary.
struct SpanStyle: Equatable {
    static let bold: UInt8 = 1
    static let dim: UInt8 = 2
    static let italic: UInt8 = 4
    static let underline: UInt8 = 8

    var flags: UInt8 = 0
    /// 0 for the default colour, else `Style.Color.rawValue + 1`.
    var color: UInt8 = 0
    /// -1 outside links.
    var link: Int32 = -1

    static let plain = SpanStyle()

    init(flags: UInt8 = 0, color: Style.Color? = nil, link: Int32 = -1) {
        self.flags = flags
        self.color = color.map { $0.rawValue + 1 } ?? 0
        self.link = link
    }

    /// Same attributes and colour (links aside).
    func sameLook(_ other: SpanStyle) -> Bool { flags == other.flags && color == other.color }

    var isPlainLook: Bool { flags == 0 && color == 0 }

    /// This style with more attributes, and `color` when given.
    func adding(_ moreFlags: UInt8, color newColor: Style.Color? = nil) -> SpanStyle {
        var copy = self
        copy.flags |= moreFlags
        if let newColor { copy.color = newColor.rawValue + 1 }
        return copy
    }

    var terminalStyle: Style {
        Style(
            bold: flags & SpanStyle.bold != 0, dim: flags & SpanStyle.dim != 0, italic: flags & SpanStyle.italic != 0,
            underline: flags & SpanStyle.underline != 0, foreground: color == 0 ? nil : Style.Color(rawValue: color - 1)
        )
    }
}

/// Emits the escape bytes that switch from one `SpanStyle` to another, caching the SGR sequences.
struct StyleEncoder {
    /// Link targets (bytes of each URL), indexed by `SpanStyle.link`.
    var linkTargets: [[UInt8]] = []
    /// SGR sequences by look (flags in the low 4 bits, colour above), built on first use.
    private var sgrCache = [[UInt8]?](repeating: nil, count: 16 * 17)

    static let reset: [UInt8] = Array(Style.reset.utf8)
    static let hyperlinkClose: [UInt8] = Array(EscapeSequences.hyperlinkEnd.utf8)

    /// Appends to `bytes` what it takes to go from style `from` to style `to`.
    mutating func transition(from: SpanStyle, to: SpanStyle, into bytes: inout [UInt8]) {
        if from == to { return }
        if from.link != to.link {
            if from.link >= 0 { bytes.append(contentsOf: StyleEncoder.hyperlinkClose) }
            if to.link >= 0, Int(to.link) < linkTargets.count {
                bytes.append(contentsOf: [0x1B, 0x5D, 0x38, 0x3B, 0x3B])  // ESC ] 8 ; ;
                bytes.append(contentsOf: linkTargets[Int(to.link)])
                bytes.append(contentsOf: [0x1B, 0x5C])  // ESC \
            }
        }
        if !from.sameLook(to) {
            if to.isPlainLook {
                bytes.append(contentsOf: StyleEncoder.reset)
            } else {
                let key = Int(to.flags & 0x0F) | Int(to.color) << 4
                if let cached = sgrCache[key] {
                    bytes.append(contentsOf: cached)
                } else {
                    let sequence = Array(to.terminalStyle.escape.utf8)
                    sgrCache[key] = sequence
                    bytes.append(contentsOf: sequence)
                }
            }
        }
    }
}
