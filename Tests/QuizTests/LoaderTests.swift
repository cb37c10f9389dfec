import Foundation
import Testing

@testable import Quiz

@Suite struct LoaderTests {
    @Test func mdbookQuizExampleLoadsUnchanged() throws {
        let quiz = try Fixtures.quiz("mdbook-example.toml")
        #expect(
            quiz.questions.map(\.type) == [
                .multipleChoice, .shortAnswer, .tracing, .tracing, .multipleChoice,
                .multipleChoice, .multipleChoice, .shortAnswer,
            ])
        #expect(quiz.questions.map(\.line) == [3, 19, 28, 45, 58, 65, 73, 81])
        #expect(quiz.total == 8)
        let first = quiz.questions[0]
        #expect(first.id == "18ea4c61-c7c3-433f-add5-d3d3156e3e71")
        #expect(first.prompt == "What does it mean if a variable `x` is immutable?\n")
        #expect(first.context == "Immutable means \"not mutable\", or not changeable.\n")
        guard case .multipleChoice(let mc) = first.body else {
            Issue.record("not MC")
            return
        }
        #expect(mc.answers == ["`x` cannot be changed after being assigned to a value."])
        #expect(mc.distractors.count == 3)
        #expect(!mc.multipleAnswers)
        guard case .tracing(let tracing) = quiz.questions[2].body else {
            Issue.record("not tracing")
            return
        }
        #expect(!tracing.doesCompile)
        #expect(tracing.lineNumber == 4)
        #expect(tracing.program.hasPrefix("fn main() {\n"))
        guard case .shortAnswer(let sa) = quiz.questions[7].body else {
            Issue.record("not SA")
            return
        }
        #expect(sa.alternatives == ["println"])
        #expect(sa.response == .short)
    }

    @Test func everyTypeAndTandemAdditionLoads() throws {
        let quiz = try Fixtures.quiz("all-types.toml")
        #expect(Set(quiz.questions.map(\.type)) == Set(QuestionType.allCases))
        #expect(quiz.total == 7)  // SelfGraded does not count
        let threshold = try #require(quiz.question(id: "cascade-threshold"))
        #expect(threshold.multipart == "cascade")
        #expect(threshold.multipartContext?.contains("**small** model") == true)
        #expect(threshold.hint == "Escalation happens *below* the threshold.")
        guard case .multipleChoice(let mc) = threshold.body else {
            Issue.record("not MC")
            return
        }
        #expect(mc.feedback["Nothing changes."] == "The threshold decides every escalation.")
        let cost = try #require(quiz.question(id: "cascade-cost"))
        #expect(cost.body == .numeric(Numeric(answer: 3, tolerance: 0.01, unit: "units")))
        let share = try #require(quiz.question(id: "cascade-share"))
        #expect(share.body == .numeric(Numeric(answer: 0.7, range: 0.6...0.8)))
        let methods = try #require(quiz.question(id: "ensembles-methods"))
        guard case .multipleChoice(let multi) = methods.body else {
            Issue.record("not MC")
            return
        }
        #expect(multi.partial && multi.multipleAnswers)
        let essay = try #require(quiz.question(id: "weak-to-strong-essay"))
        #expect(
            essay.body
                == .selfGraded(
                    SelfGraded(
                        model: "A strong model trained on a weak model's labels can outperform its weak supervisor.",
                        rubric: ["Names the weak supervisor", "Says the strong student can do better"])))
        #expect(quiz.question(id: "ensembles-free")?.body == .trueFalse(answer: false))
    }

    @Test func questionsWithoutIDsGetPositions() throws {
        let result = QuizLoader.load(Fixtures.url("no-ids.toml"), displayPath: "no-ids.toml")
        let quiz = try #require(result.quiz)
        #expect(quiz.questions.map(\.id) == ["q1", "q2"])
        #expect(quiz.questions.allSatisfy { !$0.hasExplicitID })
    }

    @Test func brokenQuestionsAreLeftOutOthersKept() throws {
        let result = QuizLoader.load(Fixtures.url("malformed/unknown-type.toml"), displayPath: "u.toml")
        #expect(result.questionIDs == ["fine", "essay"])
        #expect(try #require(result.quiz).questions.map(\.id) == ["fine"])
    }

    @Test func garbageNeverCrashes() {
        let sources = [
            "", "\u{0}", "[[questions]]", "questions = 3", "questions = [1, 2]", "[[questions]]\ntype = 5",
            "[[questions]]\nprompt = {}\nanswer = {}\ntype = \"MultipleChoice\"", "[multipart]\nx = 1",
            "[[questions]]\ntype = \"Numeric\"\nprompt.prompt = \"p\"\nanswer.answer = 1\nanswer.range = [2, 1]",
            "[[questions]]\ntype = \"MultipleChoice\"\nprompt.prompt = \"p\"\nprompt.distractors = [1]\nanswer.answer = \"a\"",
        ]
        for source in sources {
            let result = QuizLoader.load(source: source, path: "g.toml")
            #expect(!result.errors.isEmpty, "\(source.debugDescription) should have an error")
            #expect(result.errors.allSatisfy { $0.description.hasPrefix("g.toml:") })
        }
    }

    // MARK: - Option order

    @Test func answerIndexPlacesTheAnswer() {
        let mc = MultipleChoice(answers: ["right"], distractors: ["w1", "w2", "w3"], answerIndex: 2)
        #expect(mc.options(questionID: "x").map(\.text) == ["w1", "w2", "right", "w3"])
        #expect(mc.options(questionID: "x").map(\.letter) == ["A", "B", "C", "D"])
        #expect(mc.options(questionID: "x").map(\.isCorrect) == [false, false, true, false])
    }

    @Test func sortAnswersSortsByText() {
        let mc = MultipleChoice(answers: ["2"], distractors: ["1", "3", "**infinity**"], sortAnswers: true)
        #expect(mc.options(questionID: "any").map(\.text) == ["**infinity**", "1", "2", "3"])
    }

    @Test func shuffleIsSeededByIDAndStable() {
        let mc = MultipleChoice(answers: ["a"], distractors: ["b", "c", "d", "e", "f"])
        let once = mc.options(questionID: "cascade-threshold").map(\.text)
        #expect(once == mc.options(questionID: "cascade-threshold").map(\.text))
        #expect(once.sorted() == ["a", "b", "c", "d", "e", "f"])
        // Different ids give different orders for at least some of a handful of ids.
        let orders = Set((1...8).map { mc.options(questionID: "q\($0)").map(\.text) })
        #expect(orders.count > 1)
        #expect(orders.contains { $0 != ["a", "b", "c", "d", "e", "f"] })
    }

    @Test func lettersGoPastZ() {
        #expect(ChoiceOption.letter(0) == "A")
        #expect(ChoiceOption.letter(25) == "Z")
        #expect(ChoiceOption.letter(26) == "AA")
    }
}
