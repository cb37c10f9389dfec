/// A TOML 1.0 document read into flat storage: every table, array and value is a node in one array,
/// and tables and arrays refer to their children by index. Freeing a document is therefore never
/// recursive, however deep the input nests, and every node remembers where it was written.
///
/// Reading never traps, aborts or hangs: nesting is bounded (`maximumDepth`), every loop advances
/// through the input, and every problem is a `TOMLError` naming its line, column and cause.
public final class TOMLDocument: Sendable {
    /// Arrays, inline tables and table or key paths nest at most this deep; deeper input is an error.
    public static let maximumDepth = 128

    let nodes: [TOMLNode]
    let tables: [TOMLTableData]
    let arrays: [TOMLArrayData]

    init(nodes: [TOMLNode], tables: [TOMLTableData], arrays: [TOMLArrayData]) {
        self.nodes = nodes
        self.tables = tables
        self.arrays = arrays
    }

    /// Reads `text`. A leading byte-order mark is skipped.
    public static func parse(_ text: String) throws(TOMLError) -> TOMLDocument {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(TOMLError) -> TOMLDocument in
                var parser = TOMLParser(bytes: buffer)
                return try parser.parseDocument()
            }
        }
        return try result.get()
    }

    /// Reads raw bytes, which must be UTF-8 (an invalid sequence is an error with its position).
    public static func parse(bytes: [UInt8]) throws(TOMLError) -> TOMLDocument {
        try bytes.withUnsafeBufferPointer { (buffer) throws(TOMLError) -> TOMLDocument in
            try TOMLParser.validateUTF8(buffer)
            var parser = TOMLParser(bytes: buffer)
            return try parser.parseDocument()
        }
    }

    /// The top-level table (node 0).
    public var root: TOMLTable { TOMLTable(document: self, node: 0) }
}

/// A 1-based line and column (columns count Unicode scalars, a tab is one column).
public struct TOMLPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: TOMLPosition, b: TOMLPosition) -> Bool { (a.line, a.column) < (b.line, b.column) }
    public var description: String { "\(line):\(column)" }
}

/// Why a document could not be read, and where.
public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var position: TOMLPosition
    /// The cause in words, without the position.
    public var message: String

    public init(position: TOMLPosition, message: String) {
        self.position = position
        self.message = message
    }

    public var line: Int { position.line }
    public var column: Int { position.column }
    public var description: String { "line \(line), column \(column): \(message)" }
}

/// A date, time or date-time, kept as written (`1979-05-27T07:32:00Z`) with its kind.
public struct TOMLDateTime: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// A date and time with a `Z` or `±hh:mm` offset.
        case offsetDateTime
        case localDateTime
        case localDate
        case localTime
    }

    public var kind: Kind
    /// The text exactly as it appeared in the document.
    public var text: String

    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }

    public var description: String { text }
}

/// The kind of a value, for messages ("must be a string, not an integer").
public enum TOMLKind: Sendable, Hashable {
    case string, integer, float, bool, dateTime, array, table

    /// "a string", "an integer", … for messages.
    public var description: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .float: "a float"
        case .bool: "a boolean"
        case .dateTime: "a date"
        case .array: "an array"
        case .table: "a table"
        }
    }
}

// MARK: - Storage

enum TOMLNodeValue: Sendable {
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    case dateTime(TOMLDateTime)
    /// Index into `TOMLDocument.tables`.
    case table(Int)
    /// Index into `TOMLDocument.arrays`.
    case array(Int)
}

struct TOMLNode: Sendable {
    var value: TOMLNodeValue
    /// Where the value starts; for a table made by a header, the header (the explicit one once written).
    var position: TOMLPosition
}

/// How a table came to exist, which decides what may still be added to it (TOML 1.0's redefinition rules).
enum TOMLTableOrigin: Sendable {
    /// Created as a parent by a header naming a table below it (`[a.b]` creates `a`); may be defined once later.
    case implicit
    /// Defined by its own `[header]`.
    case header
    /// Created by a dotted key (`a.b = 1` creates `a`); dotted keys may add to it, a header may not define it.
    case dotted
    /// An inline table `{ … }` or one created inside it: closed once written.
    case inline
    /// An element of an array of tables (`[[a]]`).
    case arrayElement
}

struct TOMLTableData: Sendable {
    var keys: [String] = []
    var keyPositions: [TOMLPosition] = []
    var children: [Int] = []
    var lookup: [String: Int] = [:]
    var origin: TOMLTableOrigin
    var depth: Int
}

struct TOMLArrayData: Sendable {
    var elements: [Int] = []
    /// Made by `[[name]]` headers (may be appended to by more of them), not written as a value.
    var ofTables: Bool
    var depth: Int
}

// MARK: - Views

/// One value of a document. Cheap to copy: it refers to the document's storage.
public struct TOMLValue: Sendable {
    let document: TOMLDocument
    let node: Int

