import Seeded

/// One lettered option of a MultipleChoice question, as shown to the student.
public struct ChoiceOption: Sendable, Equatable {
    /// "A", "B", …
    public var letter: String
    /// The option's source text (Markdown), exactly as written in the quiz file.
    public var text: String
    public var isCorrect: Bool
}

extension MultipleChoice {
    /// The options in display order, the same in every run:
    /// - `answerIndex` set: the distractors in authored order with the answer(s) inserted at that index;
    /// - `sortAnswers` set: all options sorted by text;
    /// - otherwise: shuffled by a generator seeded from the question id (mdbook-quiz shuffles too,
    ///   but randomly; a fixed order lets students and tests refer to letters).
    public func options(questionID: String) -> [ChoiceOption] {
        var texts: [String]
        if let answerIndex {
            texts = distractors
            texts.insert(contentsOf: answers, at: min(max(answerIndex, 0), texts.count))
        } else if sortAnswers {
            // mdbook-quiz sorts with JavaScript's default comparison (UTF-16 code units).
            texts = (answers + distractors).sorted { Array($0.utf16).lexicographicallyPrecedes(Array($1.utf16)) }
        } else {
            texts = answers + distractors
            var generator = SplitMix64(seed: FNV1a.hash(questionID))
            if texts.count > 1 {
                for i in stride(from: texts.count - 1, to: 0, by: -1) {
                    let j = Int(generator.next() % UInt64(i + 1))
                    texts.swapAt(i, j)
                }
            }
        }
        return texts.enumerated().map { index, text in
            ChoiceOption(letter: ChoiceOption.letter(index), text: text, isCorrect: answers.contains(text))
        }
    }
}

extension ChoiceOption {
    /// A, B, … Z, then AA, AB, … for absurdly long option lists.
    static func letter(_ index: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        if index < 26 { return String(alphabet[index]) }
        return letter(index / 26 - 1) + String(alphabet[index % 26])
    }
}
