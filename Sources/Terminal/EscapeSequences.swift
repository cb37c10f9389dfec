/// The one reader of ANSI escape sequences in text, for everything that measures, cuts, wraps or
/// strips styled text (`DisplayWidth`, `TextWrap`, the quiz's and the reports' cuts, plain
/// renderings of styled Markdown). It recognises:
/// - CSI: `ESC [`, parameters, then one final byte 0x40–0x7E (colours, `ESC [ 0 ; 1 m`);
/// - OSC: `ESC ]` … ended by BEL or `ESC \` (hyperlinks, `ESC ] 8 ; ; URL ESC \`); a lone ESC
///   inside ends it too;
/// - any other `ESC X`: the ESC and the one character after it.
///
/// An unfinished sequence runs to the end of the text. Which sequences may reach the terminal at
/// all is `TerminalText`'s business; this only says where each one ends.
public enum EscapeSequences {
    /// A run of text as the terminal reads it.
    public enum Piece: Sendable, Equatable {
        /// One whole escape sequence (zero columns).
        case escape(String)
        /// Text between escape sequences.
        case visible(String)
    }

    /// The position just past the escape sequence starting at `start` (which holds ESC), never in
    /// the middle of a UTF-8 sequence.
    public static func end(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start + 1
        guard index < bytes.count else { return index }
        switch bytes[index] {
        case UInt8(ascii: "["):  // CSI: parameters then one final byte 0x40...0x7E
            index += 1
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if (0x40...0x7E).contains(byte) { break }
            }
        case UInt8(ascii: "]"):  // OSC: ends with BEL or ESC \
            index += 1
            while index < bytes.count {
                if bytes[index] == 0x07 {
                    index += 1
                    break
                }
                if bytes[index] == 0x1B {
                    index += 1
                    if index < bytes.count && bytes[index] == UInt8(ascii: "\\") { index += 1 }
                    break
                }
                index += 1
            }
        default:  // ESC and the one character after it (all of its UTF-8 bytes)
            index += 1
            while index < bytes.count && bytes[index] & 0xC0 == 0x80 { index += 1 }
        }
        return index
    }

    /// `text` split into escape sequences and the visible runs between them, in order; joined
    /// again they give `text` back.
    public static func pieces(_ text: String) -> [Piece] {
        var copy = text
        return copy.withUTF8 { bytes in
            var pieces: [Piece] = []
            var runStart = 0
            var index = 0
            func piece(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            while index < bytes.count {
                guard bytes[index] == 0x1B else {
                    index += 1
                    continue
                }
                if runStart < index { pieces.append(.visible(piece(runStart..<index))) }
                let end = end(in: bytes, from: index)
                pieces.append(.escape(piece(index..<end)))
                index = end
                runStart = end
            }
            if runStart < bytes.count { pieces.append(.visible(piece(runStart..<bytes.count))) }
            return pieces
        }
    }

    /// `text` without its escape sequences: what a terminal would show, as plain text.
    public static func removed(from text: String) -> String {
        guard text.utf8.contains(0x1B) else { return text }
        var result = ""
        for case .visible(let run) in pieces(text) { result += run }
        return result
    }

    /// The OSC 8 sequence that ends a hyperlink.
    public static let hyperlinkEnd = "\u{1B}]8;;\u{1B}\\"

    /// Whether `sequence` opens an OSC 8 hyperlink (true), closes one (false), or is something
    /// else (nil).
    static func opensHyperlink(_ sequence: String) -> Bool? {
        guard sequence.hasPrefix("\u{1B}]8;") else { return nil }
        var body = sequence.dropFirst(4)
        if body.hasSuffix("\u{1B}\\") {
            body = body.dropLast(2)
        } else if body.hasSuffix("\u{07}") || body.hasSuffix("\u{1B}") {
            body = body.dropLast()
        }
        return body != ";"
    }
}
