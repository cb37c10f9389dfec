import Course
import Foundation
@testable import Exercises

/// A fresh temporary folder, removed by the caller.
func temporaryFolder(_ name: String = "tandem-exercises-test") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// This checkout (three levels up from this file).
let checkoutRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func entry(_ id: String, number: Int = 1, file: String? = nil, hints: [String] = ["first", "second"]) -> ExerciseEntry {
    ExerciseEntry(id: id, number: number, slug: id, title: "Exercise \(id)", file: file ?? "\(id)/main.swift",
                  lesson: "ensembles", hints: hints)
}

func write(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
}
