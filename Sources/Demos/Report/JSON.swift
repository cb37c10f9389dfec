import Foundation
import Terminal

/// A JSON value with ordered keys, written deterministically. Non-finite numbers become `null`
/// (JSON has no NaN), so an undefined result is never mistaken for a number.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int)
    case unsigned(UInt64)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    /// A number, or null when `value` is nil or not finite.
    static func number(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }

    /// Compact JSON text (one line); numbers that are not whole to six decimals at most.
    public func serialized() -> String {
        var writer = JSONWriter(format: JSONWriter.Format(numbers: .fixed(decimals: 6)))
        write(to: &writer)
        return writer.text
    }

    func write(to writer: inout JSONWriter) {
        switch self {
        case .null: writer.null()
        case .bool(let b): writer.bool(b)
        case .integer(let i): writer.integer(i)
        case .unsigned(let u): writer.integer(u)
        case .number(let d): writer.number(d)
        case .string(let s): writer.string(s)
        case .array(let items): writer.array(items) { $1.write(to: &$0) }
        case .object(let pairs): writer.object(pairs) { $1.write(to: &$0) }
        }
    }
}
