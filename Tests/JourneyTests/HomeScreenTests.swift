import Course
import Foundation
import Journey
import Terminal
import Testing

@Suite struct HomeScreenTests {
    let plain = TerminalSettings(width: 80, color: false, ascii: false)

    func screen(_ progress: StudentProgress, settings: TerminalSettings? = nil) -> String {
        HomeScreen.compose(
            course: Fixture.course, progress: progress, quizTotals: Fixture.quizTotals, now: Fixture.now,
            settings: settings ?? plain, renderMarkdown: { "[md] " + $0 + "\n" })
    }

    @Test func freshCourseGolden() {
        #expect(
            screen(Fixture.fresh) == """
                Fixture course on cascades
                ░░░░░░░░░░░░░░░░░░░░░░░░ 0% done · 0 of 3 lessons read

                [md] Welcome to the fixture course.

                ○ 1 Why combine models                  quiz ░░░░░░░░ –/4
                ○ 2 Cascading inference                 quiz ░░░░░░░░ –/3  ex ░░░░ 0/2
                ○ 3 Routing queries to the right model  quiz ░░░░░░░░ –/5  ex ░░░░ 0/1

                Review: nothing due

                Next: Read lesson 1, Why combine models
                  tandem read 1
                  (or just: tandem next)

                """)
    }

    @Test func partialCourseGolden() {
        #expect(
            screen(Fixture.partial) == """
                Fixture course on cascades
                █████████████▍░░░░░░░░░░ 55% done · 2 of 3 lessons read

                ✓ 1 Why combine models                  quiz ████████ 4/4 last 3
                ✓ 2 Cascading inference                 quiz ████░░░░ 1.5/3       ex ██░░ 1/2
                ○ 3 Routing queries to the right model  quiz ░░░░░░░░ –/5         ex ░░░░ 0/1

                Review: 1 question due (tandem review)

                Next: Solve the exercise Expected cost
                  tandem check cascade-cost
                  (or just: tandem next)

                """)
    }

    @Test func finishedCourseGoldenShowsFinalMessageOnce() {
        #expect(
            screen(Fixture.finished) == """
                Fixture course on cascades
                ████████████████████████ 100% done · 3 of 3 lessons read

                ✓ 1 Why combine models                  quiz ████████ 4/4 last 3
                ✓ 2 Cascading inference                 quiz ████░░░░ 1.5/3       ex ████ 2/2
                ✓ 3 Routing queries to the right model  quiz ████████ 5/5         ex ████ 1/1

                Review: nothing due

                [md] You finished the fixture course.

                Next: Nothing left to do: the course is complete

                """)
        var shown = Fixture.finished
        shown.finishedShown = true
        let again = screen(shown)
        #expect(!again.contains("[md]"))
        #expect(again.contains("Review: nothing due\n\nCourse complete"), "\(again)")
    }

    @Test(arguments: [40, 60, 100])
    func fitsTheWidthWithoutEscapes(width: Int) {
        for progress in [Fixture.fresh, Fixture.partial, Fixture.finished] {
            for ascii in [false, true] {
                let text = screen(progress, settings: TerminalSettings(width: width, color: false, ascii: ascii))
                #expect(!text.contains("\u{1B}"))
                for line in text.split(separator: "\n") {
                    #expect(DisplayWidth.of(line) <= width, "too wide at \(width): \(line)")
                    if ascii { #expect(line.allSatisfy(\.isASCII) || line.hasPrefix("[md]"), "not ASCII: \(line)") }
                }
                // Every lesson title is there in full, even when it has to wrap.
                let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                for lesson in Fixture.manifest.lessons {
                    #expect(flat.contains(lesson.title), "title lost at \(width)")
                }
            }
        }
    }

    @Test func barsShrinkBeforeTitlesAreCut() {
        // The course's real titles: 46 columns at most, which the default bars leave no room for at 80.
        var manifest = Fixture.manifest
        manifest.lessons[2].title = "Case study: an AI system optimization strategy"
        manifest.lessons[1].title = "Data selection and filtering with weak models"
        let course = CourseFolder(root: Fixture.course.root, manifest: manifest)
        func lines(_ progress: StudentProgress) -> [String] {
            HomeScreen.compose(
                course: course, progress: progress, quizTotals: Fixture.quizTotals, now: Fixture.now,
                settings: plain, renderMarkdown: { $0 }
            ).split(separator: "\n").map(String.init)
        }
        var started = Fixture.fresh
        started.welcomed = true
        #expect(
            lines(started).contains("○ 2 Data selection and filtering with weak models   quiz ░░░░░░ –/3  ex ░░░░ 0/2"))
        #expect(
            lines(started).contains("○ 3 Case study: an AI system optimization strategy  quiz ░░░░░░ –/5  ex ░░░░ 0/1"))
        // Long scores ("4/4 last 3") leave less room: titles are cut, but keep at least 40 columns.
        let partial = lines(Fixture.partial)
        #expect(partial.contains("✓ 2 Data selection and filtering with weak mod…  quiz ██░░ 1.5/3       ex █░ 1/2"))
        for line in lines(started) + partial { #expect(DisplayWidth.of(line) <= 80, "\(line)") }
    }

    @Test func colourUsesEscapesButSameText() {
        let coloured = screen(Fixture.partial, settings: TerminalSettings(width: 80, color: true, ascii: false))
        #expect(coloured.contains("\u{1B}["))
        let stripped = coloured.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(stripped == screen(Fixture.partial))
    }
}
