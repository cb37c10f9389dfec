import Testing

@testable import Quiz

/// One row of the grading table: an answer that must pass or fail, and how.
struct GradingCase: Sendable, CustomTestStringConvertible {
    var label: String
    var question: Question
    var answer: Answer?
    var status: Grade.Status
    var points: Double
    /// Whether grading must explain itself (answers that fit nothing, partial credit…).
    var hasNote: Bool

    var testDescription: String { label }
}

private func q(_ id: String, _ body: Question.Body) -> Question {
    Question(id: id, prompt: "Prompt", body: body)
}

private let shortAnswer = q("sa", .shortAnswer(ShortAnswer(answer: "Draft model", alternatives: ["drafter"])))
private let shortNumber = q("sa-42", .shortAnswer(ShortAnswer(answer: "42")))
private let shortLigature = q("sa-fine", .shortAnswer(ShortAnswer(answer: "fine")))
private let isTrue = q("tf-true", .trueFalse(answer: true))
private let isFalse = q("tf-false", .trueFalse(answer: false))
private let share = q("num-share", .numeric(Numeric(answer: 0.6, tolerance: 0.01)))
private let latency = q("num-latency", .numeric(Numeric(answer: 1200, range: 1000...1500, unit: "ms")))
private let exact = q("num-exact", .numeric(Numeric(answer: 0.3, tolerance: 0)))
private let negative = q("num-negative", .numeric(Numeric(answer: -2, tolerance: 0)))
private let percentUnit = q("num-percent-unit", .numeric(Numeric(answer: 60, tolerance: 0, unit: "%")))
/// A share written as a fraction: 0.8 ± 0.01.
private let fraction = q("num-fraction", .numeric(Numeric(answer: 0.8, tolerance: 0.01, unit: "fraction")))
/// Written in percent with rounding allowed: 71.4% ± 0.5 points.
private let percentRounded = q("num-percent-rounded", .numeric(Numeric(answer: 71.4, tolerance: 0.5, unit: "%")))
/// Options A first, B second, C third (answerIndex keeps authored order).
private let single = q(
    "mc-single", .multipleChoice(MultipleChoice(answers: ["second"], distractors: ["first", "third"], answerIndex: 1)))
/// Options A "`confidence` is *ignored*", B "the threshold".
private let markedUp = q(
    "mc-marked",
    .multipleChoice(
        MultipleChoice(answers: ["`confidence` is *ignored*"], distractors: ["the threshold"], answerIndex: 0)))
/// Sorted options: A Averaging, B Pruning, C Stacking, D Voting.
private let multi = q(
    "mc-multi",
    .multipleChoice(
        MultipleChoice(
            answers: ["Voting", "Averaging", "Stacking"], distractors: ["Pruning"], sortAnswers: true,
            multipleAnswers: true)))
private let partial = q(
    "mc-partial",
    .multipleChoice(
        MultipleChoice(
            answers: ["Voting", "Averaging", "Stacking"], distractors: ["Pruning"], sortAnswers: true,
            multipleAnswers: true, partial: true)))
private let compiles = q(
    "trace-ok", .tracing(Tracing(program: "print(6)\nprint(7)", doesCompile: true, stdout: "6\n7")))
private let fails = q("trace-err", .tracing(Tracing(program: "let x = 1\nx += 1", doesCompile: false, lineNumber: 4)))
private let essay = q("essay", .selfGraded(SelfGraded(model: "Model", rubric: ["one", "two"])))

private func tracing(_ compiles: Bool?, _ stdout: String? = nil, line: Int? = nil) -> Answer {
    .tracing(TracingResponse(doesCompile: compiles, stdout: stdout, lineNumber: line))
}

private func pass(_ label: String, _ question: Question, _ answer: Answer) -> GradingCase {
    GradingCase(label: label, question: question, answer: answer, status: .correct, points: 1, hasNote: false)
}

private func fail(_ label: String, _ question: Question, _ answer: Answer?, note: Bool = false) -> GradingCase {
    GradingCase(label: label, question: question, answer: answer, status: .incorrect, points: 0, hasNote: note)
}

