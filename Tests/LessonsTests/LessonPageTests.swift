import Course
import Foundation
import Terminal
import TerminalMarkdown
import Testing

@testable import Lessons

@Suite struct LessonPageTests {
    static let course = CourseFolder(
        root: URL(fileURLWithPath: "/nonexistent"),
        manifest: CourseManifest(
            id: "c", title: "C",
            lessons: [
                LessonEntry(number: 1, slug: "intro", title: "Intro", folder: "01-intro"),
                LessonEntry(number: 2, slug: "cascades", title: "Cascading inference", folder: "02-cascades"),
                LessonEntry(number: 3, slug: "routing", title: "Routing", folder: "03-routing", quiz: nil),
            ],
            exercises: [
                ExerciseEntry(
                    id: "cascade-route", number: 1, slug: "cascade-route", title: "Cascade routing",
                    file: "x.swift", lesson: "cascades", hints: [])
            ]))

    /// cmark ends a line at a lone CR too; the page splits the lesson the same way, so a live
    /// block's line numbers never point past (or into the wrong part of) the text.
    @Test func aLessonWithCarriageReturnLinesRendersItsLiveBlock() {
        let markdown = "# Title\rText\r\r```tandem\rrun cascade\r```\rAfter.\r"
        let page = LessonPage.render(
            markdown, settings: TerminalSettings(width: 60, color: false, ascii: false), live: .commandsOnly)
        #expect(page.contains("$ tandem run cascade"))
        #expect(page.contains("After."))
        #expect(!page.contains("```"))
    }

    @Test func readingTimeFromWordCount() {
        #expect(LessonPage.readingMinutes("# Title\n\nshort") == 1)
        let words = Array(repeating: "word", count: 1_750).joined(separator: " ")
        #expect(LessonPage.wordCount(words) == 1_750)
        #expect(LessonPage.readingMinutes(words) == 9)
        #expect(LessonPage.wordCount("```tandem\nrun cascade\n```\n- a b\n") == 4)
        // Fence lines are cmark's: a tilde fence in a nested list item (indented five spaces) and
        // an unclosed one; their info strings are no words.
        #expect(LessonPage.wordCount("1. a\n\n   - b\n\n     ~~~ tandem\n     run cascade\n     ~~~\n") == 5)
        #expect(LessonPage.wordCount("text\n\n~~~ swift\nlet x\n") == 3)
    }

