import Terminal
import TerminalMarkdown

/// Turns questions and their feedback into terminal text. Pure: returns strings.
public struct QuestionPresenter: Sendable {
    public var settings: TerminalSettings
    var renderer: MarkdownRenderer { MarkdownRenderer(settings: settings) }

    public init(settings: TerminalSettings) {
        self.settings = settings
    }

    func render(_ markdown: String) -> String {
        renderer.render(markdown)
    }

    func line(_ text: String) -> String {
        let text = settings.ascii ? TextFit.asciiPunctuation(text) : text
        return TextWrap.wrap(text, width: settings.width).joined(separator: "\n") + "\n"
    }

    /// `A) ` then the Markdown, its wrapped lines hanging under the text (not under the letter).
    /// The text is rendered as one paragraph, as it reads after the letter, so an option such as
    /// `3. Both` or `- 1` is not taken for a list. `below` (the option's feedback) follows under
    /// the text, marked with an arrow and hanging in turn.
    func lettered(_ letter: String, _ markdown: String, below: String? = nil) -> String {
        let label = letter + ")"
        let text = InlineMarkdown.asParagraph(markdown)
        let arrow = settings.ascii ? "->" : "↳"
        let labelColumns = DisplayWidth.of(label) + 1
        // Too narrow to hang: paragraphs with the labels in them, as plain wrapping would give.
        guard settings.width - labelColumns - DisplayWidth.of(arrow) - 1 >= 8 else {
            let markedLabel = settings.color ? "**\(label)**" : label  // without colour, no `**` around tandem's label
            return render(markedLabel + " " + text)
                + (below.map { render(arrow + " " + InlineMarkdown.asParagraph($0)) } ?? "")
        }
        var lines = hanging(settings.paint(label, .bold), labelColumns: labelColumns, text, width: settings.width)
        if let below, !below.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            let hang = String(repeating: " ", count: labelColumns)
            lines += hanging(
                arrow, labelColumns: DisplayWidth.of(arrow) + 1, InlineMarkdown.asParagraph(below),
                width: settings.width - labelColumns
            ).map { $0.isEmpty ? "" : hang + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `label` and a space, then the Markdown rendered `labelColumns` narrower, its other lines
    /// indented by `labelColumns`.
    private func hanging(_ label: String, labelColumns: Int, _ markdown: String, width: Int) -> [String] {
        var inner = settings
        inner.width = width - labelColumns
        var lines = MarkdownRenderer(settings: inner).render(markdown)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        if lines.isEmpty { lines = [""] }
        let hang = String(repeating: " ", count: labelColumns)
        return lines.enumerated().map { index, line in
            if index == 0 { return label + (line.isEmpty ? "" : " " + line) }
            return line.isEmpty ? "" : hang + line
        }
    }

    /// The question as shown before answering: header, prompt, options or program, and how to answer.
    /// `heading` names the run: "Question 2 of 8", or "Retry 1 of 3".
    public func question(
        _ question: Question, number: Int, of count: Int, showMultipart: Bool,
        heading: String = "Question"
    ) -> String {
        var out = ""
        if showMultipart, let context = question.multipartContext {
            out += render(context) + "\n"
        }
        out +=
            TextFit.truncate(
                settings.paint("\(heading) \(number) of \(count)", .bold) + settings.paint("  (\(question.id))", .dim),
                width: settings.width,
                ascii: settings.ascii) + "\n"
        if !question.prompt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            out += render(question.prompt)
        }
        switch question.body {
        case .multipleChoice(let mc):
            out += "\n"
            for option in mc.options(questionID: question.id) {
                out += lettered(option.letter, option.text)
            }
        case .tracing(let tracing):
            if question.prompt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                out += render("Does this program compile? If it does, what does it print?")
            }
            out += "\n" + render(numberedProgram(tracing.program))
        case .numeric(let numeric):
            if numeric.isPercent {
                out += line(settings.paint("(answer in percent)", .dim))
            } else if numeric.isFraction {
                out += line(settings.paint("(answer as a fraction, like 0.25; 25% also works)", .dim))
            } else if let unit = numeric.unit {
                out += line(settings.paint("(answer in \(unit))", .dim))
            }
        case .shortAnswer, .trueFalse, .selfGraded:
            break
        }
        out += "\n" + line(settings.paint(instructions(question), .dim))
        return out
    }

    /// The question as one line for a list (the "Missed:" list): `  ID: ` and the prompt's first
    /// paragraph rendered inline, cut to the width with an ellipsis. Without colour it is plain
    /// prose (no `**`, `_` or backticks): a short label full of markers reads as raw Markdown.
    func summaryLine(_ question: Question, indent: String = "  ") -> String {
        let paragraph = InlineMarkdown.firstParagraph(question.prompt)
        var text = question.type.rawValue
        if !paragraph.isEmpty {
            var oneLine = settings
            oneLine.width = 10_000
            oneLine.color = true
            let rendered = MarkdownRenderer(settings: oneLine).renderInline(InlineMarkdown.asParagraph(paragraph))
            text = rendered.split(separator: "\n").first.map(String.init) ?? text
        }
        if !settings.color { text = EscapeSequences.removed(from: text) }
        return TextFit.truncate(indent + question.id + ": " + text, width: settings.width, ascii: settings.ascii)
    }

