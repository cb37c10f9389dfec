import DemoReports
import Foundation
import Testing

/// The demo registry is the one list of demos. exercises/Package.swift cannot import Swift code,
/// so it keeps its own `runners` list; these tests hold it (and the runner folders) to the registry.
@Suite struct DemoRegistryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// exercises/Package.swift's `exercises` (id → module) and `runners` (demo → module, modules used).
    static func manifest() throws -> (
        modules: [String: String], runners: [(demo: String, module: String, uses: [String])]
    ) {
        let text = try String(
            contentsOf: root.appendingPathComponent("exercises/Package.swift"), encoding: .utf8)
        let exercise = try Regex(#"\("([a-z0-9-]+)", "[^"]+", "(\w+)", (?:true|false)\)"#)
        var modules: [String: String] = [:]
        for match in text.matches(of: exercise) {
            if let id = match.output[1].substring, let module = match.output[2].substring {
                modules[String(module)] = String(id)
            }
        }
        let runner = try Regex(#"\("([a-z0-9-]+)", "(Mine\w+)", \[([^\]]*)\]\)"#)
        let runners = text.matches(of: runner).compactMap { match -> (String, String, [String])? in
            guard let demo = match.output[1].substring, let module = match.output[2].substring,
                let uses = match.output[3].substring
            else { return nil }
            let used = uses.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces.union(["\""])) }
            return (String(demo), String(module), used)
        }
        return (modules, runners.map { (demo: $0.0, module: $0.1, uses: $0.2) })
    }

    @Test func theExercisesPackageHasARunnerForExactlyTheDemosTheRegistryFeeds() throws {
        let (modules, runners) = try Self.manifest()
        #expect(!modules.isEmpty && !runners.isEmpty, "exercises/Package.swift: no exercises or runners found")
        let fed = DemoCatalogue.entries.filter { !$0.mineExercises.isEmpty }
        #expect(runners.map(\.demo) == fed.map(\.name), "exercises/Package.swift `runners` against the registry")
        for entry in fed {
            guard let runner = runners.first(where: { $0.demo == entry.name }) else { continue }
            #expect(
                runner.uses.map { modules[$0] ?? "?\($0)" } == entry.mineExercises,
                "\(entry.name): the runner links \(runner.uses), the registry says \(entry.mineExercises)")
            let main = Self.root.appendingPathComponent("exercises/Runners/\(runner.module)/main.swift")
            #expect(FileManager.default.fileExists(atPath: main.path), "\(main.path) is missing")
        }
    }

    @Test func everyDemoHasItsOwnArgumentsTypeAndName() {
        let names = DemoCatalogue.entries.map(\.name)
        #expect(Set(names).count == names.count)
        let types = DemoCatalogue.entries.map { ObjectIdentifier($0.arguments) }
        #expect(Set(types).count == types.count, "two demos share an Arguments type")
        for entry in DemoCatalogue.entries {
            #expect(DemoCatalogue.entry(for: entry.arguments).name == entry.name)
            #expect(DemoCatalogue.entry(named: entry.name)?.name == entry.name)
        }
        #expect(DemoCatalogue.entry(named: "nosuch") == nil)
    }
}
