import Foundation

/// The tandem checkout these tests were built from, found from this file's path
/// (`Tests/TestSupport/Files.swift`), so no resource bundle is needed.
public let checkoutRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A fresh, empty folder `PREFIX-UUID` in the system's temporary folder. Tests that care remove
/// it themselves; the rest leave it to the system's clean-up.
public func makeTemporaryFolder(_ prefix: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Writes `text` as UTF-8 to `url`, creating the folders above it. A file that already holds
/// exactly `text` is left alone, so a package reused between runs builds incrementally.
public func writeText(_ text: String, to url: URL) throws {
    if let existing = try? String(contentsOf: url, encoding: .utf8), existing == text { return }
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
}

/// `text` parsed as a JSON object (as a command's `--json` prints it); throws, quoting the text,
/// when it is not one.
public func parseJSONObject(_ text: String) throws -> [String: Any] {
    guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
        throw NotAJSONObject(text: text)
    }
    return object
}

/// What `parseJSONObject` throws for valid JSON that is not an object.
public struct NotAJSONObject: Error, CustomStringConvertible {
    public var text: String
    public var description: String { "not a JSON object: \(text)" }
}
