import Course
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
