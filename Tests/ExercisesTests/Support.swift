import Course
import Foundation
import TestSupport

@testable import Exercises

func entry(_ id: String, number: Int = 1, file: String? = nil, hints: [String] = ["first", "second"]) -> ExerciseEntry {
    ExerciseEntry(
        id: id, number: number, slug: id, title: "Exercise \(id)", file: file ?? "\(id)/main.swift",
        lesson: "ensembles", hints: hints)
}

/// A folder kept between test runs (one per checkout), for builds worth reusing.
func persistentFolder(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
        "\(name)-\(WorkingPackage.key(checkoutRoot))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