    var stored: TOMLNode { document.nodes[node] }

    /// Where the value starts; for a table made by a header, that header's line.
    public var position: TOMLPosition { stored.position }
    public var line: Int { stored.position.line }

    public var kind: TOMLKind {
        switch stored.value {
        case .string: .string
        case .integer: .integer
        case .float: .float
        case .bool: .bool
        case .dateTime: .dateTime
        case .array: .array
        case .table: .table
        }
    }

    public var string: String? {
        if case .string(let text) = stored.value { return text }
        return nil
    }

    public var int: Int? {
        if case .integer(let number) = stored.value { return number }
        return nil
    }

    /// A float value (an integer is not converted: see `number`).
    public var double: Double? {
        if case .float(let number) = stored.value { return number }
        return nil
    }

    /// An integer or float as a Double.
    public var number: Double? {
        switch stored.value {
        case .integer(let number): Double(number)
        case .float(let number): number
        default: nil
        }
    }

    public var bool: Bool? {
        if case .bool(let flag) = stored.value { return flag }
        return nil
    }

    public var dateTime: TOMLDateTime? {
        if case .dateTime(let value) = stored.value { return value }
        return nil
    }

    public var array: TOMLArray? {
        if case .array(let index) = stored.value { return TOMLArray(document: document, index: index) }
        return nil
    }

    public var table: TOMLTable? {
        if case .table = stored.value { return TOMLTable(document: document, node: node) }
        return nil
    }

    /// The value as TOML-like text, for showing an answer of an unexpected shape.
    public var text: String {
        switch stored.value {
        case .string(let text): return text
        case .integer(let number): return String(number)
        case .float(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .dateTime(let value): return value.text
        case .array: return "[…]"
        case .table: return "{…}"
        }
    }
}

/// A table's keys in the order they were first written, each with the position it was written at.
public struct TOMLTable: Sendable {
    let document: TOMLDocument
    let node: Int

    var data: TOMLTableData {
        guard case .table(let index) = document.nodes[node].value else {
            return TOMLTableData(origin: .inline, depth: 0)
        }
        return document.tables[index]
    }

    /// Where the table starts: its `[header]` or `[[header]]`, `{`, or the first dotted key naming it.
    public var position: TOMLPosition { document.nodes[node].position }
    public var line: Int { position.line }

    /// Keys in the order they were first written.
    public var keys: [String] { data.keys }
    public var count: Int { data.keys.count }
    public var isEmpty: Bool { data.keys.isEmpty }

    public subscript(key: String) -> TOMLValue? {
        let data = data
        guard let entry = data.lookup[key] else { return nil }
        return TOMLValue(document: document, node: data.children[entry])
    }

    /// Where `key` was first written in this table (for a table made by a header, that header).
    public func position(ofKey key: String) -> TOMLPosition? {
        let data = data
        return data.lookup[key].map { data.keyPositions[$0] }
    }

    /// Every entry in written order: key, where the key was written, value.
    public var entries: [(key: String, position: TOMLPosition, value: TOMLValue)] {
        let data = data
        return data.keys.indices.map {
            (data.keys[$0], data.keyPositions[$0], TOMLValue(document: document, node: data.children[$0]))
        }
    }

    /// The table as a value (for `kind`, `position`).
    public var value: TOMLValue { TOMLValue(document: document, node: node) }
}

/// An array's elements in order.
public struct TOMLArray: RandomAccessCollection, Sendable {
    let document: TOMLDocument
    let index: Int

    public var startIndex: Int { 0 }
    public var endIndex: Int { document.arrays[index].elements.count }
    public subscript(position: Int) -> TOMLValue {
        TOMLValue(document: document, node: document.arrays[index].elements[position])
    }

    /// True for an array made by `[[name]]` headers.
    public var isArrayOfTables: Bool { document.arrays[index].ofTables }
}

extension TOMLKey {
    /// A key as it would be written in TOML: bare when it can be, otherwise quoted with escapes
    /// (so control characters never reach a message raw); long keys are shortened.
    public static func display(_ key: String, limit: Int = 60) -> String {
        let isBare =
            !key.isEmpty
            && key.utf8.allSatisfy {
                ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F
                    || $0 == 0x2D
            }
        var shown =
            key.unicodeScalars.count > limit
            ? String(String.UnicodeScalarView(key.unicodeScalars.prefix(limit))) + "…" : key
        if isBare { return shown }
        var quoted = "\""
        for scalar in shown.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            case "\r": quoted += "\\r"
            default:
                if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    quoted += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        shown = quoted + "\""
        return shown
    }

    /// A dotted key path as it would be written (`a."b c".d`).
    public static func display(path: [String]) -> String {
        path.map { display($0) }.joined(separator: ".")
    }
}

/// Helpers for showing keys in messages.
public enum TOMLKey {}
