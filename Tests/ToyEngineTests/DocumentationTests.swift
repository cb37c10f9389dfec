import Foundation
import TestSupport
import Testing

/// The issue's "Done when": the engine's public API is documented in its files. Every `public`
/// declaration in ToyEngine and ToyEngineAVX2 must sit right under a `///` comment (attributes
/// such as `@inlinable` may come between).
@Suite struct DocumentationTests {
    static let sourceRoot = checkoutRoot.appendingPathComponent("Sources")

    /// `file:line: declaration` for every public declaration without a doc comment.
    static func undocumented(in target: String) throws -> [String] {
        let folder = sourceRoot.appendingPathComponent(target)
        let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        var missing: [String] = []
        var files = 0
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            files += 1
            let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            for (index, line) in lines.enumerated() {
                let text = line.trimmingCharacters(in: .whitespaces)
                guard isPublicDeclaration(text) else { continue }
                var above = index - 1
                while above >= 0, lines[above].trimmingCharacters(in: .whitespaces).hasPrefix("@") { above -= 1 }
                if above < 0 || !lines[above].trimmingCharacters(in: .whitespaces).hasPrefix("///") {
                    missing.append("\(target)/\(url.lastPathComponent):\(index + 1): \(text)")
                }
            }
        }
        #expect(files > 0, "no sources found under \(folder.path)")
        return missing
    }

    /// A line that declares something public, possibly after attributes on the same line.
    static func isPublicDeclaration(_ text: String) -> Bool {
        var rest = Substring(text)
        while rest.hasPrefix("@") {
            guard let space = rest.firstIndex(of: " ") else { return false }
            rest = rest[space...].drop { $0 == " " }
        }
        return rest.hasPrefix("public ")
    }

    @Test(arguments: ["ToyEngine", "ToyEngineAVX2"])
    func everyPublicDeclarationHasADocComment(target: String) throws {
        let missing = try Self.undocumented(in: target)
        #expect(missing.isEmpty, "undocumented:\n\(missing.joined(separator: "\n"))")
    }

    @Test func theCheckRecognisesPublicDeclarations() {
        #expect(Self.isPublicDeclaration("public var x = 1"))
        #expect(Self.isPublicDeclaration("@inlinable public subscript(r: Int) -> Double {"))
        #expect(Self.isPublicDeclaration("@inline(never) public static func gemm("))
        #expect(!Self.isPublicDeclaration("/// public API"))
        #expect(!Self.isPublicDeclaration("let y = 2"))
    }
}
