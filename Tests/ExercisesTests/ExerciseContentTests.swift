import Course
import Foundation
import TestSupport
import Testing

@testable import Exercises

/// What every starter promises the student before they write a line.
struct ExerciseContentTests {
    @Test func everyStarterOpensWithItsTaskAndTheLessonTheCourseFilesItUnder() throws {
        let course = try CourseFolder.load(root: checkoutRoot)
        let layout = ExerciseLayout(course: course)
        for exercise in course.manifest.exercises {
            let text = try String(contentsOf: layout.starterFile(exercise), encoding: .utf8)
            let lesson = try #require(course.lesson(slug: exercise.lesson), "\(exercise.id)")
            let opening = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(3).map(String.init)
            #expect(
                opening.first == "/// # Exercise \(exercise.number) — "
                    + (opening.first?.components(separatedBy: " — ").last ?? ""),
                "\(exercise.file): the title line names exercise \(exercise.number)")
            #expect(
                opening.last == "/// Lesson \(lesson.number), *\(lesson.title)* (`tandem read \(lesson.slug)`).",
                "\(exercise.file): line 3 should name lesson \(lesson.number), \(lesson.title)")
            #expect(text.contains("**Implement**"), "\(exercise.file): says what to implement")
            #expect(
                text.contains("**Done** when `tandem check \(exercise.id)` passes"),
                "\(exercise.file): says what done means")
            #expect(text.contains("// TODO"), "\(exercise.file): has a TODO")
        }
    }
}
