import Course
import Dispatch
import Foundation
import Terminal
import TerminalMarkdown

/// What a lesson page says about its place in the course: the header and footer lines.
public struct LessonContext: Sendable, Equatable {
    public struct Exercise: Sendable, Equatable {
        public var slug: String
        public var title: String
        public init(slug: String, title: String) {
            self.slug = slug
            self.title = title
        }
    }

    public var number: Int
    public var lessonCount: Int
    public var title: String
    /// Questions in the lesson's quiz; nil when it has none.
    public var quizQuestions: Int?
    public var exercises: [Exercise]
    /// Another lesson of the course, by number and title.
    public struct OtherLesson: Sendable, Equatable {
        public var number: Int
        public var title: String
        public init(number: Int, title: String) {
            self.number = number
            self.title = title
        }
    }

    /// The following lesson, nil for the last one.
    public var next: (number: Int, title: String)?
    /// Lessons the text links to, besides this one and the next, in order of first mention; the
    /// footer gives their `tandem read` commands (the links themselves show only their text).
    public var linked: [OtherLesson]

    public init(
        number: Int, lessonCount: Int, title: String, quizQuestions: Int?, exercises: [Exercise],
        next: (number: Int, title: String)?, linked: [OtherLesson] = []
    ) {
        self.number = number
        self.lessonCount = lessonCount
        self.title = title
        self.quizQuestions = quizQuestions
        self.exercises = exercises
        self.next = next
        self.linked = linked
    }

    public static func == (a: LessonContext, b: LessonContext) -> Bool {
        a.number == b.number && a.lessonCount == b.lessonCount && a.title == b.title
            && a.quizQuestions == b.quizQuestions
            && a.exercises == b.exercises && a.next?.number == b.next?.number && a.next?.title == b.next?.title
            && a.linked == b.linked
    }

    /// The context of `lesson` in `course`; `quizQuestions` counts its quiz (nil when it has none);
    /// `linkedLessons` are the numbers of the lessons its text links to.
    public init(course: CourseFolder, lesson: LessonEntry, quizQuestions: Int?, linkedLessons: [Int] = []) {
        let lessons = course.manifest.lessons
        let index = lessons.firstIndex { $0.slug == lesson.slug }
        let following = index.flatMap { $0 + 1 < lessons.count ? lessons[$0 + 1] : nil }
        let linked = linkedLessons.filter { $0 != lesson.number && $0 != following?.number }.compactMap { number in
            lessons.first { $0.number == number }.map { OtherLesson(number: $0.number, title: $0.title) }
        }
        self.init(
            number: lesson.number, lessonCount: lessons.count, title: lesson.title,
            quizQuestions: lesson.quiz == nil ? nil : quizQuestions,
            exercises: course.exercises(forLesson: lesson.slug).map { Exercise(slug: $0.slug, title: $0.title) },
            next: following.map { ($0.number, $0.title) }, linked: linked)
    }
}

/// Composes a lesson page: header, the lesson with its live blocks' output, footer.
public enum LessonPage {
    /// Reading speed for technical prose, words per minute.
    public static let wordsPerMinute = 200

    /// Minutes to read `markdown` (at least 1), from its word count outside fence lines.
    public static func readingMinutes(_ markdown: String) -> Int {
        readingMinutes(markdown, MarkdownStructure(parsing: markdown))
    }

    static func readingMinutes(_ markdown: String, _ structure: MarkdownStructure) -> Int {
        let words = wordCount(markdown, structure)
        return max(1, (words + wordsPerMinute - 1) / wordsPerMinute)
    }

    /// Words in `markdown`, not counting fence lines.
    public static func wordCount(_ markdown: String) -> Int {
        wordCount(markdown, MarkdownStructure(parsing: markdown))
    }

    static func wordCount(_ markdown: String, _ structure: MarkdownStructure) -> Int {
        var fenceLines = Set<Int>()
        for block in structure.codeBlocks where block.isFenced {
            fenceLines.insert(block.line)
            if block.isClosed { fenceLines.insert(block.endLine) }
        }
        return MarkdownStructure.sourceLines(markdown).enumerated()
            .filter { !fenceLines.contains($0.offset + 1) }.map(\.element)
            .reduce(0) {
                $0
                    + $1.split(whereSeparator: { $0 == " " || $0 == "\t" }).filter {
                        $0.contains(where: { $0.isLetter || $0.isNumber })
                    }.count
            }
    }

