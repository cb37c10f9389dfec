import Course
import Foundation

/// Links between lessons (`[cascades](../03-cascades/lesson.md)`) are file paths in the source,
/// which mean nothing in a terminal. On a lesson page they become the command that opens the
/// lesson: "cascades (`tandem read 3`)".
public enum LessonLinks {
    /// `markdown` (the lesson at `lessonURL`) with links to the course's lessons rewritten.
    public static func rewrite(_ markdown: String, lessonURL: URL, course: Course) -> String {
        var numbers: [String: Int] = [:]
        for lesson in course.manifest.lessons {
            numbers[course.lessonFile(lesson).standardizedFileURL.path] = lesson.number
        }
        let folder = lessonURL.deletingLastPathComponent()
        var fence: LiveBlockScanner.Fence? = nil
        var changed = false
        let lines = LiveBlockScanner.splitLines(markdown).map { line -> String in
            if let open = fence {
                if LiveBlockScanner.isClosingFence(line, of: open) { fence = nil }
                return line
            }
            if let open = LiveBlockScanner.openingFence(line) { fence = open; return line }
            guard line.contains("](") else { return line }
            let rewritten = rewriteLine(line) { destination in
                guard let relative = CourseLinter.relativeFilePath(destination) else { return nil }
                return numbers[folder.appendingPathComponent(relative).standardizedFileURL.path]
            }
            if rewritten != line { changed = true }
            return rewritten
        }
        return changed ? lines.joined(separator: "\n") + "\n" : markdown
    }

    private static let inlineLink = try? NSRegularExpression(pattern: #"(?<!!)\[([^\[\]]+)\]\(([^()\s]+)\)"#)

    /// Rewrites each `[text](destination)` outside code spans for which `lessonNumber` gives a number.
    static func rewriteLine(_ line: String, lessonNumber: (String) -> Int?) -> String {
        guard let inlineLink else { return line }
        let source = line as NSString
        var result = ""
        var position = 0
        for match in inlineLink.matches(in: line, range: NSRange(location: 0, length: source.length)) {
            let before = source.substring(with: NSRange(location: 0, length: match.range.location))
            let insideCode = before.filter { $0 == "`" }.count % 2 == 1
            let destination = source.substring(with: match.range(at: 2))
            guard !insideCode, let number = lessonNumber(destination) else { continue }
            result += source.substring(with: NSRange(location: position, length: match.range.location - position))
            result += source.substring(with: match.range(at: 1)) + " (`tandem read \(number)`)"
            position = match.range.location + match.range.length
        }
        return result + source.substring(from: position)
    }
}