    @Test func headerAndFooterName() {
        let context = LessonContext(course: Self.course, lesson: Self.course.manifest.lessons[1], quizQuestions: 6)
        #expect(context.lessonCount == 3)
        let header = LessonPage.header(context, minutes: 9, settings: TerminalSettings(width: 80))
        #expect(header == "Lesson 2 of 3 · Cascading inference · 9 min\n\n")
        #expect(
            LessonPage.header(context, minutes: 9, settings: TerminalSettings(width: 80, ascii: true))
                == "Lesson 2 of 3 - Cascading inference - 9 min\n\n")
        let footer = LessonPage.footerMarkdown(context)
        #expect(footer.contains("Quiz: `tandem quiz 2` (6 questions)"))
        #expect(footer.contains("Exercise: `tandem check cascade-route` (Cascade routing)"))
        #expect(footer.contains("Next lesson: `tandem read 3` (Routing)"))
        let last = LessonContext(course: Self.course, lesson: Self.course.manifest.lessons[2], quizQuestions: 4)
        #expect(last.quizQuestions == nil)
        #expect(!LessonPage.footerMarkdown(last).contains("Quiz:"))
        #expect(LessonPage.footerMarkdown(last).contains("last lesson"))
        // Its title is a heading, so without colour it reads "After this lesson", not "**After…**".
        let plain = MarkdownRenderer(settings: TerminalSettings(width: 60)).render(footer)
        #expect(plain.contains("After this lesson\n"))
        #expect(!plain.contains("**"))
    }

    static let lesson = """
        # Cascades

        Read [the paper](https://example.com/a) first.

        ```tandem
        run cascade --threshold 0.8
        ```

        A failing one:

        ```tandem
        run nope
        ```

        Not allowed:

        ```tandem
        progress --reset --yes
        ```

        Then [another](https://example.com/b).
        """

    @Test func liveOutputKeepsTandemsStylingAndNothingElse() {
        let settings = TerminalSettings(width: 60, color: true)
        let page = LessonPage.render(
            "Text.\n\n```tandem\nrun cascade\n```\n", settings: settings,
            live: .run { _, _ in
                LiveResult(
                    exitCode: 0,
                    output: "\u{1B}[0;1mbold\u{1B}[0m \u{1B}]0;title\u{07} \u{1B}[2J \u{9B}31m end\n")
            }, header: "", footerMarkdown: "")
        #expect(
            page.contains("\u{1B}[0;1mbold\u{1B}[0m \u{FFFD}]0;title\u{FFFD} \u{FFFD}[2J \u{FFFD}31m end"), "\(page)")
    }

    @Test func liveOutputIsSplicedIntoOneRenderedPage() {
        let calls = CallLog()
        let settings = TerminalSettings(width: 60, color: false)
        let page = LessonPage.render(
            Self.lesson, settings: settings,
            live: .run { command, inner in
                calls.append(command.arguments.joined(separator: " ") + " @\(inner.width)")
                if command.arguments[1] == "nope" {
                    return LiveResult(exitCode: 64, output: "", errorOutput: "Error: unknown demo 'nope'\n")
                }
                return LiveResult(
                    exitCode: 0,
                    output: "threshold 0.8: accuracy 0.91 at 38% cost\n" + String(repeating: "#", count: inner.width)
                        + "\n")
            }, header: "HEADER\n\n", footerMarkdown: "\n\nFOOTER\n")
        #expect(calls.entries.sorted() == ["run cascade --threshold 0.8 @58", "run nope @58"])
        #expect(page.hasPrefix("HEADER\n\n"))
        #expect(page.contains("  $ tandem run cascade --threshold 0.8\n  threshold 0.8: accuracy 0.91 at 38% cost\n"))
        #expect(page.contains("  $ tandem run nope\n  ✗ this example failed (exit 64)\n  Error: unknown demo 'nope'\n"))
        #expect(page.contains("$ tandem progress --reset --yes"))
        #expect(page.contains("not run: `progress` cannot run in a lesson"))
        // The lesson goes on after the failure, links keep one numbering, the footer follows.
        #expect(page.contains("Then another[2]."))
        #expect(page.contains("[1] https://example.com/a"))
        #expect(page.contains("FOOTER"))
        #expect(!page.contains("@@LIVE"))
        #expect(!page.contains("\u{1B}"))
        for line in page.split(separator: "\n") {
            #expect(DisplayWidth.of(line) <= 60, "too wide: \(line)")
        }
    }

    @Test func narrowPagesWrapCommandsAndErrors() {
        let page = LessonPage.render(
            Self.lesson, settings: TerminalSettings(width: 20),
            live: .run { _, inner in
                LiveResult(
                    exitCode: 2, output: String(repeating: "x", count: inner.width) + "\n",
                    errorOutput: "Error: a long message that has to wrap\n")
            })
        for line in page.split(separator: "\n") { #expect(DisplayWidth.of(line) <= 20, "too wide: \(line)") }
        #expect(page.contains("  $ tandem run\n    cascade\n"))
    }

    @Test func noRunShowsCommandsOnly() {
        let page = LessonPage.render(Self.lesson, settings: TerminalSettings(width: 40), live: .commandsOnly)
        #expect(page.contains("  $ tandem run cascade --threshold 0.8\n\nA failing one:"))
        #expect(!page.contains("failed"))
    }

    @Test func composeAddsHeaderAndFooter() {
        let page = LessonPage.compose(
            course: Self.course, lesson: Self.course.manifest.lessons[0], markdown: "# Intro\n\nHello.",
            quizQuestions: 2, settings: TerminalSettings(width: 80), live: .commandsOnly)
        #expect(page.hasPrefix("Lesson 1 of 3 · Intro · 1 min\n\n"))
        #expect(page.contains("tandem quiz 1"))
        #expect(page.contains("tandem read 2"))
    }
}

