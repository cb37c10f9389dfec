import Course
import Foundation
import Quiz
import Testing

@testable import Lessons

/// The course's own content holds to what the Lessons issue asks of every lesson and quiz, so a
/// later edit cannot quietly drop a summary, a context or the seed's questions. (`tandem lint`
/// checks that the course works; this checks that it teaches what it promised.)
@Suite struct CourseContentTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func loadCourse() throws -> Course { try Course.load(root: Self.repository) }

    /// Words as `wc -w` counts them: runs of non-blank characters.
    static func wcWords(_ text: String) -> Int {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).count
    }

    @Test func everyLessonHasGoalsExampleLiveBlockSummaryAndReferences() throws {
        let course = try loadCourse()
        #expect(course.manifest.lessons.count == 9)
        for lesson in course.manifest.lessons {
            let text = try String(contentsOf: course.lessonFile(lesson), encoding: .utf8)
            let name = lesson.folder
            let words = Self.wcWords(text)
            #expect((900...2800).contains(words), "\(name): \(words) words (900–2,800)")
            let headings = LiveBlockScanner.splitLines(text).filter { $0.hasPrefix("#") }
            for required in ["## Learning goals", "## Summary", "## References"] {
                #expect(headings.contains(required), "\(name): no '\(required)' section")
            }
            #expect(
                text.localizedCaseInsensitiveContains("worked example")
                    || headings.contains { $0.hasPrefix("### Step 1") },
                "\(name): no worked example")
            #expect(!LiveBlockScanner.blocks(in: text).isEmpty, "\(name): no live tandem block")
            // References name an author and a year.
            let references = text.components(separatedBy: "## References").last ?? ""
            #expect(
                references.range(of: #"(19|20)\d\d"#, options: .regularExpression) != nil,
                "\(name): references without a year")
        }
    }

    @Test func everyQuizHasSixMixedQuestionsWithContextsAndASelfGradedOne() throws {
        let course = try loadCourse()
        for lesson in course.manifest.lessons {
            let url = try #require(course.quizFile(lesson), "\(lesson.folder) has no quiz")
            let quiz = try #require(QuizLoader.load(url, displayPath: course.relativePath(url)).quiz)
            let name = course.relativePath(url)
            #expect(quiz.questions.count >= 6, "\(name): \(quiz.questions.count) questions")
            #expect(Set(quiz.questions.map(\.type)).count >= 3, "\(name): too few question types")
            #expect(quiz.questions.contains { $0.type == .selfGraded }, "\(name): no SelfGraded question")
            for question in quiz.questions {
                #expect(
                    !(question.context ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                    "\(name): question '\(question.id)' has no context")
            }
        }
    }

    @Test func theSeedsQuestionsAreInTheCourse() throws {
        let course = try loadCourse()
        let questions = course.manifest.lessons.compactMap { course.quizFile($0) }
            .compactMap { QuizLoader.load($0, displayPath: $0.path).quiz }.flatMap(\.questions)
        // The strategic advantage of the small-then-large support pipeline, with per-option feedback.
        let strategic = questions.filter { $0.prompt.contains("strategic advantage") }
        #expect(!strategic.isEmpty)
        for question in strategic {
            guard case .multipleChoice(let choice) = question.body else {
                Issue.record("'\(question.id)' should be MultipleChoice")
                continue
            }
            for option in choice.distractors {
                #expect(choice.feedback[option] != nil, "'\(question.id)': no feedback for '\(option)'")
            }
        }
        // The myth, as a TrueFalse whose answer is false and whose context sends the student to the demo.
        let myth = questions.filter { $0.prompt.contains("cannot exceed the") && $0.type == .trueFalse }
        #expect(myth.count == 1)
        for question in myth {
            #expect(question.body == .trueFalse(answer: false))
            #expect(question.context?.contains("`tandem run weak-to-strong`") == true)
        }
        // PGR and expected cost, computed.
        let numeric = questions.filter { $0.type == .numeric }
        #expect(numeric.contains { $0.prompt.contains("PGR") || $0.prompt.contains("performance gap recovered") })
        #expect(numeric.contains { $0.prompt.contains("expected cost") })
    }
}
