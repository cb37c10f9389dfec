import Foundation

/// Word matching and ranking shared by `tandem search` and the quiz review screen's "reread"
/// hints: one notion of a word, one ranking (inverse document frequency over the units searched).
public enum TextSearch {
    /// Lower-case runs of letters and digits (NFKC, so full-width forms match).
    public static func words(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for character in text.precomposedStringWithCompatibilityMapping.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                out.append(current)
                current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// Words too common to say anything about where a text belongs.
    public static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "has", "have", "how",
        "if", "in", "is", "it", "its", "of", "on", "one", "or", "that", "the", "their", "then", "this", "to",
        "two", "was", "what", "when", "which", "why", "will", "with", "you", "your", "than", "more", "most",
        "not", "no", "all", "each", "would", "should", "so", "but", "they", "them", "these", "those", "there",
    ]

    /// Whether text word `word` matches query term `term`: the same word, or — for terms of four
    /// letters or more — a word that starts with it ("cascade" finds "cascades").
    public static func matches(_ word: String, _ term: String) -> Bool {
        word == term || (term.count >= 4 && word.hasPrefix(term))
    }

    /// `log(1 + N / df)`: rarer terms weigh more.
    public static func weight(documents: Int, containing: Int) -> Double {
        log(1 + Double(documents) / Double(max(containing, 1)))
    }

    /// Index of the text in `documents` that best matches `query`'s content words (stop words and
    /// words under three letters ignored), by summed term weights; nil when none shares a word.
    public static func bestMatch(_ query: String, in documents: [String]) -> Int? {
        let terms = Set(words(query).filter { $0.count >= 3 && !stopWords.contains($0) })
        guard !terms.isEmpty, !documents.isEmpty else { return nil }
        let documentWords = documents.map { Set(words($0)) }
        var best: (index: Int, score: Double)?
        var weights: [String: Double] = [:]
        for term in terms {
            let containing = documentWords.filter { set in set.contains { matches($0, term) } }.count
            weights[term] = containing == 0 ? 0 : weight(documents: documents.count, containing: containing)
        }
        for (index, set) in documentWords.enumerated() {
            let score = terms.reduce(0.0) { sum, term in
                set.contains { matches($0, term) } ? sum + (weights[term] ?? 0) : sum
            }
            if score > 0 && score > (best?.score ?? 0) { best = (index, score) }
        }
        return best?.index
    }
}
