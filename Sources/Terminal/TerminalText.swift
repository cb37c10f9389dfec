/// The one sanitizer for text bound for the terminal.
///
/// A lesson, a quiz, a course title, a compiler message or a student program's output may hold
/// bytes a terminal acts on: ESC (CSI, OSC: clear the screen, set the title, write a hyperlink),
/// other C0 controls (BEL, BS, CR), DEL, and the C1 controls U+0080–U+009F (a terminal may read
/// U+009B as CSI and U+009C as the string terminator). Bidirectional overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069) reorder what the reader sees ("Trojan source"). Each of these
/// becomes U+FFFD, visible and one column wide; `\n` and `\t` stay (the renderers lay tabs out),
/// and `\r\n` becomes `\n`.
///
/// Two entry points: `sanitize` for untrusted text (removes every escape), and
/// `neutralizingForeignEscapes`, which `Output` applies to everything it writes and which keeps
/// only tandem's own styling — SGR attributes and colours, OSC 8 hyperlinks with a printable
/// target (`tandem watch` clears the screen through `Output.clearScreen`) — so nothing reaches the terminal unfiltered
/// even where a caller forgot to sanitize.
public enum TerminalText {
    /// U+FFFD as UTF-8.
    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// `text` with every control (see the type's comment) replaced by U+FFFD.
    public static func sanitize(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes in
            guard needsSanitizing(bytes) else { return text }
            var out: [UInt8] = []
            sanitize(bytes, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whether `bytes` hold anything `sanitize` would change (a fast scan for the common case).
    public static func needsSanitizing(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in bytes.indices where controlLength(bytes, at: index) != nil { return true }
        return false
    }

    /// Appends `bytes` to `out` with every control replaced by U+FFFD.
    public static func sanitize(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.reserveCapacity(out.count + bytes.count)
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if let skip = controlLength(bytes, at: index) {
                if !(byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A) {
                    out.append(contentsOf: replacement)
                }
                index += skip
            } else {
                out.append(byte)
                index += 1
            }
        }
    }

    /// The byte length of the control starting at `index` (1 for C0/DEL, 2 for a C1 code point, 3
    /// for a bidi control), or nil when the byte there starts ordinary text.
    @inline(__always)
    static func controlLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let byte = bytes[index]
        if byte < 0x20 { return byte == 0x0A || byte == 0x09 ? nil : 1 }
        if byte == 0x7F { return 1 }
        if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return 2 }
        if byte == 0xE2, index + 2 < bytes.count, isBidiControl(bytes[index + 1], bytes[index + 2]) { return 3 }
        return nil
    }

    /// U+202A–U+202E (E2 80 AA–AE) and U+2066–U+2069 (E2 81 A6–A9).
    @inline(__always)
    static func isBidiControl(_ second: UInt8, _ third: UInt8) -> Bool {
        (second == 0x80 && (0xAA...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third))
    }

    // MARK: - The writer's pass

    /// Whether `bytes` can be written as they are: no control but `\n`, `\t`, `\r\n` and the
    /// escape sequences tandem writes itself.
    public static func isClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x1B {
                guard let length = ownSequenceLength(bytes, at: index) else { return false }
                index += length
                continue
            }
            if byte == 0x0D {
                guard index + 1 < count, bytes[index + 1] == 0x0A else { return false }
                index += 1
                continue
            }
            if controlLength(bytes, at: index) != nil { return false }
            index += 1
        }
        return true
    }

    /// `bytes` with every escape sequence that is not tandem's own, and every other control,
    /// replaced by U+FFFD (`\r\n` stays: `tandem watch` draws in raw mode).
    public static func neutralizingForeignEscapes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x1B, let length = ownSequenceLength(bytes, at: index) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
                index += length
            } else if byte == 0x0D, index + 1 < count, bytes[index + 1] == 0x0A {
                out.append(contentsOf: [0x0D, 0x0A])
                index += 2
            } else if let length = controlLength(bytes, at: index) {
                out.append(contentsOf: replacement)
                index += length
            } else {
                out.append(byte)
                index += 1
            }
        }
        return out
    }

    /// `text` with only tandem's own styling kept (`neutralizingForeignEscapes`): for output that
    /// tandem itself wrote in colour, such as a live block's run of `tandem`.
    public static func keepingOwnStyling(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes in
            isClean(bytes) ? text : String(decoding: neutralizingForeignEscapes(bytes), as: UTF8.self)
        }
    }

    /// The length of the escape sequence at `index` when it is one tandem writes: SGR with
    /// attributes 0–4, 22–24 and the 16 colours (`ESC [ … m`); an OSC 8
    /// hyperlink with a printable target (no space or control), ended by `ESC \`. Nil for anything else.
    static func ownSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        let count = bytes.count
        guard start + 1 < count else { return nil }
        var index = start + 2
        switch bytes[start + 1] {
        case UInt8(ascii: "["):
            var parameter = 0
            var digits = 0
            while index < count {
                let byte = bytes[index]
                if byte >= 0x30 && byte <= 0x39 {
                    digits += 1
                    if digits > 3 { return nil }
                    parameter = parameter * 10 + Int(byte - 0x30)
                } else if byte == UInt8(ascii: ";") || byte == UInt8(ascii: "m") {
                    guard isOwnSGRParameter(parameter) else { return nil }
                    if byte == UInt8(ascii: "m") { return index + 1 - start }
                    parameter = 0
                    digits = 0
                } else {
                    return nil
                }
                index += 1
            }
            return nil
        case UInt8(ascii: "]"):
            // ESC ] 8 ; ; TARGET ESC \  (an empty target closes the link)
            guard start + 4 < count, bytes[start + 2] == UInt8(ascii: "8"), bytes[start + 3] == UInt8(ascii: ";"),
                bytes[start + 4] == UInt8(ascii: ";")
            else { return nil }
            index = start + 5
            while index < count {
                let byte = bytes[index]
                if byte == 0x1B {
                    return index + 1 < count && bytes[index + 1] == UInt8(ascii: "\\") ? index + 2 - start : nil
                }
                // Printable ASCII and UTF-8 other than the C1 controls (C2 80–C2 9F).
                guard byte > 0x20 && byte != 0x7F else { return nil }
                if byte == 0xC2, index + 1 < count, (0x80...0x9F).contains(bytes[index + 1]) { return nil }
                index += 1
            }
            return nil
        default:
            return nil
        }
    }

    @inline(__always)
    static func isOwnSGRParameter(_ value: Int) -> Bool {
        value <= 4 || (22...24).contains(value) || (30...39).contains(value) || (90...97).contains(value)
    }

    /// A whole message on one line: `excerpt` with room for a long path or two.
    public static func oneLine(_ text: String, limit: Int = 1_000) -> String {
        excerpt(text, limit: limit)
    }

    /// A printable excerpt of `text` for a message: sanitized, on one line (newlines shown as
    /// `⏎`), at most `limit` characters with `…` marking the cut.
    public static func excerpt(_ text: String, limit: Int = 60) -> String {
        var result = ""
        var taken = 0
        for character in text {
            if taken == limit {
                result += "…"
                break
            }
            result.append(character == "\n" || character == "\r\n" ? "⏎" : character)
            taken += 1
        }
        return sanitize(result.replacingOccurrences(of: "\t", with: " "))
    }
}
