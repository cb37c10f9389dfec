/// A JSON value with its object keys in the order written: the one value type behind every
/// `--json` output (demos, quiz, review, list, progress, check, search, bench), serialized in one
/// style by `JSONWriter`. Non-finite numbers become `null`.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int)
    case unsigned(UInt64)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// Two values are equal when they serialize to the same text (keys in the same order).
    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    /// A number, or null when `value` is nil or not finite.
    public static func number(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }

    /// The JSON text: one line, in `JSONWriter`'s style.
    public func serialized() -> String {
        var writer = JSONWriter()
        write(to: &writer)
        return writer.text
    }

    public func write(to writer: inout JSONWriter) {
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

extension JSONValue {
    /// The object's value at `key` (nil for a non-object or a missing key).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    /// The array's items (empty for a non-array).
    public var items: [JSONValue] {
        if case .array(let items) = self { return items }
        return []
    }

    /// The object's keys in order (empty for a non-object).
    public var keys: [String] {
        if case .object(let pairs) = self { return pairs.map(\.0) }
        return []
    }

    /// The value as a number (integers too); nil otherwise.
    public var double: Double? {
        switch self {
        case .number(let d): return d
        case .integer(let i): return Double(i)
        case .unsigned(let u): return Double(u)
        default: return nil
        }
    }

    /// The value as a Boolean; nil otherwise.
    public var bool: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The value as a string; nil otherwise.
    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}
