import Course
import Foundation

/// Links between lessons (`[Lesson 3](../03-cascades/lesson.md)`) are file paths in the source,
/// which mean nothing in a terminal. On a lesson page a link keeps only its text ("Lesson 3"),
/// which reads the same wherever it stands (in parentheses, mid-sentence, across a line break),
/// and the command that opens the lesson goes to the page's footer (`tandem read 3`).
public enum LessonLinks {
    /// A lesson's Markdown with its links to lessons made plain text, and the lessons they named.
    public struct Rewritten: Sendable, Equatable {
        public var markdown: String
        /// Numbers of the linked lessons, in order of first appearance, each once.
        public var lessons: [Int]
    }

    /// `markdown` (the lesson at `lessonURL`) with links to the course's lessons rewritten.
    public static func rewrite(_ markdown: String, lessonURL: URL, course: CourseFolder) -> Rewritten {
        var numbers: [String: Int] = [:]
        for lesson in course.manifest.lessons {
            numbers[course.lessonFile(lesson).standardizedFileURL.path] = lesson.number
        }
        let folder = lessonURL.deletingLastPathComponent()
        let lessonNumber = { (destination: String) -> Int? in
            guard let relative = CourseLinter.relativeFilePath(destination) else { return nil }
            return numbers[folder.appendingPathComponent(relative).standardizedFileURL.path]
        }
        // Prose between fences is rewritten as a whole, so a link may span lines.
        var fence: LiveBlockScanner.Fence? = nil
        var output: [String] = []
        var prose: [String] = []
        var linked: [Int] = []
        var changed = false
        func flushProse() {
            guard !prose.isEmpty else { return }
            let text = prose.joined(separator: "\n")
            let (rewritten, found) = rewriteText(text, lessonNumber: lessonNumber)
            if rewritten != text { changed = true }
            for number in found where !linked.contains(number) { linked.append(number) }
            output.append(rewritten)
            prose = []
        }
        for line in LiveBlockScanner.splitLines(markdown) {
            if let open = fence {
                if LiveBlockScanner.isClosingFence(line, of: open) { fence = nil }
                output.append(line)
            } else if let open = LiveBlockScanner.openingFence(line) {
                flushProse()
                fence = open
                output.append(line)
            } else {
                prose.append(line)
            }
        }
        flushProse()
        return Rewritten(markdown: changed ? output.joined(separator: "\n") + "\n" : markdown, lessons: linked)
    }

    private static let inlineLink = try? NSRegularExpression(pattern: #"(?<!!)\[([^\[\]]+)\]\(([^()\s]+)\)"#)

    /// Replaces each `[text](destination)` outside code spans, for which `lessonNumber` gives a
    /// number, by its text; returns the text and the numbers found, in order.
    static func rewriteText(_ text: String, lessonNumber: (String) -> Int?) -> (String, [Int]) {
        guard let inlineLink, text.contains("](") else { return (text, []) }
        let source = text as NSString
        var result = ""
        var found: [Int] = []
        var position = 0
        for match in inlineLink.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            let label = source.substring(with: match.range(at: 1))
            let before = source.substring(with: NSRange(location: 0, length: match.range.location))
            guard !containsBlankLine(label), !isInsideCodeSpan(before),
                let number = lessonNumber(source.substring(with: match.range(at: 2)))
            else { continue }
            result += source.substring(with: NSRange(location: position, length: match.range.location - position))
            result += label
            found.append(number)
            position = match.range.location + match.range.length
        }
        return (result + source.substring(from: position), found)
    }

    /// A link's text cannot cross a paragraph break.
    private static func containsBlankLine(_ text: String) -> Bool {
        text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast()
            .contains { $0.allSatisfy { $0 == " " || $0 == "\t" } }
    }

    /// Whether the text ending at a match leaves a code span open (an odd number of backticks
    /// since the start of its paragraph).
    private static func isInsideCodeSpan(_ before: String) -> Bool {
        var lines = before.split(separator: "\n", omittingEmptySubsequences: false)
        var ticks = lines.removeLast().filter { $0 == "`" }.count
        for line in lines.reversed() {
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { break }
            ticks += line.filter { $0 == "`" }.count
        }
        return ticks % 2 == 1
    }
}
