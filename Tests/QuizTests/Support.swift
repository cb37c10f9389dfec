import Foundation

@testable import Quiz

/// Fixture files live beside the tests; reached through `#filePath` so no resource bundle is needed.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures")

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    static func source(_ name: String) throws -> String {
        try String(contentsOf: url(name), encoding: .utf8)
    }

    /// Loads a fixture that must be free of errors.
    static func quiz(_ name: String) throws -> QuizFile {
        let result = QuizLoader.load(url(name), displayPath: name)
        guard let quiz = result.quiz, result.errors.isEmpty else {
            throw FixtureError(message: result.problems.map(\.description).joined(separator: "\n"))
        }
        return quiz
    }

    struct FixtureError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
