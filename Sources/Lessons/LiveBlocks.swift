/// A fenced block whose info string is `tandem`: one tandem command line, run when the lesson is
/// read so the numbers in front of the student are never stale.
public struct LiveBlock: Sendable, Equatable {
    /// 1-based line of the opening fence.
    public var line: Int
    /// 1-based line of the closing fence (the last line of the file when unterminated).
    public var endLine: Int
    /// The lines between the fences.
    public var body: [String]
    /// False when the file ended before the closing fence.
    public var terminated: Bool
}

/// Finds live blocks by scanning fences line by line (CommonMark's rules for top-level fences:
/// up to three spaces of indent, three or more backticks or tildes, closed by a fence of the same
/// character at least as long), so every block keeps its line number for messages.
public enum LiveBlockScanner {
    public static let infoString = "tandem"

    public static func blocks(in markdown: String) -> [LiveBlock] {
        let lines = splitLines(markdown)
        var blocks: [LiveBlock] = []
        var index = 0
        while index < lines.count {
            guard let fence = openingFence(lines[index]) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < lines.count, !isClosingFence(lines[end], of: fence) { end += 1 }
            let terminated = end < lines.count
            if fence.info == infoString {
                blocks.append(
                    LiveBlock(
                        line: index + 1, endLine: min(end, lines.count - 1) + 1,
                        body: Array(lines[(index + 1)..<min(end, lines.count)]), terminated: terminated))
            }
            index = end + 1
        }
        return blocks
    }

    /// The lines outside code (fenced blocks and indented code), with their 0-based index: where
    /// prose, links and live-number markers live.
    public static func proseLines(_ lines: [String]) -> [(index: Int, line: String)] {
        var result: [(index: Int, line: String)] = []
        var fence: Fence? = nil
        for (index, line) in lines.enumerated() {
            if let open = fence {
                if isClosingFence(line, of: open) { fence = nil }
                continue
            }
            if let open = openingFence(line) {
                fence = open
                continue
            }
            if line.hasPrefix("    ") || line.hasPrefix("\t") { continue }  // indented code
            result.append((index, line))
        }
        return result
    }

    /// Lines without their terminators (`\n` or `\r\n`).
    public static func splitLines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    struct Fence {
        var character: Character
        var length: Int
        var info: String
    }

    static func openingFence(_ line: String) -> Fence? {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard let character = rest.first, character == "`" || character == "~" else { return nil }
        let length = rest.prefix { $0 == character }.count
        guard length >= 3 else { return nil }
        let info = rest.dropFirst(length).trimmingWhitespace()
        if character == "`" && info.contains("`") { return nil }
        let firstWord = info.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        return Fence(character: character, length: length, info: firstWord)
    }

    static func isClosingFence(_ line: String, of fence: Fence) -> Bool {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return false }
        let rest = line.dropFirst(indent)
        let length = rest.prefix { $0 == fence.character }.count
        return length >= fence.length && rest.dropFirst(length).trimmingWhitespace().isEmpty
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
