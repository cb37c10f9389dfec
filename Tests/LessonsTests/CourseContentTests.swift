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

    func loadCourse() throws -> CourseFolder { try CourseFolder.load(root: Self.repository) }

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
            // Length serves the lesson: up to 2,800 words where the material needs them.
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

    // MARK: - Quizzes that test understanding, not recall

    /// Every quiz of the course with its lesson's text.
    func quizzesWithLessons() throws -> [(name: String, quiz: QuizFile, lesson: String)] {
        let course = try loadCourse()
        return try course.manifest.lessons.map { lesson in
            let url = try #require(course.quizFile(lesson))
            let quiz = try #require(QuizLoader.load(url, displayPath: course.relativePath(url)).quiz)
            let text = try String(contentsOf: course.lessonFile(lesson), encoding: .utf8)
            return (course.relativePath(url), quiz, text)
        }
    }

    /// A prompt as a reader compares it: compatibility forms folded, case and spacing ignored.
    static func normalizedPrompt(_ prompt: String) -> String {
        prompt.precomposedStringWithCompatibilityMapping.lowercased()
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    @Test func noQuestionIsAskedTwiceInTheCourse() throws {
        var seen: [String: String] = [:]
        for (name, quiz, _) in try quizzesWithLessons() {
            for question in quiz.questions {
                let key = Self.normalizedPrompt(question.prompt)
                if let first = seen[key] {
                    Issue.record("\(name): '\(question.id)' asks what \(first) already asks")
                } else {
                    seen[key] = "\(name) '\(question.id)'"
                }
            }
        }
    }

    /// A numeric answer with no unit of its own, in a prompt that speaks in percent, is ambiguous:
    /// is `80` 80% or 80? Such a question names its form: `answer.unit = "%"` (the answer in
    /// percent, `80` means 80%) or `"fraction"` (a plain number such as 0.8 or a weight like α).
    @Test func numericQuestionsThatSpeakInPercentAnswerInPercent() throws {
        for (name, quiz, _) in try quizzesWithLessons() {
            for question in quiz.questions {
                guard case .numeric(let numeric) = question.body else { continue }
                let speaksPercent =
                    question.prompt.contains("%") || question.prompt.localizedCaseInsensitiveContains("percent")
                if speaksPercent && numeric.unit == nil {
                    Issue.record(
                        "\(name): '\(question.id)' speaks in percent but has no answer.unit (\"%\", or \"fraction\")")
                }
                if numeric.isPercent {
                    // An answer written as a fraction would read as a fraction of a percent.
                    #expect(
                        abs(numeric.answer) > 1 || numeric.answer == 0,
                        "\(name): '\(question.id)' has unit % but answer \(numeric.answer): write percent (80, not 0.8)"
                    )
                }
            }
        }
    }

    /// Numbers as written in prose: `1,000`, `0.25`, `25%` (the percent sign dropped), `0.50` as `0.5`.
    static func numbers(in text: String) -> Set<String> {
        let pattern = #"(?<![\w.])\d+(?:,\d{3})*(?:\.\d+)?"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return Set(
            regex.matches(in: text, range: range).compactMap { match -> String? in
                guard let found = Range(match.range, in: text) else { return nil }
                var number = text[found].replacingOccurrences(of: ",", with: "")
                if number.contains(".") {
                    while number.hasSuffix("0") { number.removeLast() }
                    if number.hasSuffix(".") { number.removeLast() }
                }
                while number.count > 1 && number.hasPrefix("0") && !number.hasPrefix("0.") { number.removeFirst() }
                return number
            })
    }

    /// A transfer question brings its own numbers: it has at least one number beyond the small
    /// counts 0–10 (and beyond a citation's year), and none of those numbers appears anywhere in
    /// its lesson, so it cannot be answered by finding the worked example that used them.
    static func isTransfer(_ question: Question, lesson: Set<String>) -> Bool {
        let own = numbers(in: question.prompt).filter { number in
            guard let value = Int(number) else { return true }
            return value > 10 && !(1900...2099).contains(value)
        }
        return !own.isEmpty && own.isDisjoint(with: lesson)
    }

    @Test func everyQuizHasAtLeastThreeTransferQuestions() throws {
        for (name, quiz, lesson) in try quizzesWithLessons() {
            let lessonNumbers = Self.numbers(in: lesson)
            let transfer = quiz.questions.filter { Self.isTransfer($0, lesson: lessonNumbers) }
            #expect(
                transfer.count >= 3,
                "\(name): \(transfer.count) transfer questions (\(transfer.map(\.id))); at least 3 need numbers of their own"
            )
        }
    }

    @Test func theTransferCheckReadsNumbersAsWritten() {
        #expect(
            Self.numbers(in: "1,000 queries, 25% deferred, p = 0.50, γ = 4, x2 and 3.") == [
                "1000", "25", "0.5", "4", "3",
            ])
        let lesson = Self.numbers(in: "costs 1 unit and 20 units; 25% deferred; 0.648 at p = 0.6")
        func question(_ prompt: String) -> Question {
            Question(id: "q", prompt: prompt, body: .trueFalse(answer: true))
        }
        #expect(!Self.isTransfer(question("A small model costs 1 and a large 20; 25% deferred."), lesson: lesson))
        #expect(!Self.isTransfer(question("With 3 voters each right with p = 0.6?"), lesson: lesson))
        #expect(!Self.isTransfer(question("Costs 1 and 40, 25% deferred?"), lesson: lesson))
        #expect(Self.isTransfer(question("Costs 1 and 40, 15% deferred?"), lesson: lesson))
        #expect(!Self.isTransfer(question("Why does SALT (Rawat et al. 2024) stop early?"), lesson: lesson))
    }
}
