import Course
import Foundation

/// How many gradable questions each lesson's quiz has (lesson slug → count), for "4/6" scores
/// before a quiz was ever taken.
///
/// SEAM: this counts `[[questions]]` tables in the TOML text, leaving out `SelfGraded` ones
/// (the student grades those). When the Quiz target's loader lands, count with it instead.
public enum QuizSizes {
    public static func count(in course: Course) -> [String: Int] {
        var sizes: [String: Int] = [:]
        for lesson in course.manifest.lessons {
            guard let url = course.quizFile(lesson),
                  let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            sizes[lesson.slug] = gradableQuestions(inTOML: text)
        }
        return sizes
    }

    public static func gradableQuestions(inTOML text: String) -> Int {
        var count = 0
        var current: Bool? = nil  // nil: not inside a question; else whether it is gradable
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("[[questions]]") {
                if current == true { count += 1 }
                current = true
            } else if trimmed.hasPrefix("[") && !trimmed.hasPrefix("[questions.") && !trimmed.hasPrefix("[[questions.") {
                if current == true { count += 1 }
                current = nil
            } else if current != nil, trimmed.hasPrefix("type"), trimmed.contains("SelfGraded") {
                current = false
            }
        }
        if current == true { count += 1 }
        return count
    }
}
