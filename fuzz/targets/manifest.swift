// libFuzzer target: course.toml. Any input gives a manifest or a CourseError; a manifest's numbers
// are in range and the resolver answers any name without trapping.
import Foundation

@testable import Course

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzManifest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let (manifest, lines) = try CourseManifest.parseWithLines(text, path: "course.toml")
        precondition(lines.lessons.count == manifest.lessons.count)
        precondition(lines.exercises.count == manifest.exercises.count)
        let course = CourseFolder(root: URL(fileURLWithPath: "/nonexistent-course"), manifest: manifest)
        for lesson in manifest.lessons {
            precondition(CourseManifest.numberRange.contains(lesson.number))
            _ = course.lessonFile(lesson)
            _ = course.quizFile(lesson)
            _ = try? course.lessonResolver.resolve(lesson.slug)
            _ = course.exercises(forLesson: lesson.slug)
        }
        for name in ["1", "-1", "0", "99999999999999999999", "", "a", String(text.prefix(20))] {
            _ = try? course.lessonResolver.resolve(name)
            _ = try? course.exerciseResolver.resolve(name)
        }
    } catch {
        _ = error.description
    }
    return 0
}
