import Foundation
import TerminalMarkdown

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

/// Finds live blocks in cmark's tree (`MarkdownStructure`): a fenced code block anywhere (indented,
/// in a list or a quote, with backticks or tildes) whose info string starts with `tandem`, with
/// the lines of its fences for messages.
public enum LiveBlockScanner {
    public static let infoString = "tandem"

    public static func blocks(in markdown: String) -> [LiveBlock] {
        blocks(in: MarkdownStructure(parsing: markdown))
    }

    static func blocks(in structure: MarkdownStructure) -> [LiveBlock] {
        structure.codeBlocks.compactMap { block in
            guard block.isFenced, block.info.split(separator: " ", maxSplits: 1).first == Substring(infoString)
            else { return nil }
            return LiveBlock(
                line: block.line, endLine: block.endLine, body: block.body,
                terminated: block.isClosed)
        }
    }

    /// Lines without their terminators (`\n` or `\r\n`).
    public static func splitLines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// Link destinations in lessons, as page rendering (`LessonLinks`) and `lint` both read them.
enum LinkDestination {
    /// The file path of a relative link (fragment and query removed, percent-decoded), or nil for
    /// URLs, absolute paths, e-mail addresses and same-page anchors.
    static func relativeFilePath(_ target: String) -> String? {
        if target.hasPrefix("#") || target.hasPrefix("/") || target.hasPrefix("mailto:") { return nil }
        if let colon = target.firstIndex(of: ":"), !target[..<colon].contains("/") { return nil }  // scheme
        var path = target
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
        if path.isEmpty { return nil }
        return path.removingPercentEncoding ?? path
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
