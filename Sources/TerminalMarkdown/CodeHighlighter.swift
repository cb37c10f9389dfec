/// Light syntax colouring for Swift and shell code blocks (colour output only): comments dim,
/// strings green, keywords magenta, numbers cyan; for shell, the prompt dim and the command bold.
/// Line by line over bytes, carrying only "inside a block comment" from one line to the next —
/// a reading aid, not a parser.
struct CodeHighlighter {
    enum Language { case swift, shell }

    let language: Language
    private var inBlockComment = false

    /// The highlighter for a fence's language, or nil when the language gets no colouring.
    init?(info: String) {
        switch info.lowercased() {
        case "swift": language = .swift
        case "sh", "bash", "shell", "zsh", "console", "terminal", "shell-session": language = .shell
        default: return nil
        }
    }

    static let comment = SpanStyle(flags: SpanStyle.dim)
    static let string = SpanStyle(color: .green)
    static let keyword = SpanStyle(color: .magenta)
    static let number = SpanStyle(color: .cyan)
    static let command = SpanStyle(flags: SpanStyle.bold)

    private static let swiftKeywords: Set<String> = [
        "actor", "any", "as", "associatedtype", "async", "await", "break", "case", "catch", "class", "continue",
        "default", "defer", "deinit", "do", "else", "enum", "extension", "fallthrough", "false", "fileprivate",
        "final", "for", "func", "guard", "if", "import", "in", "init", "inout", "internal", "is", "let", "mutating",
        "nil", "nonisolated", "open", "override", "private", "protocol", "public", "repeat", "rethrows", "return",
        "self", "Self", "some", "static", "struct", "subscript", "super", "switch", "throw", "throws", "true", "try",
        "typealias", "var", "where", "while",
    ]

    /// Appends `line` (already free of tabs and control characters) to `out`, coloured.
    mutating func highlight(_ line: [UInt8], into out: inout [UInt8], encoder: inout StyleEncoder) {
        var current = SpanStyle.plain
        func emit(_ range: Range<Int>, _ style: SpanStyle, _ out: inout [UInt8], _ encoder: inout StyleEncoder) {
            guard !range.isEmpty else { return }
            encoder.transition(from: current, to: style, into: &out)
            current = style
            out.append(contentsOf: line[range])
        }
        switch language {
        case .swift: highlightSwift(line, emit: emit, out: &out, encoder: &encoder)
        case .shell: highlightShell(line, emit: emit, out: &out, encoder: &encoder)
        }
        encoder.transition(from: current, to: .plain, into: &out)
    }

    private typealias Emit = (Range<Int>, SpanStyle, inout [UInt8], inout StyleEncoder) -> Void

    private mutating func highlightSwift(_ line: [UInt8], emit: Emit, out: inout [UInt8], encoder: inout StyleEncoder) {
        var index = 0
        let count = line.count
        func at(_ offset: Int) -> UInt8 { offset < count ? line[offset] : 0 }
        while index < count {
            let start = index
            if inBlockComment {
                while index < count && !(line[index] == UInt8(ascii: "*") && at(index + 1) == UInt8(ascii: "/")) {
                    index += 1
                }
                if index < count {
                    index += 2
                    inBlockComment = false
                }
                emit(start..<index, Self.comment, &out, &encoder)
                continue
            }
            let byte = line[index]
            if byte == UInt8(ascii: "/") && at(index + 1) == UInt8(ascii: "/") {
                emit(start..<count, Self.comment, &out, &encoder)
                return
            }
            if byte == UInt8(ascii: "/") && at(index + 1) == UInt8(ascii: "*") {
                inBlockComment = true
                index += 2
                emit(start..<index, Self.comment, &out, &encoder)
                continue
            }
            if byte == UInt8(ascii: "\"") {
                index = Self.endOfString(line, from: index, quote: byte)
                emit(start..<index, Self.string, &out, &encoder)
                continue
            }
            if Self.isIdentifierStart(byte) || byte == UInt8(ascii: "@") || byte == UInt8(ascii: "#") {
                index += 1
                while index < count && Self.isIdentifierPart(line[index]) { index += 1 }
                let word = String(decoding: line[start..<index], as: UTF8.self)
                let isKeyword =
                    byte == UInt8(ascii: "@") || byte == UInt8(ascii: "#") || Self.swiftKeywords.contains(word)
                emit(start..<index, isKeyword ? Self.keyword : .plain, &out, &encoder)
                continue
            }
            if Self.isDigit(byte) {
                while index < count
                    && (Self.isIdentifierPart(line[index])
                        || line[index] == UInt8(ascii: ".") && Self.isDigit(at(index + 1)))
                { index += 1 }
                emit(start..<index, Self.number, &out, &encoder)
                continue
            }
            index += 1
            while index < count, !Self.startsToken(line[index]) { index += 1 }
            emit(start..<index, .plain, &out, &encoder)
        }
    }

    private func highlightShell(_ line: [UInt8], emit: Emit, out: inout [UInt8], encoder: inout StyleEncoder) {
        var index = 0
        let count = line.count
        while index < count && line[index] == 0x20 { index += 1 }
        emit(0..<index, .plain, &out, &encoder)
        // A `$ ` or `% ` prompt, then the command word.
        if index + 1 < count, line[index] == UInt8(ascii: "$") || line[index] == UInt8(ascii: "%"),
            line[index + 1] == 0x20
        {
            emit(index..<index + 2, Self.comment, &out, &encoder)
            index += 2
        }
        var expectCommand = true
        while index < count {
            let start = index
            let byte = line[index]
            if byte == UInt8(ascii: "#") && (index == 0 || line[index - 1] == 0x20) {
                emit(start..<count, Self.comment, &out, &encoder)
                return
            }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                index = Self.endOfString(line, from: index, quote: byte)
                emit(start..<index, Self.string, &out, &encoder)
                expectCommand = false
                continue
            }
            if byte == 0x20 {
                while index < count && line[index] == 0x20 { index += 1 }
                emit(start..<index, .plain, &out, &encoder)
                continue
            }
            if byte == UInt8(ascii: "|") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "&") {
                index += 1
                emit(start..<index, Self.keyword, &out, &encoder)
                expectCommand = true
                continue
            }
            while index < count, line[index] != 0x20, line[index] != UInt8(ascii: "\""),
                line[index] != UInt8(ascii: "'"),
                line[index] != UInt8(ascii: "|"), line[index] != UInt8(ascii: ";")
            { index += 1 }
            if index == start { index += 1 }
            emit(
                start..<index, expectCommand ? Self.command : (byte == UInt8(ascii: "-") ? Self.number : .plain), &out,
                &encoder)
            expectCommand = false
        }
    }

    /// Just past the closing quote (a backslash escapes the next byte), or the line's end.
    private static func endOfString(_ line: [UInt8], from start: Int, quote: UInt8) -> Int {
        var index = start + 1
        while index < line.count {
            if line[index] == UInt8(ascii: "\\") && quote != UInt8(ascii: "'") {
                index += 2
                continue
            }
            if line[index] == quote { return index + 1 }
            index += 1
        }
        return line.count
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_") || byte >= 0x80
    }
    private static func isIdentifierPart(_ byte: UInt8) -> Bool { isIdentifierStart(byte) || isDigit(byte) }
    private static func startsToken(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || isDigit(byte) || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "/")
            || byte == UInt8(ascii: "@") || byte == UInt8(ascii: "#")
    }
}
