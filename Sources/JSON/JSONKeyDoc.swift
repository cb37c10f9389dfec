import Foundation

/// One key of a `--json` output as docs/json.md documents it. Each command declares its keys once,
/// beside the code that builds its JSON (`CheckReport.jsonKeys`, `ListReport.jsonKeys`, …); the
/// reference is generated from those lists, and the tests hold every list to the command's real
/// output with `JSONKeyDoc.mismatches(_:samples:)`, so the document cannot drift from the code.
public struct JSONKeyDoc: Sendable, Equatable {
    /// The key's path: `.` steps into an object, `[]` into each element of an array
    /// (`exercises[].score.accuracy`).
    public var path: String
    /// The value's type; nil where the key is documented by meaning only (the demos).
    public var type: JSONType?
    /// Whether the value may be `null` instead.
    public var nullable: Bool
    /// What the value is, in words.
    public var meaning: String

    public init(_ path: String, _ type: JSONType, _ meaning: String, nullable: Bool = false) {
        self.path = path
        self.type = type
        self.nullable = nullable
        self.meaning = meaning
    }

    /// A key documented by its meaning alone.
    public init(_ path: String, meaning: String) {
        self.path = path
        self.type = nil
        self.nullable = false
        self.meaning = meaning
    }

    /// The type as the reference writes it: `number`, `number or null`.
    public var typeText: String {
        guard let type else { return "" }
        return type.rawValue + (nullable ? " or null" : "")
    }

    /// A Markdown table of `keys`, with a type column when any key has a type.
    public static func table(_ keys: [JSONKeyDoc]) -> String {
        let typed = keys.contains { $0.type != nil }
        var text = typed ? "| key | type | meaning |\n| --- | --- | --- |\n" : "| key | meaning |\n| --- | --- |\n"
        for key in keys {
            let meaning = key.meaning.replacingOccurrences(of: "|", with: "\\|")
            text += "| `\(key.path)` |" + (typed ? " \(key.typeText) |" : "") + " \(meaning) |\n"
        }
        return text
    }

    /// Where `samples` (real outputs of one command) disagree with `declared`, one sentence each:
    /// a key the output has that is not declared, a declared key no sample has, an object whose
    /// keys are not in the declared order, or a value of another type than declared. Empty when
    /// they agree. Keys below a key of type `any` are not checked.
    public static func mismatches(_ declared: [JSONKeyDoc], samples: [JSONValue]) -> [String] {
        var index: [String: Int] = [:]
        for (position, key) in declared.enumerated() where index[key.path] == nil { index[key.path] = position }
        var seen = Set<String>()
        var problems: [String] = []
        func note(_ problem: String) { if !problems.contains(problem) { problems.append(problem) } }

        func visit(_ value: JSONValue, at path: String) {
            let key = declared[index[path]!]
            if let type = key.type, !type.admits(value, nullable: key.nullable) {
                note("`\(path)` is \(JSONType.name(of: value)), declared \(key.typeText)")
            }
            if key.type == .any { return }
            children(of: value, at: path)
        }

        func children(of value: JSONValue, at path: String) {
            switch value {
            case .object(let pairs):
                var last = -1
                var lastPath = ""
                for (name, child) in pairs {
                    let childPath = path.isEmpty ? name : path + "." + name
                    guard let position = index[childPath] else {
                        note("`\(childPath)` is in the output but not declared")
                        continue
                    }
                    if position < last {
                        note("`\(childPath)` comes after `\(lastPath)`, which is declared after it")
                    } else {
                        (last, lastPath) = (position, childPath)
                    }
                    seen.insert(childPath)
                    visit(child, at: childPath)
                }
            case .array(let items):
                guard !path.isEmpty else { return }
                for item in items {
                    guard case .object = item else { continue }
                    children(of: item, at: path + "[]")
                }
            default: break
            }
        }

        for sample in samples { children(of: sample, at: "") }
        for key in declared where !seen.contains(key.path) {
            note("`\(key.path)` is declared but in no sample")
        }
        return problems
    }
}

/// A JSON value's type as the reference names it. `number` admits whole numbers too; `integer`
/// only integers; `any` whatever the value is (an answer may be text, a number or a list).
public enum JSONType: String, Sendable, Equatable {
    case string, integer, number, boolean, object, array, any

    /// Whether `value` has this type (or is null where `nullable`).
    func admits(_ value: JSONValue, nullable: Bool) -> Bool {
        switch (self, value) {
        case (.any, _), (.string, .string), (.boolean, .bool), (.object, .object), (.array, .array): return true
        case (.integer, .integer), (.integer, .unsigned): return true
        case (.number, .number), (.number, .integer), (.number, .unsigned): return true
        case (_, .null): return nullable
        default: return false
        }
    }

    /// The type of `value`, for messages.
    static func name(of value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer, .unsigned: return "integer"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}