final class CallLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ item: String) {
        lock.lock()
        items.append(item)
        lock.unlock()
    }
    var entries: [String] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}

@Suite struct LessonLinksTests {
    static let course = LessonPageTests.course
    static let lessonURL = course.lessonFile(course.manifest.lessons[0])
    static let lessonNumber = LessonLinks.lessonNumber(lessonURL: lessonURL, course: course)

    /// `markdown` rendered with its links to lessons shown as text must be exactly what `expected`
    /// (the same Markdown with those links written as plain text) renders to, in colour and not.
    func expectRendersAs(_ markdown: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for color in [false, true] {
            let renderer = MarkdownRenderer(settings: TerminalSettings(width: 60, color: color, ascii: false))
            #expect(
                renderer.render(markdown, showingOnlyTheTextOfLinksWhere: { Self.lessonNumber($0) != nil })
                    == renderer.render(expected), sourceLocation: sourceLocation)
        }
    }

    @Test func linksToLessonsKeepOnlyTheirText() {
        let markdown = """
            See [cascades](../02-cascades/lesson.md#costs) and [the web](https://example.com).
            Not `[code](../02-cascades/lesson.md)`, nor ![an image](../02-cascades/lesson.md).

            ```markdown
            [inside a fence](../02-cascades/lesson.md)
            ```
            [unknown](../09-gone/lesson.md) and [routing](../03-routing/lesson.md), again [Lesson 2](../02-cascades/lesson.md)
            """
        expectRendersAs(
            markdown,
            """
            See cascades and [the web](https://example.com).
            Not `[code](../02-cascades/lesson.md)`, nor ![an image](../02-cascades/lesson.md).

            ```markdown
            [inside a fence](../02-cascades/lesson.md)
            ```
            [unknown](../09-gone/lesson.md) and routing, again Lesson 2

            """)
        #expect(LessonLinks.linkedLessons(in: markdown, lessonNumber: Self.lessonNumber) == [2, 3])
    }

    /// The reported case: "(Lesson 6 (`tandem read 6`))" read badly; a parenthesised link now reads
    /// "(Lesson 2)" and "(Lesson 2 explains it)".
    @Test func parenthesisedLinksReadAsPlainText() {
        expectRendersAs(
            "A loss ([Lesson 2](../02-cascades/lesson.md)).\nSee ([Lesson 3](../03-routing/lesson.md) explains it).\n",
            "A loss (Lesson 2).\nSee (Lesson 3 explains it).\n")
    }

    @Test func aLinkWhoseTextSpansALineBreakIsRewritten() {
        let markdown =
            "Small models help pretraining (see [Lesson\n2](../02-cascades/lesson.md)). Also `code\nspan [x](../03-routing/lesson.md)`.\n"
        expectRendersAs(
            markdown, "Small models help pretraining (see Lesson\n2). Also `code\nspan [x](../03-routing/lesson.md)`.\n"
        )
        #expect(LessonLinks.linkedLessons(in: markdown, lessonNumber: Self.lessonNumber) == [2])
        // Not across a paragraph break: that is no link in Markdown either.
        let split = "[Lesson\n\n2](../02-cascades/lesson.md)\n"
        expectRendersAs(split, split)
        #expect(LessonLinks.linkedLessons(in: split, lessonNumber: Self.lessonNumber) == [])
    }

    /// Cases the line-by-line regex got wrong: a reference-style link, a link in a list item or a
    /// quote, a link label holding brackets or code, and links inside a `~~~` fence, a fence in a
    /// list and an indented code block (which stay as they are).
    @Test func linksAreCmarksLinks() {
        let markdown = """
            As [Lesson 3][routing] shows, and [`code` [in] label](../02-cascades/lesson.md).

            - an item: [Lesson 2](../02-cascades/lesson.md)

              ```
              [in a fence in a list](../03-routing/lesson.md)
              ```

            > quoted [Lesson 3](../03-routing/lesson.md)

            ~~~
            [in a tilde fence](../02-cascades/lesson.md)
            ~~~

                [indented code](../02-cascades/lesson.md)

            [routing]: ../03-routing/lesson.md
            """
        expectRendersAs(
            markdown,
            """
            As Lesson 3 shows, and `code` \\[in\\] label.

            - an item: Lesson 2

              ```
              [in a fence in a list](../03-routing/lesson.md)
              ```

            > quoted Lesson 3

            ~~~
            [in a tilde fence](../02-cascades/lesson.md)
            ~~~

                [indented code](../02-cascades/lesson.md)
            """)
        #expect(LessonLinks.linkedLessons(in: markdown, lessonNumber: Self.lessonNumber) == [3, 2])
    }

    /// The link's content takes its place wherever it stands: alone, last in an emphasis, empty.
    @Test func aLinkIsReplacedByItsContentWhereverItStands() {
        expectRendersAs("[Lesson 2](../02-cascades/lesson.md)\n", "Lesson 2\n")
        expectRendersAs("*see [Lesson **2**](../02-cascades/lesson.md)*, then\n", "*see Lesson **2***, then\n")
        let renderer = MarkdownRenderer(settings: TerminalSettings(width: 60, color: false, ascii: false))
        let empty = renderer.render(
            "a [](../02-cascades/lesson.md) b [](https://example.com)\n",
            showingOnlyTheTextOfLinksWhere: { Self.lessonNumber($0) != nil })
        #expect(!empty.contains("lesson.md") && empty.contains("example.com"), "\(empty)")
    }

    /// A paragraph of links to lessons renders in time that grows with it: each link's place among
    /// its siblings was once looked up afresh, and 50,000 such links took about half a minute.
    @Test func aParagraphOfManyLessonLinksRendersInProportion() {
        let markdown = String(repeating: "[a](../02-cascades/lesson.md) ", count: 50_000) + "\n"
        let renderer = MarkdownRenderer(settings: TerminalSettings(width: 80, color: false, ascii: false))
        var page = ""
        let elapsed = ContinuousClock().measure {
            page = renderer.render(markdown, showingOnlyTheTextOfLinksWhere: { Self.lessonNumber($0) != nil })
        }
        #expect(!page.contains("lesson.md") && page.contains("a a a"))
        #expect(elapsed < .seconds(10), "\(elapsed)")
    }

    /// A link at the start of a line whose text reads as Markdown syntax stays text: rewriting the
    /// source would have made `1. Intro` a list.
    @Test func aLinkWhoseTextLooksLikeAListStaysText() {
        expectRendersAs("Before\n[1. Intro](../02-cascades/lesson.md) after.\n", "Before\n1\\. Intro after.\n")
    }

    @Test func theFooterGivesTheLinkedLessonsCommands() {
        let course = Self.course
        let markdown =
            "# Intro\n\nAs ([Lesson 3](../03-routing/lesson.md)) and [Lesson 2](../02-cascades/lesson.md) show.\n"
        for color in [false, true] {
            let page = LessonPage.compose(
                course: course, lesson: course.manifest.lessons[0], markdown: markdown, quizQuestions: nil,
                settings: TerminalSettings(width: 80, color: color), live: .commandsOnly)
            let plain =
                color ? page.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression) : page
            #expect(plain.contains("As (Lesson 3) and Lesson 2 show."))
            #expect(!plain.contains("lesson.md"))
            // Lesson 2 is the next lesson, already in the footer; Lesson 3 gets its own line.
            #expect(
                plain.contains("Next lesson: `tandem read 2` (Cascading inference)")
                    || plain.contains("Next lesson: tandem read 2 (Cascading inference)"))
            #expect(
                plain.contains("Lesson 3: `tandem read 3` (Routing)")
                    || plain.contains("Lesson 3: tandem read 3 (Routing)"))
            #expect(plain.components(separatedBy: "tandem read 2").count == 2)
        }
        let context = LessonContext(
            course: course, lesson: course.manifest.lessons[0], quizQuestions: nil, linkedLessons: [3, 1, 2, 7])
        #expect(context.linked == [LessonContext.OtherLesson(number: 3, title: "Routing")])
    }
}
