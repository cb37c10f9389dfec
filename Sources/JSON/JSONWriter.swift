import Foundation

/// Writes JSON text piece by piece: the one place that escapes strings, formats numbers and
/// separates items. Every `--json` output has one style: compact (one line, no spaces), keys in
/// the order given (people read these, and docs/json.md documents that order), numbers that are
/// not whole rounded to six decimals with trailing zeros dropped, and `null` for numbers that are
/// not finite (JSON has no NaN), so an undefined result is never mistaken for a number.
public struct JSONWriter: Sendable {
    /// Decimals kept in a number that is not whole: a millionth is below anything tandem shows.
    public static let decimals = 6

    /// The JSON written so far.
    public private(set) var text = ""

    public init() {}

    public mutating func null() { text += "null" }

    public mutating func bool(_ value: Bool) { text += value ? "true" : "false" }

    /// A number; `null` when it is NaN or infinite.
    public mutating func number(_ value: Double) { text += Self.number(value) }

    public mutating func integer<Integer: BinaryInteger>(_ value: Integer) { text += String(value) }

    public mutating func string(_ value: String) { Self.appendQuoted(value, to: &text) }

    /// `[item,…]`, each item written by `writeItem`.
    public mutating func array<Items: Sequence>(_ items: Items, _ writeItem: (inout JSONWriter, Items.Element) -> Void)
    {
        text += "["
        var first = true
        for item in items {
            if !first { text += "," }
            first = false
            writeItem(&self, item)
        }
        text += "]"
    }

    /// `{"key":value,…}` in the members' order, each value written by `writeValue`.
    public mutating func object<Value>(
        _ members: some Sequence<(String, Value)>, _ writeValue: (inout JSONWriter, Value) -> Void
    ) {
        text += "{"
        var first = true
        for (key, value) in members {
            if !first { text += "," }
            first = false
            string(key)
            text += ":"
            writeValue(&self, value)
        }
        text += "}"
    }

    /// `value` as a JSON number: whole numbers below 10^15 as integers, others rounded to
    /// `decimals` places with trailing zeros dropped (`0.833333`, `0.25`; `-0` is `0`), and
    /// `null` when it is not finite.
    public static func number(_ value: Double, decimals: Int = JSONWriter.decimals) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.\(max(0, decimals))f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// `value` as a JSON string literal: quotes, backslashes and control characters (DEL too)
    /// escaped; everything else, non-ASCII included, as is.
    public static func quoted(_ value: String) -> String {
        var out = ""
        appendQuoted(value, to: &out)
        return out
    }

    private static func appendQuoted(_ value: String, to out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
