import Foundation
import TestSupport
import Testing

/// The repository a newcomer clones: the design's top level, and CI running exactly the README's
/// test command after installing libcmark only where it is missing.
@Suite struct RepositoryLayoutTests {
    static let root = checkoutRoot

    @Test func topLevelHoldsTheDesignedLayout() {
        for name in [
            "Package.swift", "Sources", "Tests", "content", "exercises", "README.md", ".ci/run", ".gitignore",
            "benchmarks",
            "content/course.toml",
        ] {
            #expect(
                FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(name).path), "missing \(name)")
        }
        #expect(FileManager.default.isExecutableFile(atPath: Self.root.appendingPathComponent(".ci/run").path))
    }

    @Test func ciRunsReadmesTestCommandAfterInstallingOnlyWhatIsMissing() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let script = try String(contentsOf: Self.root.appendingPathComponent(".ci/run"), encoding: .utf8)
        // README: the code block right after "Run the tests".
        let afterHeading = try #require(readme.range(of: "Run the tests")).upperBound
        let fenceOpen = try #require(readme.range(of: "```sh\n", range: afterHeading..<readme.endIndex)).upperBound
        let fenceClose = try #require(readme.range(of: "\n```", range: fenceOpen..<readme.endIndex)).lowerBound
        let testCommand = String(readme[fenceOpen..<fenceClose]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!testCommand.isEmpty)

        let lines = script.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty && !$0.hasPrefix("#")
        }
        #expect(lines.contains("set -euo pipefail"))
        #expect(lines.last == testCommand)
        let guardLine = try #require(lines.firstIndex { $0.hasPrefix("if ! pkg-config --exists libcmark") })
        let update = try #require(lines.firstIndex { $0.hasSuffix("apt-get update") })
        let install = try #require(lines.firstIndex { $0.contains("apt-get install -y libcmark-dev") })
        let end = try #require(lines.firstIndex { $0 == "fi" })
        #expect(guardLine < update && update < install && install < end)
    }
}
