import Course
import Terminal
import Testing

@testable import Journey

/// The capstone's best score as `list` and the home screen show it.
struct BestScoreTests {
    @Test func listShowsTheBestScoreBesideTheStatus() {
        var exercise = ExerciseStatus(
            id: "capstone", number: 21, slug: "capstone", title: "Capstone", status: "passed", solved: true)
        #expect(ListReport.describe(exercise) == "passed")
        exercise.bestScore = ExerciseScore(accuracy: 0.9134, costPerQuery: 2.5)
        #expect(ListReport.describe(exercise) == "passed, best 91.3% at 2.50 per query")
        exercise.status = "failed"
        #expect(ListReport.describe(exercise) == "solved, last check failed, best 91.3% at 2.50 per query")
    }

    @Test func fixedDecimals() {
        #expect(ExerciseStatus.fixed(91.349, 1) == "91.3")
        #expect(ExerciseStatus.fixed(2.005, 2) == "2.01" || ExerciseStatus.fixed(2.005, 2) == "2.00")
        #expect(ExerciseStatus.fixed(0.5, 2) == "0.50")
        #expect(ExerciseStatus.fixed(100, 1) == "100.0")
    }
}

/// The home screen names the best score of a scored exercise, and nothing when there is none.
struct HomeScreenBestScoreTests {
    @Test func theHomeScreenShowsTheBestScore() {
        var progress = Fixture.partial
        let settings = TerminalSettings(width: 80, color: false, ascii: true)
        let before = HomeScreen.compose(
            course: Fixture.course, progress: progress, quizTotals: Fixture.quizTotals, now: Fixture.now,
            settings: settings, renderMarkdown: { $0 })
        #expect(!before.contains("best "))
        progress.exercises["router"] = ExerciseRecord(
            status: "passed", solved: true, bestScore: ExerciseScore(accuracy: 0.964, costPerQuery: 1306.9))
        let after = HomeScreen.compose(
            course: Fixture.course, progress: progress, quizTotals: Fixture.quizTotals, now: Fixture.now,
            settings: settings, renderMarkdown: { $0 })
        #expect(after.contains("A learned router: best 96.4% at 1306.90 per query"))
    }
}