let gradingTable: [GradingCase] = [
    // Short answers: NFKC, trim, whitespace collapse, case, one trailing full stop, alternatives.
    pass("short: exact", shortAnswer, .text("Draft model")),
    pass("short: case-insensitive", shortAnswer, .text("dRAFT MODEL")),
    pass("short: trimmed and collapsed", shortAnswer, .text("   draft    model  ")),
    pass("short: one trailing full stop", shortAnswer, .text("Draft model.")),
    fail("short: two trailing full stops", shortAnswer, .text("Draft model..")),
    pass("short: alternative", shortAnswer, .text("DRAFTER")),
    pass("short: full-width letters (NFKC)", shortAnswer, .text("Ｄｒａｆｔ model")),
    pass("short: tab between words", shortAnswer, .text("draft\tmodel")),
    pass("short: newline between words", shortAnswer, .text("draft\nmodel")),
    pass("short: ligature (NFKC)", shortLigature, .text("\u{FB01}ne")),
    fail("short: words run together", shortAnswer, .text("draftmodel")),
    fail("short: another answer", shortAnswer, .text("target model")),
    fail("short: empty", shortAnswer, .text("   "), note: true),
    fail("short: a list", shortAnswer, .list(["draft"]), note: true),
    pass("short: TOML number read as text", shortNumber, .number(42)),
    fail("short: other number", shortNumber, .number(43)),
    GradingCase(
        label: "short: unanswered", question: shortAnswer, answer: nil, status: .unanswered, points: 0, hasNote: false),

    // True/false spellings.
    pass("tf: TOML true", isTrue, .bool(true)),
    fail("tf: TOML false", isTrue, .bool(false)),
    pass("tf: true", isTrue, .text("true")),
    pass("tf: T", isTrue, .text("T")),
    pass("tf: yes", isTrue, .text("yes")),
    pass("tf: Y", isTrue, .text("Y")),
    pass("tf: TRUE padded", isTrue, .text("  TRUE ")),
    fail("tf: false for true", isTrue, .text("false")),
    fail("tf: n for true", isTrue, .text("n")),
    fail("tf: maybe", isTrue, .text("maybe"), note: true),
    fail("tf: a number", isTrue, .number(1), note: true),
    pass("tf: no", isFalse, .text("no")),
    pass("tf: F", isFalse, .text("F")),
    pass("tf: False.", isFalse, .text("False.")),

    // Numeric: +, thousands separators, %, tolerance, range, unit.
    pass("num: TOML float", share, .number(0.6)),
    pass("num: text", share, .text("0.6")),
    pass("num: percent as hundredths", share, .text("60%")),
    pass("num: leading plus", share, .text("+0.6")),
    pass("num: inside tolerance", share, .text("0.605")),
    pass("num: at tolerance edge", share, .text("0.61")),
    fail("num: outside tolerance", share, .text("0.62")),
    pass("num: exponent", share, .text("6e-1")),
    fail("num: 60 is not 60%", share, .text("60")),
    fail("num: not a number", share, .text("abc"), note: true),
    fail("num: two points", share, .text("0.6.1"), note: true),
    fail("num: inf is not a number here", share, .text("inf"), note: true),
    fail("num: hex is not accepted", share, .text("0x1p-1"), note: true),
    fail("num: a list", share, .list(["0.6"]), note: true),
    pass("num: thousands separator in range", latency, .text("1,200")),
    pass("num: with unit", latency, .text("1200 ms")),
    pass("num: range lower bound with plus and comma", latency, .text("+1,000")),
    pass("num: range upper bound", latency, .text("1,500.0")),
    fail("num: just above range", latency, .text("1,501")),
    fail("num: misplaced separators", latency, .text("1,20,0"), note: true),
    fail("num: below range", latency, .text("999")),
    pass("num: TOML integer in range", latency, .number(1250)),
    pass("num: exact", exact, .text("0.3")),
    pass("num: binary fraction slack", exact, .number(0.1 + 0.2)),
    fail("num: exact mismatch", exact, .text("0.31")),
    pass("num: minus sign", negative, .text("-2")),
    pass("num: Unicode minus", negative, .text("\u{2212}2")),
    fail("num: sign matters", negative, .text("2")),
    pass("num: % as the unit", percentUnit, .text("60%")),
    pass("num: bare number with % unit", percentUnit, .text("60")),
    pass("num: % unit after a space", percentUnit, .text("60 %")),
    pass("num: % unit spelled out", percentUnit, .text("60 percent")),
    pass("num: % unit, TOML number", percentUnit, .number(60)),
    fail("num: % unit, 0.6% is not 60%", percentUnit, .text("0.6%"), note: true),
    fail("num: % unit, the fraction gets a note", percentUnit, .text("0.6"), note: true),
    fail("num: % unit, a wrong number has no note", percentUnit, .text("61")),
    pass("num: % unit, rounded to a whole percent", percentRounded, .text("71%")),
    pass("num: % unit, one decimal", percentRounded, .text("71.4")),
    fail("num: % unit, too far off", percentRounded, .text("70%")),
    pass("num: fraction unit", fraction, .text("0.8")),
    pass("num: fraction unit, typed in percent", fraction, .text("80%")),
    fail("num: fraction unit, a bare 80 gets a note", fraction, .text("80"), note: true),
    fail("num: fraction unit, the word is not part of the number", fraction, .text("0.8 fraction"), note: true),
    pass("num: leading currency sign", latency, .text("$1,200")),
    pass("num: currency sign after the minus", negative, .text("-$2")),
    pass("num: currency sign before the minus", negative, .text("€-2")),
    fail("num: currency sign alone", share, .text("$"), note: true),
    fail("num: two currency signs", share, .text("$$0.6"), note: true),

    // Multiple choice, single answer.
    pass("mc: letter", single, .text("B")),
    pass("mc: lower-case letter", single, .text("b")),
    pass("mc: letter with parenthesis", single, .text("B)")),
    pass("mc: exact option text", single, .text("second")),
    pass("mc: a one-item list", single, .list(["B"])),
    fail("mc: wrong letter", single, .text("A")),
    fail("mc: text that is not exact", single, .text("Second"), note: true),
    pass("mc: option text as shown, without its Markdown marks", markedUp, .text("confidence is ignored")),
    pass("mc: option text as written, with its marks", markedUp, .text("`confidence` is *ignored*")),
    fail("mc: shown text must still be whole", markedUp, .text("confidence is"), note: true),
    fail("mc: marks alone are not an option", markedUp, .text("``"), note: true),
    fail("mc: letter beyond the options", single, .text("E"), note: true),
    fail("mc: two picks for one answer", single, .text("A, B"), note: true),
    fail("mc: a boolean", single, .bool(true), note: true),

    // Multiple choice, several right options: sets must match.
    pass("multi: letters", multi, .list(["A", "C", "D"])),
    pass("multi: texts in any order", multi, .list(["Voting", "Averaging", "Stacking"])),
    pass("multi: comma-separated string", multi, .text("A, C, D")),
    pass("multi: run-together letters", multi, .text("ACD")),
    pass("multi: space-separated lower case", multi, .text("a c d")),
    pass("multi: repeated pick counts once", multi, .list(["A", "C", "D", "A"])),
    fail("multi: subset without partial", multi, .list(["A", "C"])),
    fail("multi: superset", multi, .list(["A", "B", "C", "D"])),
    fail("multi: unknown pick", multi, .list(["A", "Z"]), note: true),

    // Partial credit: (right − wrong) / number right, floored at 0.
    GradingCase(
        label: "partial: two of three", question: partial, answer: .list(["A", "C"]), status: .partial, points: 2.0 / 3,
        hasNote: true),
    GradingCase(
        label: "partial: two right one wrong", question: partial, answer: .list(["A", "C", "B"]), status: .partial,
        points: 1.0 / 3, hasNote: true),
    fail("partial: one right one wrong is zero", partial, .list(["A", "B"]), note: true),
    fail("partial: only wrong floors at zero", partial, .list(["B"]), note: true),
    pass("partial: all right", partial, .list(["D", "C", "A"])),

    // Tracing: compile verdict, then trimmed output; the line number is not graded.
    pass("trace: output", compiles, tracing(true, "6\n7")),
    pass("trace: output trimmed", compiles, tracing(true, "  6\n7\n")),
    pass("trace: Windows line ends", compiles, tracing(true, "6\r\n7")),
    fail("trace: wrong output", compiles, tracing(true, "6 7")),
    fail("trace: wrong verdict", compiles, tracing(false)),
    fail("trace: verdict missing", compiles, tracing(nil, "6\n7"), note: true),
    fail("trace: output missing", compiles, .bool(true), note: true),
    pass("trace: does not compile", fails, tracing(false, line: 4)),
    pass("trace: verdict alone", fails, tracing(false)),
    pass("trace: TOML false", fails, .bool(false)),
    pass("trace: 'no' as text", fails, .text("no")),
    GradingCase(
        label: "trace: wrong line still right, with a note", question: fails, answer: tracing(false, line: 3),
        status: .correct, points: 1, hasNote: true),
    fail("trace: says it compiles", fails, tracing(true, "x")),
    fail("trace: a number", fails, .number(4), note: true),

    // Self-graded: the rubric points met are the points.
    GradingCase(
        label: "self: half the rubric", question: essay, answer: .rubric(response: "r", met: [true, false]),
        status: .selfGraded, points: 0.5, hasNote: true),
    GradingCase(
        label: "self: all the rubric", question: essay, answer: .rubric(response: "r", met: [true, true]),
        status: .selfGraded, points: 1, hasNote: true),
    GradingCase(
        label: "self: text from an answers file", question: essay, answer: .text("anything"),
        status: .selfGraded, points: 0, hasNote: true),
]

