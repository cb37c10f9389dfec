import Course
import Foundation
import TerminalMarkdown

/// Links between lessons (`[Lesson 3](../03-cascades/lesson.md)`) are file paths in the source,
/// which mean nothing in a terminal. On a lesson page a link to a lesson shows only its text
/// ("Lesson 3"), which reads the same wherever it stands (in parentheses, mid-sentence, across a
/// line break), and the command that opens the lesson goes to the page's footer (`tandem read 3`).
/// The links are cmark's: none in code, reference-style ones too; images stay as they are.
public enum LessonLinks {
    /// The number of the course lesson a link in the lesson at `lessonURL` points at, if any.
    public static func lessonNumber(lessonURL: URL, course: CourseFolder) -> @Sendable (String) -> Int? {
        var numbers: [String: Int] = [:]
        for lesson in course.manifest.lessons {
            numbers[course.lessonFile(lesson).standardizedFileURL.path] = lesson.number
        }
        let folder = lessonURL.deletingLastPathComponent()
        return { [numbers] destination in
            guard let relative = LinkDestination.relativeFilePath(destination) else { return nil }
            return numbers[folder.appendingPathComponent(relative).standardizedFileURL.path]
        }
    }

    /// Numbers of the lessons `markdown` links to, in order of first appearance, each once.
    public static func linkedLessons(in markdown: String, lessonNumber: (String) -> Int?) -> [Int] {
        linkedLessons(in: MarkdownStructure(parsing: markdown), lessonNumber: lessonNumber)
    }

    static func linkedLessons(in structure: MarkdownStructure, lessonNumber: (String) -> Int?) -> [Int] {
        var linked: [Int] = []
        for link in structure.links where !link.isImage {
            if let number = lessonNumber(link.destination), !linked.contains(number) { linked.append(number) }
        }
        return linked
    }
}
