import Foundation

/// Markdown written to follow a label on the same line (an option after its letter): rendered on
/// its own it must still read as a paragraph, as it did after the label.
enum InlineMarkdown {
    /// `text` with the start that would open a block (list item, heading, quote, fence, indented
    /// code, HTML block, thematic break) escaped, so the renderer sees a paragraph. Inline
    /// Markdown (`code`, *emphasis*, links) is untouched.
    static func asParagraph(_ text: String) -> String {
        let trimmed = String(text.drop { $0 == " " || $0 == "\t" })
        guard let first = trimmed.first else { return trimmed }
        let firstLine = trimmed.prefix { $0 != "\n" }
        let afterFirst = firstLine.dropFirst().first
        let spaceOrEnd = afterFirst == nil || afterFirst == " " || afterFirst == "\t"
        switch first {
        case ">", "#", "<", "|", "-", "+", "=":
            return "\\" + trimmed
        case "*", "_":
            return spaceOrEnd || isThematicBreak(firstLine) ? "\\" + trimmed : trimmed
        case "`", "~":
            return firstLine.hasPrefix(String(repeating: first, count: 3)) ? "\\" + trimmed : trimmed
        case "0"..."9":
            // An ordered-list marker: up to nine digits, then `.` or `)`, then a space or the end.
            let digits = firstLine.prefix { $0.isASCII && $0.isNumber }
            let rest = firstLine.dropFirst(digits.count)
            guard digits.count <= 9, let delimiter = rest.first, delimiter == "." || delimiter == ")" else {
                return trimmed
            }
            let following = rest.dropFirst().first
            guard following == nil || following == " " || following == "\t" else { return trimmed }
            return String(digits) + "\\" + String(trimmed.dropFirst(digits.count))
        default:
            return trimmed
        }
    }

    /// Literal `text` as Markdown that renders to exactly it: every ASCII punctuation mark that
    /// Markdown could read (emphasis, code, links, escapes, block starts) backslash-escaped.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_{}[]<>()#+-.!|~&".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// The first paragraph of `markdown` as one line: its source lines up to a blank line or a
    /// line that opens another block (fence, heading, quote, list item), joined by spaces. Empty
    /// when the text starts with a code fence or holds nothing.
    static func firstParagraph(_ markdown: String) -> String {
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }[...]
        while lines.first?.isEmpty == true { lines.removeFirst() }
        guard let first = lines.first, !opensFence(first) else { return "" }
        var paragraph = [first]
        for line in lines.dropFirst() {
            if line.isEmpty || opensFence(line) || opensBlock(line) { break }
            paragraph.append(line)
        }
        return paragraph.joined(separator: " ")
    }

    private static func opensFence(_ line: String) -> Bool { line.hasPrefix("```") || line.hasPrefix("~~~") }

    /// A line that would end a paragraph: a heading, quote, bullet or list item starting at 1.
    private static func opensBlock(_ line: String) -> Bool {
        if line.hasPrefix("#") || line.hasPrefix(">") { return true }
        if ["- ", "* ", "+ "].contains(where: line.hasPrefix) { return true }
        return line.hasPrefix("1. ") || line.hasPrefix("1) ")
    }

    private static func isThematicBreak(_ line: Substring) -> Bool {
        let marks = line.filter { $0 != " " && $0 != "\t" }
        guard let mark = marks.first, marks.count >= 3 else { return false }
        return marks.allSatisfy { $0 == mark }
    }
}