@Suite struct GradingTableTests {
    @Test func tableIsLargeEnough() {
        #expect(gradingTable.count >= 60)
        #expect(gradingTable.contains { $0.status == .correct })
        #expect(gradingTable.contains { $0.status == .incorrect })
    }

    @Test(arguments: gradingTable)
    func grades(_ row: GradingCase) {
        let result = grade(row.question, row.answer)
        #expect(result.status == row.status)
        #expect(abs(result.points - row.points) < 1e-9)
        if row.hasNote {
            #expect(result.note != nil)
        } else {
            #expect(result.note == nil)
        }
    }
}

/// `unit = "%"`: the question and the shown answer speak in percent, never in hundredths.
@Suite struct PercentUnitTests {
    @Test func theExpectedAnswerReadsAsAPercentage() {
        #expect(percentUnit.expectedDescription == "60%")
        #expect(percentRounded.expectedDescription == "71.4% (± 0.5)")
        let ranged = q("num-percent-range", .numeric(Numeric(answer: 30, range: 29...31, unit: "%")))
        #expect(ranged.expectedDescription == "30% (anything from 29% to 31%)")
        #expect(fraction.expectedDescription == "0.8 (± 0.01)")
        #expect(grade(fraction, .text("80")).note == "the answer is a fraction: write 0.8 (or 80%)")
        let seconds = q("num-ms", .numeric(Numeric(answer: 250, tolerance: 0, unit: "ms")))
        #expect(seconds.expectedDescription == "250 ms")
    }

    @Test func theFractionNoteSaysWhatWasRead() {
        let result = grade(percentUnit, .text("0.6"))
        #expect(result.status == .incorrect)
        #expect(result.note == "the answer is in percent: 0.6 means 0.6%, not 60%")
    }

    @Test func onlyThePercentSignMakesAPercentQuestion() {
        #expect(Numeric(answer: 1, tolerance: 0, unit: "%").isPercent)
        #expect(Numeric(answer: 1, tolerance: 0, unit: " % ").isPercent)
        #expect(!Numeric(answer: 1, tolerance: 0, unit: "% of queries").isPercent)
        #expect(!Numeric(answer: 1, tolerance: 0).isPercent)
    }
}
