import Course
import Foundation
import JSON
import Terminal
import Testing

@testable import Quiz

@Suite struct ReviewScreenTests {
    let lesson = """
        # Cascades

        ## Learning goals

        Know what a cascade is.

        ## The deferral rule

        A query escalates to the large model when the small model's confidence falls below the
        threshold; raising the threshold means more queries reach the large model.

        ## The expected cost

        The average cost per query is the small model's cost plus the share escalated times the
        large model's cost.
        """

    func screen(_ answers: [RecordedAnswer], width: Int = 80) throws -> ReviewScreen {
        ReviewScreen(
            quiz: try Fixtures.quiz("all-types.toml"), answers: answers, lessonNumber: 3, lessonMarkdown: lesson,
            settings: TerminalSettings(width: width))
    }

    @Test func wrongPickShowsRightAnswerWhyNotAndWhereToReread() throws {
        let quiz = try Fixtures.quiz("all-types.toml")
        let question = try #require(quiz.question(id: "cascade-threshold"))
        guard case .multipleChoice(let mc) = question.body else { throw CancellationError() }
        let options = mc.options(questionID: question.id)
        let wrong = try #require(options.first { $0.text == "Nothing changes." })
        let right = try #require(options.first { $0.isCorrect })
        let cost = try #require(quiz.question(id: "cascade-cost"))
        let answers = [
            RecordedAnswer(
                question: question, answer: .text(wrong.letter), grade: grade(question, .text(wrong.letter)),
                usedHint: true),
            RecordedAnswer(question: cost, answer: .number(3), grade: grade(cost, .number(3))),
        ]
        #expect(answers[0].answer == wrong.letter && answers[0].result == "incorrect")
        let screen = try screen(answers)
        let entries = screen.entries
        #expect(entries.map(\.question.id) == ["cascade-threshold", "cascade-cost"])
        #expect(entries[0].section?.slug == "the-deferral-rule")
        #expect(entries[1].section?.slug == "the-expected-cost")
        #expect(entries[0].whyNot.count == 2)
        let text = screen.text()
        #expect(text.hasPrefix("Your answers — 1 of 2 right:\n"))
        #expect(text.contains("   Your answer: \(wrong.letter)) Nothing changes. (after the hint)\n"))
        #expect(text.contains("   Right answer: \(right.letter)) More queries reach the large model.\n"))
        #expect(
            text.contains("   Why not \(wrong.letter)): Nothing changes. — The threshold decides every escalation.\n"))
        #expect(text.contains("   Reread: tandem read 3#the-deferral-rule (The deferral rule)\n"))
        // A right answer shows no "right answer" or "why not" lines.
        let costPart = try #require(text.components(separatedBy: "cascade-cost:").last)
        #expect(!costPart.contains("Right answer") && costPart.contains("   Your answer: 3\n"))
        for line in try self.screen(answers, width: 30).text().split(separator: "\n") {
            #expect(DisplayWidth.of(line) <= 30, "\(line)")
        }
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(screen.json().serialized().utf8)) as? [String: Any])
        #expect(json["right"] as? Int == 1 && json["answered"] as? Int == 2)
        let first = try #require((json["questions"] as? [[String: Any]])?.first)
        #expect(first["used_hint"] as? Bool == true)
        #expect((first["reread"] as? [String: Any])?["command"] as? String == "tandem read 3#the-deferral-rule")
        #expect((first["why_not"] as? [[String: Any]])?.count == 2)
        // docs/json.md's keys for `quiz --last --json` are these, in order, with their types.
        #expect(JSONKeyDoc.mismatches(ReviewScreen.jsonKeys, samples: [screen.json()]) == [])
    }

    @Test func controlCharactersInAStoredAnswerNeverReachTheTerminal() throws {
        let answer = RecordedAnswer(
            questionID: "cascade-cost", answer: "3\u{1B}[2J\u{7}", result: "incorrect", points: 0)
        let text = try screen([answer]).text()
        #expect(!text.contains("\u{1B}") && !text.contains("\u{7}") && text.contains("Your answer: 3 [2J"))
    }

    @Test func nothingAnsweredSaysSo() throws {
        #expect(try screen([]).text() == "No answers recorded for this quiz yet.\n")
    }
}

@Suite struct LessonOutlineTests {
    @Test func headingsNumberedSluggedAndBounded() {
        let markdown = """
            # Title
            intro
            ## Learning goals
            text
            ```
            ## not a heading
            ```
            ## Choosing `τ` on *held-out* data
            ### Worked example: cost
            x
            ### Worked example: cost
            ## Summary
            """
        let sections = LessonOutline.sections(markdown)
        #expect(sections.map(\.number) == ["1", "2", "2.1", "2.2", "3"])
        #expect(
            sections.map(\.slug) == [
                "learning-goals", "choosing-τ-on-held-out-data", "worked-example-cost", "worked-example-cost-1",
                "summary",
            ])
        #expect(sections[1].title == "Choosing τ on held-out data")
        #expect(sections[0].line == 3 && sections[0].endLine == 7)
        #expect(LessonOutline.find("2.1", in: sections)?.line == 9)
        #expect(LessonOutline.find("summary", in: sections)?.number == "3")
        #expect(LessonOutline.find("learning", in: sections)?.number == "1", "a unique prefix")
        #expect(LessonOutline.find("worked", in: sections) == nil, "ambiguous prefix")
        #expect(LessonOutline.find("Learning goals", in: sections)?.number == "1", "the title itself")
        #expect(LessonOutline.section(containing: 10, in: sections)?.number == "2.1")
    }
}
