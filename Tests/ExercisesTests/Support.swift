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
let checkoutRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

func entry(_ id: String, number: Int = 1, file: String? = nil, hints: [String] = ["first", "second"]) -> ExerciseEntry {
    ExerciseEntry(
        id: id, number: number, slug: id, title: "Exercise \(id)", file: file ?? "\(id)/main.swift",
        lesson: "ensembles", hints: hints)
}

/// Writes only when the contents change, so a reused package builds incrementally.
func write(_ text: String, to url: URL) throws {
    if let existing = try? String(contentsOf: url, encoding: .utf8), existing == text { return }
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
}

/// A folder kept between test runs (one per checkout), for builds worth reusing.
func persistentFolder(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(Verifier.key(checkoutRoot))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
