import Course
import Foundation
import Journey

/// A small course of three lessons (quizzes of 4, 3 and 5 questions; three exercises) and
/// progress at fixed dates, for goldens that never change with the clock.
enum Fixture {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let yesterday = now.addingTimeInterval(-86_400)
    static let tomorrow = now.addingTimeInterval(86_400)

    static let manifest = CourseManifest(
        id: "fixture-course", title: "Fixture course on cascades",
        welcome: "Welcome to the fixture course.", final: "You finished the fixture course.",
        lessons: [
            LessonEntry(number: 1, slug: "intro", title: "Why combine models", folder: "01-intro"),
            LessonEntry(number: 2, slug: "cascades", title: "Cascading inference", folder: "02-cascades"),
            LessonEntry(number: 3, slug: "routing", title: "Routing queries to the right model", folder: "03-routing"),
        ],
        exercises: [
            ExerciseEntry(
                id: "cascade-route", number: 1, slug: "cascade-route", title: "Cascade routing",
                file: "Sources/E01/CascadeRoute.swift", lesson: "cascades", hints: []),
            ExerciseEntry(
                id: "cascade-cost", number: 2, slug: "cascade-cost", title: "Expected cost",
                file: "Sources/E02/CascadeCost.swift", lesson: "cascades", hints: []),
            ExerciseEntry(
                id: "router", number: 3, slug: "router", title: "A learned router",
                file: "Sources/E03/Router.swift", lesson: "routing", hints: []),
        ])

    static let course = CourseFolder(root: URL(fileURLWithPath: "/nonexistent/fixture"), manifest: manifest)
    static let quizTotals = ["intro": 4, "cascades": 3, "routing": 5]

    static var fresh: StudentProgress { StudentProgress(courseID: manifest.id) }

    /// Lesson 1 done; lesson 2 read, its quiz taken, one exercise solved, one failing; a question due.
    static var partial: StudentProgress {
        var progress = StudentProgress(courseID: manifest.id)
        progress.welcomed = true
        progress.lessons["intro"] = LessonRecord(read: true, readAt: yesterday)
        progress.lessons["cascades"] = LessonRecord(read: true, readAt: yesterday)
        progress.quizzes["intro"] = QuizRecord(best: 4, last: 3, total: 4, attempts: 2, lastTakenAt: yesterday)
        progress.quizzes["cascades"] = QuizRecord(best: 1.5, last: 1.5, total: 3, attempts: 1, lastTakenAt: yesterday)
        progress.exercises["cascade-route"] = ExerciseRecord(status: "passed", solved: true, solvedAt: yesterday)
        progress.exercises["cascade-cost"] = ExerciseRecord(
            status: "compile-error", solved: false, lastCheckedAt: yesterday)
        progress.questions["intro-q1"] = QuestionRecord(attempts: 1, quiz: "intro", box: 1, due: yesterday)
        progress.questions["intro-q2"] = QuestionRecord(attempts: 1, quiz: "intro", box: 2, due: tomorrow)
        return progress
    }

    static var finished: StudentProgress {
        var progress = partial
        progress.lessons["routing"] = LessonRecord(read: true, readAt: yesterday)
        progress.quizzes["routing"] = QuizRecord(best: 5, last: 5, total: 5, attempts: 1, lastTakenAt: yesterday)
        progress.exercises["cascade-cost"] = ExerciseRecord(status: "passed", solved: true, solvedAt: yesterday)
        progress.exercises["router"] = ExerciseRecord(status: "passed", solved: true, solvedAt: yesterday)
        progress.questions["intro-q1"]?.due = tomorrow
        return progress
    }
}
