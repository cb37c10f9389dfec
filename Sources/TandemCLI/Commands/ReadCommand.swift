import ArgumentParser
import Course
import Foundation
import Journey
import Lessons
import Quiz
import Terminal

/// `tandem read [LESSON]`: renders a lesson (default: the next unread one) with its live examples
/// run at the reading width, a header and a footer, and marks it read. `--file PATH` previews any
/// lesson file, for authors.
public struct ReadCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "read", abstract: "Read a lesson (default: the next unread one).")

    @Argument(help: "Lesson number, slug or unique prefix.")
    public var lesson: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Preview any lesson file, with its live examples (nothing is recorded).", valueName: "path"))
    public var file: String?

    @Flag(name: .long, help: "Show the live examples' commands without running them.")
    public var noRun = false

    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions

    public init() {}

    public func validate() throws {
        if file != nil && lesson != nil { throw ValidationError("Name a LESSON or --file PATH, not both.") }
    }

    public func run() throws { try run(preface: "") }

    /// Reads the lesson with `preface` (rendered text, e.g. the course's welcome when `tandem next`
    /// opens the first lesson) at the top of the same page, so a pager does not scroll it away.
    func run(preface: String) throws {
        if let file { return try preview(file) }
        let course = try self.course.load()
        let store = ProgressStore(course: course)
        let (entry, page) = try lessonPage(course, progress: try store.load(), preface: preface)
        Output.page(page, allowPager: !display.noPager)
        try store.update {
            $0.lessons[entry.slug, default: LessonRecord()].read = true
            $0.lessons[entry.slug]?.readAt = Date()
        }
    }

    /// The lesson to read and its whole page: `preface`, then the lesson with header and footer.
    func lessonPage(_ course: Course, progress: StudentProgress, preface: String = "") throws -> (LessonEntry, String) {
        let entry = try pickLesson(course, progress: progress)
        let lessonURL = course.lessonFile(entry)
        let page = LessonPage.compose(
            course: course, lesson: entry, markdown: try readMarkdownSource(lessonURL.path),
            quizQuestions: course.quizFile(entry).map { quizQuestionIDs(at: $0).count },
            settings: display.settings, live: liveMode(courseRoot: course.root, lessonURL: lessonURL))
        return (entry, preface + page)
    }

    /// `--file PATH`: the page without header, footer or recording; live blocks run in the course
    /// found as usual, when there is one.
    func preview(_ path: String) throws {
        let page = LessonPage.render(
            try readMarkdownSource(path), settings: display.settings,
            live: liveMode(courseRoot: try? course.load().root, lessonURL: URL(fileURLWithPath: path)))
        Output.page(page, allowPager: !display.noPager)
    }

    /// The named lesson, else the first unread one, else the first.
    func pickLesson(_ course: Course, progress: StudentProgress) throws -> LessonEntry {
        if let lesson {
            do { return try course.lessonResolver.resolve(lesson) } catch { throw CLIFailure(error.message) }
        }
        guard
            let next = course.manifest.lessons.first(where: { progress.lessons[$0.slug]?.read != true })
                ?? course.manifest.lessons.first
        else { throw CLIFailure("this course has no lessons") }
        return next
    }

    /// Live blocks run as tandem's own executable, in the lesson's folder; or not at all (`--no-run`).
    func liveMode(courseRoot: URL?, lessonURL: URL) -> LessonPage.LiveMode {
        let runner = LiveRunner(executable: LiveRunner.currentExecutable(), courseRoot: courseRoot)
        let directory = lessonURL.deletingLastPathComponent()
        return noRun
            ? .commandsOnly : .run { command, settings in runner.run(command, settings: settings, in: directory) }
    }
}