    /// What a student may type for this question.
    public func instructions(_ question: Question) -> String {
        let hint = question.hint == nil ? "" : " Type ? for a hint."
        switch question.body {
        case .multipleChoice(let mc):
            let span = ChoiceResolver.letterSpan(mc.options(questionID: question.id))
            if mc.multipleAnswers {
                return "Pick every right option: letters (\(span)) separated by commas, like A, C.\(hint)"
            }
            return "Answer with a letter (\(span)).\(hint)"
        case .shortAnswer: return "Type your answer.\(hint)"
        case .trueFalse: return "Answer true or false (t/f, yes/no, y/n also work).\(hint)"
        case .numeric(let numeric) where numeric.isPercent:
            return "Type a number of percent (60 and 60% both mean 60%).\(hint)"
        case .numeric: return "Type a number (0.6, 60%, 1,200 and +3 all work).\(hint)"
        case .tracing: return "Two steps: whether it compiles (y/n), then what it prints or where the error is.\(hint)"
        case .selfGraded:
            return "Write your answer (an empty line ends it), then compare it with the model answer.\(hint)"
        }
    }

    func numberedProgram(_ program: String) -> String {
        var lines = program.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let digits = String(lines.count).count
        let numbered = lines.enumerated().map { index, text in
            let number = String(index + 1)
            return String(repeating: " ", count: digits - number.count) + number + " | " + text
        }
        let fence = program.contains("```") ? "~~~~" : "```"
        return fence + "\n" + numbered.joined(separator: "\n") + "\n" + fence
    }

    public func hint(_ question: Question) -> String {
        guard let hint = question.hint else { return line(settings.paint("No hint for this question.", .dim)) }
        return render((settings.ascii ? "Hint: " : "💡 Hint: ") + hint)
    }

    /// Right or wrong, the correct answer, per-option feedback, and the explanation.
    public func feedback(_ question: Question, answer: Answer, grade: Grade) -> String {
        var out = "\n"
        switch grade.status {
        case .correct:
            out += line(settings.paint(settings.ascii ? "Correct." : "✓ Correct.", .green))
        case .partial:
            out += line(
                settings.paint(
                    (settings.ascii ? "Partly right: " : "◐ Partly right: ")
                        + "\(formatPoints(grade.points)) of 1 point.", .yellow))
        case .incorrect, .unanswered:
            out += line(settings.paint(settings.ascii ? "Not quite." : "✗ Not quite.", .red))
        case .selfGraded:
            out += line(
                settings.paint(
                    (settings.ascii ? "Self-graded: " : "✎ Self-graded: ") + sentence(grade.note ?? ""), .cyan))
        }
        if let note = grade.note, grade.status != .selfGraded {
            out += line(settings.paint(sentence(note), .dim))
        }
        if case .multipleChoice(let mc) = question.body {
            out += choiceFeedback(mc, questionID: question.id, answer: answer, correct: grade.status == .correct)
        } else if grade.status != .correct && grade.status != .selfGraded {
            let answer = "The answer: " + question.expectedMarkdown
            out += render(settings.ascii ? TextFit.asciiPunctuation(answer) : answer)
        }
        if case .tracing(let tracing) = question.body, !tracing.doesCompile, let lineNumber = tracing.lineNumber,
            grade.status == .correct, grade.note == nil
        {
            // A note already says "the error is on line N, not M"; the line is not repeated.
            out += render("The error is on line \(lineNumber).")
        }
        if let context = question.context, !context.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            out += "\n" + render(context)
        }
        return out
    }

    /// A right pick shows the feedback of what was picked. Otherwise the right options, one under
    /// the other, then the wrong picks, each option's feedback hanging under its text.
    func choiceFeedback(_ mc: MultipleChoice, questionID: String, answer: Answer, correct: Bool) -> String {
        let options = mc.options(questionID: questionID)
        let picked: [ChoiceOption] = (try? ChoiceResolver.resolve(answer, options: options).get()) ?? []
        if correct {
            return picked.compactMap { option in mc.feedback[option.text].map { lettered(option.letter, $0) } }.joined()
        }
        let right = options.filter(\.isCorrect)
        var out = line(right.count == 1 ? "The answer:" : "The answers:")
        for option in right {
            out += lettered(option.letter, option.text, below: mc.feedback[option.text])
        }
        let wrongPicks = picked.filter { !$0.isCorrect }
        if !wrongPicks.isEmpty {
            out += line(wrongPicks.count == 1 ? "Your pick:" : "Your wrong picks:")
            for option in wrongPicks {
                out += lettered(option.letter, option.text, below: mc.feedback[option.text])
            }
        }
        return out
    }

    /// A grading note (a lower-case fragment, as reports print it) as a sentence.
    func sentence(_ note: String) -> String {
        guard let first = note.first else { return note }
        let capitalised = first.uppercased() + note.dropFirst()
        return capitalised.last.map { ".!?)".contains($0) } == true ? capitalised : capitalised + "."
    }
}
