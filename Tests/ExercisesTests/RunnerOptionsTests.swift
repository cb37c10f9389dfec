import Foundation
import TestSupport
import Testing

@testable import Exercises

/// `tandem run DEMO --mine` passes the demo's options on to `mine-DEMO` (pinned in the CLI's
/// `RunCommandTests`); each runner must read every one of them, or `--mine` would silently run
/// a different demo than the one asked for.
struct RunnerOptionsTests {
    /// The options `tandem run DEMO --mine` passes on, per demo.
    static let passedOn: [String: Set<String>] = [
        "cascade": ["seed", "threshold", "scorer", "target-accuracy", "tiers"],
        "ensemble": ["seed", "members", "method", "diversity"],
        "weak-to-strong": ["seed", "classes", "weak-size", "strong-size", "sweep", "curve", "bootstrap"],
        "filter": ["seed"],
        "distill": ["seed", "temperatures"],
    ]

    /// The option names a runner reads through `RunnerArguments` (`arguments.double("tiers")`, …;
    /// `.seed` reads `--seed`).
    static func optionsRead(bySource source: String) throws -> Set<String> {
        let call = try Regex(#"\.(?:value|values|flag|double|int|choice)\("([a-z-]+)"\)"#)
        var names = Set(source.matches(of: call).compactMap { $0.output[1].substring.map(String.init) })
        if source.contains(".seed") { names.insert("seed") }
        return names
    }

    @Test(arguments: passedOn.keys.sorted()) func everyRunnerHonoursTheOptionsItIsGiven(_ demo: String) throws {
        let module = "Mine" + demo.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        let url = checkoutRoot.appendingPathComponent("exercises/Runners/\(module)/main.swift")
        let source = try String(contentsOf: url, encoding: .utf8)
        let read = try Self.optionsRead(bySource: source)
        #expect(read == Self.passedOn[demo], "exercises/Runners/\(module)/main.swift reads \(read.sorted())")
    }

    /// Every runner folder (the registry's demos with `--mine`, see DemoRegistryTests) is covered.
    @Test func everyDemoWithARunnerIsCovered() throws {
        let folders = try FileManager.default.contentsOfDirectory(
            atPath: checkoutRoot.appendingPathComponent("exercises/Runners").path
        ).filter { $0.hasPrefix("Mine") }
        let covered = Self.passedOn.keys.map {
            "Mine" + $0.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        }
        #expect(Set(folders) == Set(covered))
    }
}
