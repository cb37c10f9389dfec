import ArgumentParser
import Course
import Foundation
import Terminal
import TerminalMarkdown

/// `tandem read [LESSON]`: renders a lesson (default: the next unread one) and marks it read.
/// Owner: journey (header/footer, live blocks, --file, --no-run).
public struct ReadCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "read", abstract: "Read a lesson (default: the next unread one).")

    @Argument(help: "Lesson number, slug or unique prefix.")
    public var lesson: String?

    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions

    public init() {}

    public func run() throws {
        let course = try self.course.load()
        let store = ProgressStore(course: course)
        let entry: LessonEntry
        if let lesson {
            do { entry = try course.lessonResolver.resolve(lesson) } catch { throw CLIFailure(error.message) }
        } else {
            let progress = store.load()
            guard let next = course.manifest.lessons.first(where: { progress.lessons[$0.slug]?.read != true })
                ?? course.manifest.lessons.first else { throw CLIFailure("this course has no lessons") }
            entry = next
        }
        let text = try readMarkdownSource(course.lessonFile(entry).path)
        Output.page(MarkdownRenderer(settings: display.settings).render(text), allowPager: !display.noPager)
        store.update { $0.lessons[entry.slug, default: LessonRecord()].read = true; $0.lessons[entry.slug]?.readAt = Date() }
    }
}
