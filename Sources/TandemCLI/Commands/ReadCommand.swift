import ArgumentParser
import Course
import Foundation
import JSON
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

    @Argument(
        help: ArgumentHelp(
            "Lesson number, slug or unique prefix; add #SECTION (a heading's slug or outline number, as --toc shows) to open it there.",
            valueName: "lesson"))
    public var lesson: String?

    @Flag(name: .long, help: "Print the lesson's outline (numbered sections) instead of the lesson.")
    public var toc = false

    @Flag(name: .long, help: "With --toc: print the outline as JSON.")
    public var json = false

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
        if json && !toc { throw ValidationError("--json goes with --toc.") }
        if toc && sectionReference != nil {
            throw ValidationError("--toc shows the whole outline; leave out #SECTION.")
        }
    }

    /// The lesson part of `3#section`.
    var lessonReference: String? {
        guard let lesson else { return nil }
        guard let hash = lesson.firstIndex(of: "#") else { return lesson }
        let part = String(lesson[..<hash])
        return part.isEmpty ? nil : part
    }

    /// The section part of `3#section`, when given.
    var sectionReference: String? {
        guard let lesson, let hash = lesson.firstIndex(of: "#") else { return nil }
        return String(lesson[lesson.index(after: hash)...])
    }

    public func run() throws { try run(preface: "") }

    /// Reads the lesson with `preface` (rendered text, e.g. the course's welcome when `tandem next`
    /// opens the first lesson) at the top of the same page, so a pager does not scroll it away.
    func run(preface: String) throws {
        if let file { return try preview(file) }
        let course = try self.course.load()
        let store = ProgressStore(course: course)
        if toc { return try printOutline(course, progress: try store.load()) }
        let (entry, page) = try lessonPage(course, progress: try store.load(), preface: preface)
        if let sectionReference {
            // Opened at a section: the page starts there; the lesson is not marked read.
            let markdown = try readMarkdownSource(course.lessonFile(entry).path)
            let sections = LessonOutline.sections(markdown)
            guard let section = LessonOutline.find(sectionReference, in: sections) else {
                throw CLIFailure(
                    "lesson \(entry.number) has no section '\(CourseSearch.sanitized(sectionReference))'"
                        + " (tandem read \(entry.number) --toc lists them)")
            }
            let occurrence = sections.prefix { $0 != section }.filter { $0.title == section.title }.count
            Output.page(
                Self.page(
                    page, from: section, occurrence: occurrence, lesson: entry.number, settings: display.settings),
                allowPager: !display.noPager)
            return
        }
        Output.page(page, allowPager: !display.noPager)
        try store.update {
            $0.lessons[entry.slug, default: LessonRecord()].read = true
            $0.lessons[entry.slug]?.readAt = Date()
        }
    }

    /// The lesson to read and its whole page: `preface`, then the lesson with header and footer.
    func lessonPage(_ course: CourseFolder, progress: StudentProgress, preface: String = "") throws -> (
        LessonEntry, String
    ) {
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
    func pickLesson(_ course: CourseFolder, progress: StudentProgress) throws -> LessonEntry {
        if let lesson = lessonReference {
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

    /// `--toc`: `N. Title`, then each section's outline number, title and `#slug`, indented by
    /// level; or as JSON.
    func printOutline(_ course: CourseFolder, progress: StudentProgress) throws {
        let entry = try pickLesson(course, progress: progress)
        let sections = LessonOutline.sections(try readMarkdownSource(course.lessonFile(entry).path))
        emit(
            json: json, pager: false, report: { Self.outline(entry, sections, settings: display.settings) },
            data: { Self.outlineJSON(entry, sections) })
    }

    /// `--toc --json`: the lesson and its sections, keys as `outlineJSONKeys` lists them.
    static func outlineJSON(_ entry: LessonEntry, _ sections: [LessonSection]) -> JSONValue {
        .object([
            ("lesson", .integer(entry.number)), ("slug", .string(entry.slug)), ("title", .string(entry.title)),
            (
                "sections",
                .array(
                    sections.map {
                        .object([
                            ("number", .string($0.number)), ("level", .integer($0.level)),
                            ("title", .string($0.title)), ("slug", .string($0.slug)), ("line", .integer($0.line)),
                            ("command", .string("tandem read \(entry.number)#\($0.slug)")),
                        ])
                    })
            ),
        ])
    }

    /// The keys of `outlineJSON(_:_:)`, in order (docs/json.md is generated from this list).
    static let outlineJSONKeys: [JSONKeyDoc] = [
        JSONKeyDoc("lesson", .integer, "the lesson's number"),
        JSONKeyDoc("slug", .string, "its slug"),
        JSONKeyDoc("title", .string, "its title"),
        JSONKeyDoc("sections", .array, "its sections (`##` and deeper headings), in order"),
        JSONKeyDoc("sections[].number", .string, "the outline number: `3`, `3.2`"),
        JSONKeyDoc("sections[].level", .integer, "2 for `##`, 3 for `###`, …"),
        JSONKeyDoc("sections[].title", .string, "the heading's text"),
        JSONKeyDoc("sections[].slug", .string, "its anchor, as `tandem read N#slug` takes it"),
        JSONKeyDoc("sections[].line", .integer, "the heading's 1-based line in the lesson file"),
        JSONKeyDoc("sections[].command", .string, "`tandem read N#slug`"),
    ]

    static func outline(_ entry: LessonEntry, _ sections: [LessonSection], settings: TerminalSettings) -> String {
        let plain = { (text: String) in
            settings.ascii ? String(text.unicodeScalars.map { $0.isASCII ? Character($0) : "?" }) : text
        }
        var lines = [
            settings.paint(
                fitted(plain("\(entry.number). " + CourseSearch.sanitized(entry.title)), settings.width), .bold)
        ]
        for section in sections {
            let indent = String(repeating: "  ", count: section.level - 1)
            let anchor = settings.paint("#" + section.slug, .dim)
            let text = plain("\(indent)\(section.number)  \(CourseSearch.sanitized(section.title))")
            let both = text + "  " + plain("#" + section.slug)
            lines.append(
                DisplayWidth.of(both) <= settings.width
                    ? text + "  " + (settings.ascii ? settings.paint(plain("#" + section.slug), .dim) : anchor)
                    : fitted(text, settings.width))
        }
        lines.append(settings.paint(fitted("Open one: tandem read \(entry.number)#SECTION", settings.width), .dim))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The rendered page from the section's heading on, under a one-line note of where it starts.
    static func page(
        _ page: String, from section: LessonSection, occurrence: Int, lesson: Int, settings: TerminalSettings
    ) -> String {
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false)
        let matches = lines.indices.filter { EscapeSequences.removed(from: String(lines[$0])).contains(section.title) }
        guard !matches.isEmpty else { return page }
        let start = matches[min(occurrence, matches.count - 1)]
        let text =
            "Lesson \(lesson) from section \(section.number), \"\(CourseSearch.sanitized(section.title))\" (tandem read \(lesson) for all of it)"
        let note = fitted(
            settings.ascii ? String(text.unicodeScalars.map { $0.isASCII ? Character($0) : "?" }) : text, settings.width
        )
        return settings.paint(note, .dim)
            + "\n\n" + lines[start...].joined(separator: "\n")
    }

    /// `text` cut to `width` columns, ending in "." (ASCII: the caller's text is ASCII already)
    /// or "…".
    static func fitted(_ text: String, _ width: Int) -> String {
        DisplayWidth.truncate(text, columns: width, ellipsis: text.allSatisfy(\.isASCII) ? "." : "…")
    }
}