    /// "Lesson 3 of 9 · Cascading inference · 9 min", wrapped to the width.
    public static func header(_ context: LessonContext, minutes: Int, settings: TerminalSettings) -> String {
        let dot = settings.ascii ? " - " : " · "
        let text = "Lesson \(context.number) of \(context.lessonCount)\(dot)\(context.title)\(dot)\(minutes) min"
        let lines = TextWrap.wrap(text, width: settings.width).map {
            settings.paint($0, Style(bold: true, foreground: .cyan))
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// The footer as Markdown, so the renderer wraps and styles it like the rest of the page.
    public static func footerMarkdown(_ context: LessonContext) -> String {
        var items: [String] = []
        if let questions = context.quizQuestions {
            let count = questions > 0 ? " (\(questions) question\(questions == 1 ? "" : "s"))" : ""
            items.append("Quiz: `tandem quiz \(context.number)`\(count)")
        }
        for exercise in context.exercises {
            items.append("Exercise: `tandem check \(exercise.slug)` (\(escape(exercise.title)))")
        }
        if let next = context.next {
            items.append("Next lesson: `tandem read \(next.number)` (\(escape(next.title)))")
        } else {
            items.append("This is the last lesson: `tandem` shows what is left to do.")
        }
        for other in context.linked {
            items.append("Lesson \(other.number): `tandem read \(other.number)` (\(escape(other.title)))")
        }
        return "\n\n---\n\n## After this lesson\n\n" + items.map { "- " + $0 }.joined(separator: "\n") + "\n"
    }

    /// Renders `markdown` with each live block replaced by its command and output.
    ///
    /// The page is rendered in one pass (so numbered links and their list stay whole): each live
    /// block becomes a placeholder paragraph, and the placeholder's rendered line is swapped for
    /// the preformatted block. Should the renderer ever split a placeholder, the page is rendered
    /// in segments instead, with the blocks spliced between them. Links whose destination
    /// satisfies `plainLinks` show only their text.
    public static func render(
        _ markdown: String, settings: TerminalSettings, live: LiveMode,
        header: String = "", footerMarkdown: String = "", plainLinks: (String) -> Bool = { _ in false }
    ) -> String {
        render(
            markdown, MarkdownStructure(parsing: markdown), settings: settings, live: live, header: header,
            footerMarkdown: footerMarkdown, plainLinks: plainLinks)
    }

    /// `render` with the lesson's structure already parsed (`compose` parses it once for the
    /// header, the footer's links and the live blocks).
    static func render(
        _ markdown: String, _ structure: MarkdownStructure, settings: TerminalSettings, live: LiveMode,
        header: String, footerMarkdown: String, plainLinks: (String) -> Bool
    ) -> String {
        // Split as cmark counts lines (a lone CR ends one too), so the blocks' lines index into it.
        let lines = MarkdownStructure.sourceLines(markdown).map(String.init)
        let blocks = LiveBlockScanner.blocks(in: structure)
        let renderer = MarkdownRenderer(settings: settings)
        // Blocks run two at a time: each is a whole tandem process, and a lesson has several.
        let shown = Slots<[String]>.fill(count: blocks.count, concurrency: 2) {
            present(blocks[$0], settings: settings, live: live)
        }

        var withPlaceholders: [String] = []
        var position = 0
        for (index, block) in blocks.enumerated() {
            withPlaceholders += lines[position..<(block.line - 1)]
            withPlaceholders += ["", placeholder(index), ""]
            position = block.endLine
        }
        withPlaceholders += lines[min(position, lines.count)...]
        let rendered = renderer.render(
            withPlaceholders.joined(separator: "\n") + footerMarkdown, showingOnlyTheTextOfLinksWhere: plainLinks)
        var output = LiveBlockScanner.splitLines(rendered)
        var allFound = true
        for index in blocks.indices.reversed() {
            let matches = output.indices.filter { output[$0].contains(placeholder(index)) }
            guard matches.count == 1, let at = matches.first else {
                allFound = false
                break
            }
            output.replaceSubrange(at...at, with: shown[index])
        }
        if allFound { return header + output.joined(separator: "\n") + "\n" }

        // Fallback: render the Markdown between blocks separately.
        var page = header
        position = 0
        for (index, block) in blocks.enumerated() {
            page += renderer.render(
                lines[position..<(block.line - 1)].joined(separator: "\n"), showingOnlyTheTextOfLinksWhere: plainLinks)
            page += "\n" + shown[index].joined(separator: "\n") + "\n\n"
            position = block.endLine
        }
        page += renderer.render(
            lines[min(position, lines.count)...].joined(separator: "\n") + footerMarkdown,
            showingOnlyTheTextOfLinksWhere: plainLinks)
        return page
    }

    /// The whole page of a course lesson: header, lesson, live blocks, footer.
    /// Links to other lessons show their text; the footer lists their `tandem read N`.
    public static func compose(
        course: CourseFolder, lesson: LessonEntry, markdown: String, quizQuestions: Int?,
        settings: TerminalSettings, live: LiveMode
    ) -> String {
        let lessonNumber = LessonLinks.lessonNumber(lessonURL: course.lessonFile(lesson), course: course)
        let structure = MarkdownStructure(parsing: markdown)
        let context = LessonContext(
            course: course, lesson: lesson, quizQuestions: quizQuestions,
            linkedLessons: LessonLinks.linkedLessons(in: structure, lessonNumber: lessonNumber))
        return render(
            markdown, structure, settings: settings, live: live,
            header: header(context, minutes: readingMinutes(markdown, structure), settings: settings),
            footerMarkdown: footerMarkdown(context), plainLinks: { lessonNumber($0) != nil })
    }

    /// How live blocks are shown: run (with a runner) or as commands only (`--no-run`).
    public enum LiveMode: Sendable {
        case run(@Sendable (LiveCommand, TerminalSettings) -> LiveResult)
        case commandsOnly
    }

    /// The indent of a live block's lines; commands run at the reading width minus this.
    public static let indent = "  "

    /// The lines a live block shows: `$ tandem …`, then the output (or the error, inline).
    static func present(_ block: LiveBlock, settings: TerminalSettings, live: LiveMode) -> [String] {
        let command: LiveCommand
        do throws(LiveCommandError) {
            guard block.terminated else { throw LiveCommandError("this tandem block has no closing fence") }
            command = try LiveCommand.parse(block.body)
        } catch {
            let shownLine = block.body.first { !$0.trimmingWhitespace().isEmpty }?.trimmingWhitespace() ?? ""
            return commandLines("tandem " + shownLine, settings: settings)
                + TextWrap.wrap("(not run: \(error.message))", width: settings.width, indent: indent, hang: indent)
                .map { settings.paint($0, Style.red) }
        }
        var lines = commandLines(command.display, settings: settings)
        guard case .run(let runner) = live else { return lines }
        var inner = settings
        inner.width = max(10, settings.width - indent.count)
        let result = runner(command, inner)
        // The output is tandem's own (coloured when the page is): its styling stays, anything else
        // a terminal would act on is neutralised.
        let outputLines = LiveBlockScanner.splitLines(TerminalText.keepingOwnStyling(result.output))
        lines += outputLines.map { $0.isEmpty ? "" : indent + $0 }
        if !result.succeeded {
            let mark = settings.ascii ? "x" : "✗"
            let reason =
                result.timedOut
                ? "timed out" : result.launchError != nil ? "could not start" : "exit \(result.exitCode)"
            lines += TextWrap.wrap(
                "\(mark) this example failed (\(reason))", width: settings.width, indent: indent, hang: indent
            )
            .map { settings.paint($0, Style(bold: true, foreground: .red)) }
            let errorLines = LiveBlockScanner.splitLines(
                TerminalText.sanitize(result.launchError ?? result.errorOutput)
            ).filter {
                !$0.isEmpty
            }
            lines += errorLines.prefix(12).flatMap {
                TextWrap.wrap($0, width: settings.width, indent: indent, hang: indent)
            }
        }
        return lines
    }

    /// `$ tandem …`, wrapped to the width (continuation lines hang under the command).
    static func commandLines(_ command: String, settings: TerminalSettings) -> [String] {
        let wrapped = TextWrap.wrap(command, width: settings.width - indent.count - 2)
        return wrapped.enumerated().map { index, line in
            let lead = index == 0 ? indent + settings.paint("$", Style(dim: true)) + " " : indent + "  "
            return lead + settings.paint(line, Style(bold: true))
        }
    }

    static func placeholder(_ index: Int) -> String { "@@LIVE\(index)@@" }

    private static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "\\`*_[]<>#".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
