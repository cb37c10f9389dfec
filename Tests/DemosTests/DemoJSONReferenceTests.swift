import DemoReports
import Demos
import Foundation
import JSON
import Terminal
import Testing

/// docs/demo-json.md is generated from the registry, and every key it documents is in the demo's
/// JSON for seed 1 (run with each demo's default knobs through `tandem run NAME --json`).
@Suite struct DemoJSONReferenceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theReferenceIsGeneratedFromTheRegistry() throws {
        let url = Self.root.appendingPathComponent("docs/demo-json.md")
        let generated = DemoCatalogue.jsonReference()
        if ProcessInfo.processInfo.environment["TANDEM_UPDATE_GOLDENS"] == "1" {
            try generated.write(to: url, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == generated, "docs/demo-json.md is stale: regenerate it (see its first lines)")
    }

    /// The keys a JSON object holds, as the reference writes them: dotted for nested objects, `[]`
    /// after an array of objects (its elements' keys are merged).
    static func documentedForm(_ value: JSONValue, prefix: String = "") -> Set<String> {
        var keys: Set<String> = []
        switch value {
        case .object(let pairs):
            for (key, child) in pairs {
                let name = prefix.isEmpty ? key : prefix + "." + key
                keys.insert(name)
                keys.formUnion(documentedForm(child, prefix: name))
            }
        case .array(let items):
            let name = prefix + "[]"
            for item in items {
                if case .object = item {
                    keys.insert(name)
                    keys.formUnion(documentedForm(item, prefix: name))
                }
            }
        default: break
        }
        return keys
    }

    @Test func documentedKeysAppearInTheDemosJSON() throws {
        for entry in DemoCatalogue.entries where !entry.jsonKeys.isEmpty {
            guard let json = DemoCatalogue.defaultJSON(entry.name, seed: 1) else {
                Issue.record("no default run for \(entry.name)")
                continue
            }
            let present = Self.documentedForm(json)
            for (key, _) in entry.jsonKeys {
                #expect(present.contains(key), "\(entry.name): documented key \(key) is not in its JSON")
            }
        }
    }
}
