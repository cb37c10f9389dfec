import Course
import Foundation
import Quiz

/// How many gradable questions each lesson's quiz has (lesson slug → count), for "4/6" scores
/// before a quiz was ever taken. `SelfGraded` questions are left out: the student grades those,
/// as `QuizRecord.total` counts them.
public enum QuizSizes {
    public static func count(in course: CourseFolder) -> [String: Int] {
        var sizes: [String: Int] = [:]
        for lesson in course.manifest.lessons {
            guard let url = course.quizFile(lesson), FileManager.default.fileExists(atPath: url.path) else { continue }
            sizes[lesson.slug] = QuizLoader.load(url, displayPath: course.relativePath(url)).quiz.map(gradable) ?? 0
        }
        return sizes
    }

    public static func gradableQuestions(source: String) -> Int {
        QuizLoader.load(source: source, path: "quiz.toml").quiz.map(gradable) ?? 0
    }

    static func gradable(_ quiz: QuizFile) -> Int {
        quiz.questions.filter(\.isAutoGraded).count
    }
}
