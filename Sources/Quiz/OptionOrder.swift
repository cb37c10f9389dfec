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

/// 64-bit FNV-1a over UTF-8: a small, stable hash (Swift's `Hasher` is seeded per process).
enum FNV1a {
    static func hash(_ text: String) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        return value
    }
}

/// SplitMix64: a tiny deterministic generator, enough for shuffling a handful of options.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
