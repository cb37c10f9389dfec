import Terminal

/// A JSON value that keeps its keys in the order written, so `--json` output matches the
/// documented shape key for key.
public indirect enum JSONText: Sendable, Equatable {
    case object([(String, JSONText)])
    case array([JSONText])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    public static func == (a: JSONText, b: JSONText) -> Bool { a.serialized() == b.serialized() }

    /// Compact JSON text (one line).
    public func serialized() -> String {
        var writer = JSONWriter()
        write(to: &writer)
        return writer.text
    }

    func write(to writer: inout JSONWriter) {
        switch self {
        case .object(let members): writer.object(members) { $1.write(to: &$0) }
        case .array(let items): writer.array(items) { $1.write(to: &$0) }
        case .string(let text): writer.string(text)
        case .number(let value): writer.number(value)
        case .bool(let value): writer.bool(value)
        case .null: writer.null()
        }
    }
}
