import Foundation
import TestSupport
import Testing

@testable import TOML

/// toml-test's TOML 1.0 cases (../shared/toml-test, not ours to copy into the repo): every `valid/`
/// case decodes equal to its expected tagged JSON, every `invalid/` case is rejected with a line
/// inside the file.
@Suite struct TOMLTestSuiteTests {
    static let packageRoot = checkoutRoot
    static let suite = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/toml-test/tests")
    static let list = suite.appendingPathComponent("files-toml-1.0.0")
    static var present: Bool { FileManager.default.fileExists(atPath: list.path) }

    static func files(_ prefix: String) -> [String] {
        guard let text = try? String(contentsOf: list, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init).filter { $0.hasPrefix(prefix) && $0.hasSuffix(".toml") }
    }

    @Test(
        .enabled(if: present, "NOTICE: ../shared/toml-test is absent; toml-test valid cases skipped"))
    func validCasesDecodeToTheirJSON() throws {
        let cases = Self.files("valid/")
        #expect(cases.count == 210)
        var failures: [String] = []
        for name in cases {
            let bytes = try [UInt8](Data(contentsOf: Self.suite.appendingPathComponent(name)))
            let jsonURL = Self.suite.appendingPathComponent(String(name.dropLast(5)) + ".json")
            let expected = try Tagged(json: JSONSerialization.jsonObject(with: Data(contentsOf: jsonURL)))
            do {
                let document = try TOMLDocument.parse(bytes: bytes)
                let actual = Tagged(document.root.value)
                if actual != expected { failures.append("\(name): got \(actual), expected \(expected)") }
            } catch {
                failures.append("\(name): rejected: \(error)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(cases.count) failed:\n\(failures.joined(separator: "\n"))")
    }

    @Test(
        .enabled(if: present, "NOTICE: ../shared/toml-test is absent; toml-test invalid cases skipped"))
    func invalidCasesAreRejectedWithALine() throws {
        let cases = Self.files("invalid/")
        #expect(cases.count == 499)
        var failures: [String] = []
        for name in cases {
            let bytes = try [UInt8](Data(contentsOf: Self.suite.appendingPathComponent(name)))
            let lineCount = bytes.filter { $0 == UInt8(ascii: "\n") }.count + 1
            do {
                _ = try TOMLDocument.parse(bytes: bytes)
                failures.append("\(name): accepted")
            } catch {
                if error.line < 1 || error.line > lineCount || error.column < 1 || error.message.isEmpty {
                    failures.append("\(name): bad position \(error)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(cases.count) failed:\n\(failures.joined(separator: "\n"))")
    }
}

/// toml-test's tagged JSON, compared by meaning (numbers by value, date-times normalised).
indirect enum Tagged: Equatable, CustomStringConvertible {
    case scalar(type: String, value: String)
    case array([Tagged])
    case table([String: Tagged])

    init(json: Any) throws {
        if let array = json as? [Any] {
            self = .array(try array.map { try Tagged(json: $0) })
        } else if let object = json as? [String: Any] {
            if object.count == 2, let type = object["type"] as? String, let value = object["value"] as? String {
                self = .scalar(type: type, value: Self.normalise(type: type, value))
            } else {
                self = .table(try object.mapValues { try Tagged(json: $0) })
            }
        } else {
            throw CocoaError(.coderInvalidValue)
        }
    }

    init(_ value: TOMLValue) {
        switch value.kind {
        case .string: self = .scalar(type: "string", value: value.string!)
        case .integer: self = .scalar(type: "integer", value: String(value.int!))
        case .float: self = .scalar(type: "float", value: Self.normalise(type: "float", String(value.double!)))
        case .bool: self = .scalar(type: "bool", value: String(value.bool!))
        case .dateTime:
            let dateTime = value.dateTime!
            let type =
                switch dateTime.kind {
                case .offsetDateTime: "datetime"
                case .localDateTime: "datetime-local"
                case .localDate: "date-local"
                case .localTime: "time-local"
                }
            self = .scalar(type: type, value: Self.normalise(type: type, dateTime.text))
        case .array: self = .array(value.array!.map { Tagged($0) })
        case .table:
            var entries: [String: Tagged] = [:]
            for entry in value.table!.entries { entries[entry.key] = Tagged(entry.value) }
            self = .table(entries)
        }
    }

    static func normalise(type: String, _ value: String) -> String {
        switch type {
        case "float":
            guard let number = Double(value.replacingOccurrences(of: "_", with: "")) else { return value }
            return number.isNaN ? "nan" : String(number)
        case "integer":
            return Int(value).map(String.init) ?? value
        case "datetime", "datetime-local", "time-local":
            var text = value.uppercased()
            if text.count > 10, text.dropFirst(10).first == " " {
                text = String(text.prefix(10)) + "T" + String(text.dropFirst(11))
            }
            // Fractional seconds without trailing zeros: 56.600 and 56.6 are the same time.
            if let dot = text.firstIndex(of: ".") {
                let digitsEnd = text[text.index(after: dot)...].firstIndex { !$0.isNumber } ?? text.endIndex
                var digits = String(text[text.index(after: dot)..<digitsEnd])
                while digits.hasSuffix("0") { digits.removeLast() }
                text = String(text[..<dot]) + (digits.isEmpty ? "" : "." + digits) + String(text[digitsEnd...])
            }
            return text
        default: return value
        }
    }

    var description: String {
        switch self {
        case .scalar(let type, let value): "\(type):\(value.debugDescription)"
        case .array(let elements): "[" + elements.map(\.description).joined(separator: ", ") + "]"
        case .table(let entries):
            "{" + entries.keys.sorted().map { "\($0.debugDescription): \(entries[$0]!)" }.joined(separator: ", ") + "}"
        }
    }
}
