/// The reader behind `TOMLDocument.parse`: one pass over UTF-8 bytes, building flat storage.
///
/// Only arrays and inline tables recurse, and `TOMLDocument.maximumDepth` bounds them before each
/// step down; key and header paths are loops. Every loop consumes at least one byte or stops.
struct TOMLParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var pos = 0
    var line = 1
    var lineStart = 0
    /// Column counting resumes from here while positions move forward on one line (keeps it linear).
    var columnCacheOffset = 0
    var columnCacheColumn = 1

    var nodes: [TOMLNode] = []
    var tables: [TOMLTableData] = []
    var arrays: [TOMLArrayData] = []
    /// The table that key/value lines go into, and its path (for messages).
    var current = 0
    var currentPath: [String] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    typealias KeyPart = (name: String, position: TOMLPosition)

    // MARK: - Document

    mutating func parseDocument() throws(TOMLError) -> TOMLDocument {
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            pos = 3
            lineStart = 3
            columnCacheOffset = 3
        }
        tables.append(TOMLTableData(origin: .header, depth: 0))
        nodes.append(TOMLNode(value: .table(0), position: TOMLPosition(line: 1, column: 1)))
        while true {
            skipWhitespace()
            guard pos < bytes.count else { break }
            switch bytes[pos] {
            case UInt8(ascii: "#"): try skipComment()
            case UInt8(ascii: "\n"):
                pos += 1
                newline()
            case UInt8(ascii: "\r"): try consumeCRLF()
            case UInt8(ascii: "["):
                try parseHeader()
                try expectLineEnd(after: "the table header")
            default:
                try parseKeyValue(into: current, path: currentPath)
                try expectLineEnd(after: "the value")
            }
        }
        return TOMLDocument(nodes: nodes, tables: tables, arrays: arrays)
    }

    // MARK: - Positions and errors

    mutating func newline() {
        line += 1
        lineStart = pos
        columnCacheOffset = pos
        columnCacheColumn = 1
    }

    /// The position of byte `offset`, which lies on the current line.
    mutating func position(at offset: Int) -> TOMLPosition {
        let offset = min(max(offset, lineStart), bytes.count)
        if offset < columnCacheOffset {
            columnCacheOffset = lineStart
            columnCacheColumn = 1
        }
        var column = columnCacheColumn
        var index = columnCacheOffset
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        columnCacheOffset = offset
        columnCacheColumn = column
        return TOMLPosition(line: line, column: column)
    }

    mutating func error(_ message: String, at offset: Int? = nil) -> TOMLError {
        TOMLError(position: position(at: offset ?? pos), message: message)
    }

    /// The byte at `pos` in words, for "expected …, found X".
    func found(at offset: Int? = nil) -> String {
        let offset = offset ?? pos
        guard offset < bytes.count else { return "the end of the file" }
        let byte = bytes[offset]
        if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return "the end of the line" }
        if byte == UInt8(ascii: "'") { return "\"'\"" }
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return Self.scalarName(Self.scalar(in: bytes, at: offset))
    }

    static func scalarName(_ value: UInt32) -> String {
        if value == 0x20 { return "a space" }
        if value == 0x09 { return "a tab" }
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The scalar starting at `offset` (valid UTF-8 is assumed; a malformed tail yields the lead byte).
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt32 {
        let lead = bytes[offset]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard lead >= 0xC0, offset + length <= bytes.count else { return UInt32(lead) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for index in 1..<length { value = value << 6 | UInt32(bytes[offset + index] & 0x3F) }
        return value
    }

    // MARK: - Whitespace, comments, line ends

    mutating func skipWhitespace() {
        while pos < bytes.count && (bytes[pos] == 0x20 || bytes[pos] == 0x09) { pos += 1 }
    }

    /// At `#`: skips to (not past) the end of the line.
    mutating func skipComment() throws(TOMLError) {
        pos += 1
        while pos < bytes.count {
            let byte = bytes[pos]
            if byte == UInt8(ascii: "\n") { return }
            if byte == UInt8(ascii: "\r") {
                if pos + 1 < bytes.count && bytes[pos + 1] == UInt8(ascii: "\n") { return }
                throw error("a carriage return in a comment must be followed by a line feed")
            }
            if (byte < 0x20 && byte != 0x09) || byte == 0x7F {
                throw error("control character \(Self.scalarName(UInt32(byte))) is not allowed in a comment")
            }
            pos += 1
        }
    }

    /// At `\r`: consumes `\r\n`.
    mutating func consumeCRLF() throws(TOMLError) {
        guard pos + 1 < bytes.count && bytes[pos + 1] == UInt8(ascii: "\n") else {
            throw error("a carriage return must be followed by a line feed")
        }
        pos += 2
        newline()
    }

    /// Whitespace, an optional comment, then a newline or the end of the file.
    mutating func expectLineEnd(after what: String) throws(TOMLError) {
        skipWhitespace()
        if pos < bytes.count && bytes[pos] == UInt8(ascii: "#") { try skipComment() }
        guard pos < bytes.count else { return }
        switch bytes[pos] {
        case UInt8(ascii: "\n"):
            pos += 1
            newline()
        case UInt8(ascii: "\r"): try consumeCRLF()
        default: throw error("expected the end of the line after \(what), found \(found())")
        }
    }

    /// Whitespace, newlines and (unless inside a string) comments.
    mutating func skipBlank(comments: Bool = true) throws(TOMLError) {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x09: pos += 1
            case UInt8(ascii: "\n"):
                pos += 1
                newline()
            case UInt8(ascii: "\r"): try consumeCRLF()
            case UInt8(ascii: "#") where comments: try skipComment()
            default: return
            }
        }
    }

    // MARK: - Storage

    mutating func addNode(_ value: TOMLNodeValue, at position: TOMLPosition) -> Int {
        nodes.append(TOMLNode(value: value, position: position))
        return nodes.count - 1
    }

    mutating func addTable(origin: TOMLTableOrigin, depth: Int, at position: TOMLPosition) throws(TOMLError) -> Int {
        if depth > TOMLDocument.maximumDepth {
            throw TOMLError(position: position, message: "tables nest deeper than \(TOMLDocument.maximumDepth) levels")
        }
        tables.append(TOMLTableData(origin: origin, depth: depth))
        return addNode(.table(tables.count - 1), at: position)
    }

    func tableIndex(_ node: Int) -> Int {
        if case .table(let index) = nodes[node].value { return index }
        return 0  // unreachable: callers pass table nodes only
    }

    mutating func insert(_ key: String, at position: TOMLPosition, node: Int, into table: Int) {
        let index = tableIndex(table)
        tables[index].lookup[key] = tables[index].keys.count
        tables[index].keys.append(key)
        tables[index].keyPositions.append(position)
        tables[index].children.append(node)
    }

    func child(_ key: String, of table: Int) -> (node: Int, keyPosition: TOMLPosition)? {
        let data = tables[tableIndex(table)]
        guard let entry = data.lookup[key] else { return nil }
        return (data.children[entry], data.keyPositions[entry])
    }

    /// "a string (line 3)", "an inline table (line 3)", … for redefinition messages.
    func describeNode(_ node: Int) -> String {
        let site = "line \(nodes[node].position.line)"
        switch nodes[node].value {
        case .string: return "a string (\(site))"
        case .integer: return "an integer (\(site))"
        case .float: return "a float (\(site))"
        case .bool: return "a boolean (\(site))"
        case .dateTime: return "a date (\(site))"
        case .array(let index):
            return arrays[index].ofTables ? "an array of tables (\(site))" : "an array value (\(site))"
        case .table(let index):
            switch tables[index].origin {
            case .inline: return "an inline table (\(site))"
            case .dotted: return "a table made by dotted keys (\(site))"
            case .implicit: return "a table created by the header at \(site)"
            case .header, .arrayElement: return "a table defined by a header (\(site))"
            }
        }
    }

    // MARK: - Keys

    mutating func parseKey() throws(TOMLError) -> [KeyPart] {
        var parts: [KeyPart] = []
        while true {
            skipWhitespace()
            let start = pos
            let position = position(at: pos)
            guard pos < bytes.count else { throw error("expected a key, found the end of the file") }
            let byte = bytes[pos]
            let name: String
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                if pos + 2 < bytes.count && bytes[pos + 1] == byte && bytes[pos + 2] == byte {
                    throw error("a key cannot be a multi-line string")
                }
                name = byte == UInt8(ascii: "\"") ? try parseBasicString() : try parseLiteralString()
            } else if Self.isBareKeyByte(byte) {
                while pos < bytes.count && Self.isBareKeyByte(bytes[pos]) { pos += 1 }
                name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
            } else {
                throw error("expected a key, found \(found())")
            }
            parts.append((name, position))
            if parts.count > TOMLDocument.maximumDepth {
                throw TOMLError(
                    position: position, message: "a key has more than \(TOMLDocument.maximumDepth) dotted parts")
            }
            skipWhitespace()
            guard pos < bytes.count && bytes[pos] == UInt8(ascii: ".") else { return parts }
            pos += 1
        }
    }

    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// `key = value` into `table` (whose path is `path`, for messages).
    mutating func parseKeyValue(into table: Int, path: [String]) throws(TOMLError) {
        let parts = try parseKey()
        skipWhitespace()
        guard pos < bytes.count && bytes[pos] == UInt8(ascii: "=") else {
            throw error("expected '=' after the key '\(TOMLKey.display(path: parts.map(\.name)))', found \(found())")
        }
        pos += 1
        skipWhitespace()
        var target = table
        var targetPath = path
        for part in parts.dropLast() {
            targetPath.append(part.name)
            target = try descendDotted(from: target, part, path: targetPath)
        }
        let last = parts[parts.count - 1]
        let fullPath = targetPath + [last.name]
        if let existing = child(last.name, of: target) {
            throw TOMLError(
                position: last.position,
                message:
                    "duplicate key '\(TOMLKey.display(path: fullPath))': already defined as \(describeNode(existing.node))"
            )
        }
        let depth = tables[tableIndex(target)].depth + 1
        let value = try parseValue(depth: depth)
        insert(last.name, at: last.position, node: value, into: target)
    }

    /// One step of a dotted key: an existing table made by dotted keys, or a new one.
    mutating func descendDotted(from table: Int, _ part: KeyPart, path: [String]) throws(TOMLError) -> Int {
        if let existing = child(part.name, of: table) {
            if case .table(let index) = nodes[existing.node].value, tables[index].origin == .dotted {
                return existing.node
            }
            throw TOMLError(
                position: part.position,
                message:
                    "cannot add keys to '\(TOMLKey.display(path: path))' with a dotted key: it is \(describeNode(existing.node))"
            )
        }
        let node = try addTable(origin: .dotted, depth: tables[tableIndex(table)].depth + 1, at: part.position)
        insert(part.name, at: part.position, node: node, into: table)
        return node
    }

    // MARK: - Table headers

    /// At `[`: `[a.b]` or `[[a.b]]`; makes the named table current.
    mutating func parseHeader() throws(TOMLError) {
        let headerPosition = position(at: pos)
        pos += 1
        let isArray = pos < bytes.count && bytes[pos] == UInt8(ascii: "[")
        if isArray { pos += 1 }
        let parts = try parseKey()
        guard pos < bytes.count && bytes[pos] == UInt8(ascii: "]") else {
            throw error("expected ']' to close the table header, found \(found())")
        }
        pos += 1
        if isArray {
            guard pos < bytes.count && bytes[pos] == UInt8(ascii: "]") else {
                throw error("expected ']]' to close the array-of-tables header, found \(found())")
            }
            pos += 1
        }
        var table = 0
        var path: [String] = []
        for part in parts.dropLast() {
            path.append(part.name)
            table = try descendHeader(from: table, part, path: path, headerPosition: headerPosition)
        }
        let last = parts[parts.count - 1]
        path.append(last.name)
        let shown = TOMLKey.display(path: path)
        let depth = tables[tableIndex(table)].depth + 1
        if isArray {
            if let existing = child(last.name, of: table) {
                guard case .array(let index) = nodes[existing.node].value, arrays[index].ofTables else {
                    throw TOMLError(
                        position: last.position,
                        message: "cannot use [[\(shown)]]: '\(shown)' is already \(describeNode(existing.node))")
                }
                let element = try addTable(origin: .arrayElement, depth: depth + 1, at: headerPosition)
                arrays[index].elements.append(element)
                current = element
            } else {
                if depth > TOMLDocument.maximumDepth {
                    throw TOMLError(
                        position: last.position, message: "tables nest deeper than \(TOMLDocument.maximumDepth) levels")
                }
                arrays.append(TOMLArrayData(ofTables: true, depth: depth))
                let arrayIndex = arrays.count - 1
                let arrayNode = addNode(.array(arrayIndex), at: headerPosition)
                insert(last.name, at: last.position, node: arrayNode, into: table)
                let element = try addTable(origin: .arrayElement, depth: depth + 1, at: headerPosition)
                arrays[arrayIndex].elements.append(element)
                current = element
            }
        } else {
            if let existing = child(last.name, of: table) {
                guard case .table(let index) = nodes[existing.node].value, tables[index].origin == .implicit else {
                    let message: String
                    if case .table(let index) = nodes[existing.node].value, tables[index].origin == .header {
                        message =
                            "table [\(shown)] is defined twice (first at line \(nodes[existing.node].position.line))"
                    } else {
                        message = "cannot define table [\(shown)]: it is already \(describeNode(existing.node))"
                    }
                    throw TOMLError(position: last.position, message: message)
                }
                tables[index].origin = .header
                nodes[existing.node].position = headerPosition
                current = existing.node
            } else {
                let node = try addTable(origin: .header, depth: depth, at: headerPosition)
                insert(last.name, at: last.position, node: node, into: table)
                current = node
            }
        }
        currentPath = path
    }

    /// One step of a header path: an existing table (the last element of an array of tables), or a new implicit one.
    mutating func descendHeader(
        from table: Int, _ part: KeyPart, path: [String], headerPosition: TOMLPosition
    ) throws(TOMLError) -> Int {
        guard let existing = child(part.name, of: table) else {
            let node = try addTable(origin: .implicit, depth: tables[tableIndex(table)].depth + 1, at: headerPosition)
            insert(part.name, at: part.position, node: node, into: table)
            return node
        }
        switch nodes[existing.node].value {
        case .table(let index) where tables[index].origin != .inline:
            return existing.node
        case .array(let index) where arrays[index].ofTables:
            return arrays[index].elements[arrays[index].elements.count - 1]
        default:
            throw TOMLError(
                position: part.position,
                message:
                    "cannot add a table under '\(TOMLKey.display(path: path))': it is \(describeNode(existing.node))")
        }
    }

    // MARK: - Values

    mutating func parseValue(depth: Int) throws(TOMLError) -> Int {
        guard pos < bytes.count else { throw error("expected a value, found the end of the file") }
        let start = position(at: pos)
        let byte = bytes[pos]
        switch byte {
        case UInt8(ascii: "\""):
            let text =
                isTriple(byte) ? try parseMultilineString(literal: false) : try parseBasicString()
            try checkValueEnd()
            return addNode(.string(text), at: start)
        case UInt8(ascii: "'"):
            let text = isTriple(byte) ? try parseMultilineString(literal: true) : try parseLiteralString()
            try checkValueEnd()
            return addNode(.string(text), at: start)
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            let flag = byte == UInt8(ascii: "t")
            let word: StaticString = flag ? "true" : "false"
            let count = word.utf8CodeUnitCount
            guard pos + count <= bytes.count,
                (0..<count).allSatisfy({ bytes[pos + $0] == word.utf8Start[$0] })
            else { throw error("expected a value, found \(found()) (booleans are lowercase true and false)") }
            pos += count
            try checkValueEnd()
            return addNode(.bool(flag), at: start)
        case UInt8(ascii: "["): return try parseArray(depth: depth, start: start)
        case UInt8(ascii: "{"): return try parseInlineTable(depth: depth, start: start)
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "i"),
            UInt8(ascii: "n"):
            let value = try parseNumberOrDate()
            return addNode(value, at: start)
        default:
            throw error(
                "expected a value (a string, number, boolean, date, array or inline table), found \(found())")
        }
    }

    func isTriple(_ quote: UInt8) -> Bool {
        pos + 2 < bytes.count && bytes[pos + 1] == quote && bytes[pos + 2] == quote
    }

    /// After a value: whitespace, a comment, a line end, or `,` `]` `}`.
    mutating func checkValueEnd() throws(TOMLError) {
        guard pos < bytes.count else { return }
        switch bytes[pos] {
        case 0x20, 0x09, UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "#"), UInt8(ascii: ","),
            UInt8(ascii: "]"), UInt8(ascii: "}"):
            return
        default: throw error("unexpected \(found()) after the value")
        }
    }

    mutating func parseArray(depth: Int, start: TOMLPosition) throws(TOMLError) -> Int {
        if depth > TOMLDocument.maximumDepth {
            throw error("arrays and inline tables nest deeper than \(TOMLDocument.maximumDepth) levels")
        }
        pos += 1
        arrays.append(TOMLArrayData(ofTables: false, depth: depth))
        let index = arrays.count - 1
        let node = addNode(.array(index), at: start)
        while true {
            try skipBlank()
            guard pos < bytes.count else {
                throw error("the array opened at line \(start.line), column \(start.column) is not closed")
            }
            if bytes[pos] == UInt8(ascii: "]") {
                pos += 1
                return node
            }
            let element = try parseValue(depth: depth + 1)
            arrays[index].elements.append(element)
            try skipBlank()
            guard pos < bytes.count else {
                throw error("the array opened at line \(start.line), column \(start.column) is not closed")
            }
            if bytes[pos] == UInt8(ascii: ",") {
                pos += 1
            } else if bytes[pos] == UInt8(ascii: "]") {
                pos += 1
                return node
            } else {
                throw error("expected ',' or ']' in the array, found \(found())")
            }
        }
    }

    mutating func parseInlineTable(depth: Int, start: TOMLPosition) throws(TOMLError) -> Int {
        if depth > TOMLDocument.maximumDepth {
            throw error("arrays and inline tables nest deeper than \(TOMLDocument.maximumDepth) levels")
        }
        pos += 1
        let node = try addTable(origin: .inline, depth: depth, at: start)
        skipWhitespace()
        if pos < bytes.count && bytes[pos] == UInt8(ascii: "}") {
            pos += 1
            return node
        }
        while true {
            skipWhitespace()
            try rejectNewlineInInlineTable()
            try parseKeyValue(into: node, path: [])
            skipWhitespace()
            try rejectNewlineInInlineTable()
            guard pos < bytes.count else {
                throw error("the inline table opened at line \(start.line), column \(start.column) is not closed")
            }
            if bytes[pos] == UInt8(ascii: ",") {
                pos += 1
                skipWhitespace()
                if pos < bytes.count && bytes[pos] == UInt8(ascii: "}") {
                    throw error("a trailing comma is not allowed in an inline table")
                }
            } else if bytes[pos] == UInt8(ascii: "}") {
                pos += 1
                return node
            } else {
                throw error("expected ',' or '}' in the inline table, found \(found())")
            }
        }
    }

    mutating func rejectNewlineInInlineTable() throws(TOMLError) {
        guard pos < bytes.count else { return }
        if bytes[pos] == UInt8(ascii: "\n") || bytes[pos] == UInt8(ascii: "\r") || bytes[pos] == UInt8(ascii: "#") {
            throw error("an inline table must be on one line (TOML 1.0)")
        }
    }

    // MARK: - Strings

    /// At `"`: a one-line basic string with escapes.
    mutating func parseBasicString() throws(TOMLError) -> String {
        pos += 1
        var text: [UInt8] = []
        while true {
            guard pos < bytes.count else { throw error("the string is not closed before the end of the file") }
            let byte = bytes[pos]
            switch byte {
            case UInt8(ascii: "\""):
                pos += 1
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"): try parseEscape(into: &text)
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                throw error("the string is not closed before the end of the line")
            default:
                try rejectControl(byte, in: "a string")
                text.append(byte)
                pos += 1
            }
        }
    }

    /// At `'`: a one-line literal string.
    mutating func parseLiteralString() throws(TOMLError) -> String {
        pos += 1
        let start = pos
        while true {
            guard pos < bytes.count else { throw error("the string is not closed before the end of the file") }
            let byte = bytes[pos]
            if byte == UInt8(ascii: "'") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
                pos += 1
                return text
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                throw error("the string is not closed before the end of the line")
            }
            try rejectControl(byte, in: "a string")
            pos += 1
        }
    }

    /// At `"""` or `'''`.
    mutating func parseMultilineString(literal: Bool) throws(TOMLError) -> String {
        let quote = bytes[pos]
        let opening = position(at: pos)
        pos += 3
        // A newline right after the opening delimiter is trimmed.
        if pos < bytes.count && bytes[pos] == UInt8(ascii: "\n") {
            pos += 1
            newline()
        } else if pos < bytes.count && bytes[pos] == UInt8(ascii: "\r") {
            try consumeCRLF()
        }
        var text: [UInt8] = []
        while true {
            guard pos < bytes.count else {
                throw error(
                    "the multi-line string opened at line \(opening.line), column \(opening.column) is not closed")
            }
            let byte = bytes[pos]
            if byte == quote {
                var run = 0
                while pos + run < bytes.count && bytes[pos + run] == quote { run += 1 }
                if run >= 3 {
                    // Up to two quotes may sit just inside the closing delimiter.
                    let inside = min(run - 3, 2)
                    text.append(contentsOf: repeatElement(quote, count: inside))
                    pos += inside + 3
                    return String(decoding: text, as: UTF8.self)
                }
                text.append(contentsOf: repeatElement(quote, count: run))
                pos += run
                continue
            }
            switch byte {
            case UInt8(ascii: "\n"):
                text.append(byte)
                pos += 1
                newline()
            case UInt8(ascii: "\r"):
                try consumeCRLF()
                text.append(UInt8(ascii: "\n"))
            case UInt8(ascii: "\\") where !literal:
                if try !skipLineEndingBackslash() { try parseEscape(into: &text) }
            default:
                try rejectControl(byte, in: "a string")
                text.append(byte)
                pos += 1
            }
        }
    }

    /// At `\` in a multi-line basic string: if only whitespace follows on the line, skips it and all
    /// whitespace and newlines after; returns false when this is an ordinary escape.
    mutating func skipLineEndingBackslash() throws(TOMLError) -> Bool {
        var look = pos + 1
        while look < bytes.count && (bytes[look] == 0x20 || bytes[look] == 0x09) { look += 1 }
        guard look < bytes.count, bytes[look] == UInt8(ascii: "\n") || bytes[look] == UInt8(ascii: "\r") else {
            if look > pos + 1 { throw error("a backslash followed by whitespace must end the line") }
            return false
        }
        pos = look
        try skipBlank(comments: false)
        return true
    }

    mutating func rejectControl(_ byte: UInt8, in what: String) throws(TOMLError) {
        if (byte < 0x20 && byte != 0x09) || byte == 0x7F {
            throw error(
                "control character \(Self.scalarName(UInt32(byte))) is not allowed in \(what); write it as an escape")
        }
    }

    /// At `\`: one escape sequence, appended as UTF-8.
    mutating func parseEscape(into text: inout [UInt8]) throws(TOMLError) {
        let start = pos
        pos += 1
        guard pos < bytes.count else { throw error("the string is not closed before the end of the file") }
        let byte = bytes[pos]
        pos += 1
        switch byte {
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "\""): text.append(byte)
        case UInt8(ascii: "\\"): text.append(byte)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = byte == UInt8(ascii: "u") ? 4 : 8
            var value: UInt32 = 0
            for offset in 0..<count {
                guard pos + offset < bytes.count, let digit = Self.hexValue(bytes[pos + offset]) else {
                    throw error(
                        "\\\(Character(Unicode.Scalar(byte))) must be followed by \(count) hex digits", at: start)
                }
                value = value << 4 | UInt32(digit)
            }
            pos += count
            guard let scalar = Unicode.Scalar(value) else {
                throw error(
                    "\\\(Character(Unicode.Scalar(byte))) escape \(Self.scalarName(value)) is not a Unicode scalar value",
                    at: start)
            }
            text.append(contentsOf: String(Character(scalar)).utf8)
        default:
            throw error(
                "invalid escape: a backslash followed by \(found(at: pos - 1)) (TOML 1.0 has \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX)",
                at: start)
        }
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    // MARK: - Numbers and dates

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    func digitsAt(_ offset: Int, count: Int) -> Bool {
        offset + count <= bytes.count && (0..<count).allSatisfy { Self.isDigit(bytes[offset + $0]) }
    }

    mutating func parseNumberOrDate() throws(TOMLError) -> TOMLNodeValue {
        if digitsAt(pos, count: 4) && pos + 4 < bytes.count && bytes[pos + 4] == UInt8(ascii: "-") {
            return .dateTime(try parseDateTime())
        }
        if digitsAt(pos, count: 2) && pos + 2 < bytes.count && bytes[pos + 2] == UInt8(ascii: ":") {
            let start = pos
            try parseTime()
            try checkValueEnd()
            return .dateTime(TOMLDateTime(kind: .localTime, text: text(from: start)))
        }
        let start = pos
        while pos < bytes.count && Self.isNumberByte(bytes[pos]) { pos += 1 }
        let token = Array(UnsafeBufferPointer(rebasing: bytes[start..<pos]))
        try checkValueEnd()
        let shown = Self.excerpt(token)
        do {
            return try Self.number(token)
        } catch let problem {
            throw error("\(problem.reason) in '\(shown)'", at: start)
        }
    }

    func text(from start: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
    }

    static func isNumberByte(_ byte: UInt8) -> Bool {
        isBareKeyByte(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
    }

    static func excerpt(_ token: [UInt8]) -> String {
        token.count > 40
            ? String(decoding: token.prefix(40), as: UTF8.self) + "…" : String(decoding: token, as: UTF8.self)
    }

    struct NumberProblem: Error {
        var reason: String
    }

    /// An integer or float token (only bytes of `isNumberByte`).
    static func number(_ token: [UInt8]) throws(NumberProblem) -> TOMLNodeValue {
        var index = 0
        var negative = false
        var signed = false
        if index < token.count && (token[index] == UInt8(ascii: "+") || token[index] == UInt8(ascii: "-")) {
            negative = token[index] == UInt8(ascii: "-")
            signed = true
            index += 1
        }
        let body = token[index...]
        if body.elementsEqual("inf".utf8) { return .float(negative ? -.infinity : .infinity) }
        if body.elementsEqual("nan".utf8) { return .float(.nan) }
        if body.count >= 2 && body.first == UInt8(ascii: "0") {
            let prefix = body[body.startIndex + 1]
            let radix: Int? =
                prefix == UInt8(ascii: "x")
                ? 16 : prefix == UInt8(ascii: "o") ? 8 : prefix == UInt8(ascii: "b") ? 2 : nil
            if let radix {
                if signed {
                    throw NumberProblem(reason: "a sign is not allowed on a hexadecimal, octal or binary integer")
                }
                let digits = try Self.digitRun(token, from: index + 2, radix: radix)
                guard digits.end == token.count else { throw NumberProblem(reason: "invalid integer") }
                return .integer(try integer(digits.digits, radix: radix, negative: false))
            }
        }
        let integerPart = try digitRun(token, from: index, radix: 10)
        if integerPart.digits.count > 1 && integerPart.digits[0] == 0 {
            throw NumberProblem(reason: "leading zeros are not allowed in a decimal number")
        }
        var end = integerPart.end
        var isFloat = false
        if end < token.count && token[end] == UInt8(ascii: ".") {
            isFloat = true
            end = try digitRun(token, from: end + 1, radix: 10, what: "a decimal point must be followed by digits").end
        }
        if end < token.count && (token[end] == UInt8(ascii: "e") || token[end] == UInt8(ascii: "E")) {
            isFloat = true
            end += 1
            if end < token.count && (token[end] == UInt8(ascii: "+") || token[end] == UInt8(ascii: "-")) { end += 1 }
            end = try digitRun(token, from: end, radix: 10, what: "an exponent must have digits").end
        }
        guard end == token.count else { throw NumberProblem(reason: "invalid number") }
        if !isFloat { return .integer(try integer(integerPart.digits, radix: 10, negative: negative)) }
        let text = String(decoding: token.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        guard let value = Double(text) else { throw NumberProblem(reason: "invalid float") }
        guard value.isFinite else { throw NumberProblem(reason: "the float is out of range") }
        return .float(value)
    }

    /// Digits of `radix` from `start`, underscores allowed only between two digits.
    static func digitRun(
        _ token: [UInt8], from start: Int, radix: Int, what: String = "expected digits"
    ) throws(NumberProblem) -> (digits: [UInt8], end: Int) {
        var digits: [UInt8] = []
        var index = start
        var lastWasDigit = false
        while index < token.count {
            let byte = token[index]
            if byte == UInt8(ascii: "_") {
                guard lastWasDigit, index + 1 < token.count, let next = hexValue(token[index + 1]), next < radix
                else { throw NumberProblem(reason: "an underscore must sit between two digits") }
                lastWasDigit = false
                index += 1
                continue
            }
            guard let digit = hexValue(byte), digit < radix else { break }
            digits.append(digit)
            lastWasDigit = true
            index += 1
        }
        if digits.isEmpty { throw NumberProblem(reason: what) }
        return (digits, index)
    }

    static func integer(_ digits: [UInt8], radix: Int, negative: Bool) throws(NumberProblem) -> Int {
        var value = 0
        for digit in digits {
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: radix)
            let (next, overflow2) =
                negative
                ? shifted.subtractingReportingOverflow(Int(digit)) : shifted.addingReportingOverflow(Int(digit))
            if overflow1 || overflow2 { throw NumberProblem(reason: "the integer does not fit in 64 bits") }
            value = next
        }
        return value
    }

    /// `YYYY-MM-DD`, optionally followed by a time (after `T`, `t` or a space) and an offset.
    mutating func parseDateTime() throws(TOMLError) -> TOMLDateTime {
        let start = pos
        let year = twoDigitValue(pos) * 100 + twoDigitValue(pos + 2)
        pos += 5
        guard digitsAt(pos, count: 2), pos + 2 < bytes.count, bytes[pos + 2] == UInt8(ascii: "-"),
            digitsAt(pos + 3, count: 2)
        else { throw error("invalid date: expected YYYY-MM-DD", at: start) }
        let month = twoDigitValue(pos)
        let day = twoDigitValue(pos + 3)
        pos += 5
        guard (1...12).contains(month) else { throw error("invalid date: there is no month \(month)", at: start) }
        guard day >= 1 && day <= Self.daysIn(month: month, year: year) else {
            throw error("invalid date: month \(month) of \(year) has no day \(day)", at: start)
        }
        var kind = TOMLDateTime.Kind.localDate
        if pos < bytes.count {
            let separator = bytes[pos]
            let hasTime =
                separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t")
                || (separator == 0x20 && digitsAt(pos + 1, count: 2) && pos + 3 < bytes.count
                    && bytes[pos + 3] == UInt8(ascii: ":"))
            if hasTime {
                pos += 1
                try parseTime()
                kind = .localDateTime
                if pos < bytes.count && (bytes[pos] == UInt8(ascii: "Z") || bytes[pos] == UInt8(ascii: "z")) {
                    pos += 1
                    kind = .offsetDateTime
                } else if pos < bytes.count && (bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-")) {
                    guard digitsAt(pos + 1, count: 2), pos + 3 < bytes.count, bytes[pos + 3] == UInt8(ascii: ":"),
                        digitsAt(pos + 4, count: 2)
                    else { throw error("invalid time offset: expected ±hh:mm") }
                    guard twoDigitValue(pos + 1) < 24, twoDigitValue(pos + 4) < 60 else {
                        throw error("invalid time offset: hours 00-23 and minutes 00-59")
                    }
                    pos += 6
                    kind = .offsetDateTime
                }
            }
        }
        try checkValueEnd()
        return TOMLDateTime(kind: kind, text: text(from: start))
    }

    /// `hh:mm:ss` with optional fraction.
    mutating func parseTime() throws(TOMLError) {
        let start = pos
        guard digitsAt(pos, count: 2), pos + 2 < bytes.count, bytes[pos + 2] == UInt8(ascii: ":"),
            digitsAt(pos + 3, count: 2), pos + 5 < bytes.count, bytes[pos + 5] == UInt8(ascii: ":"),
            digitsAt(pos + 6, count: 2)
        else { throw error("invalid time: expected hh:mm:ss", at: start) }
        let hour = twoDigitValue(pos)
        let minute = twoDigitValue(pos + 3)
        let second = twoDigitValue(pos + 6)
        guard hour < 24, minute < 60, second <= 60 else {
            throw error("invalid time: hours 00-23, minutes 00-59, seconds 00-60", at: start)
        }
        pos += 8
        if pos < bytes.count && bytes[pos] == UInt8(ascii: ".") {
            pos += 1
            guard pos < bytes.count && Self.isDigit(bytes[pos]) else {
                throw error("invalid time: a decimal point in the seconds must be followed by digits")
            }
            while pos < bytes.count && Self.isDigit(bytes[pos]) { pos += 1 }
        }
    }

    func twoDigitValue(_ offset: Int) -> Int {
        Int(bytes[offset] - 0x30) * 10 + Int(bytes[offset + 1] - 0x30)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // MARK: - UTF-8

    /// Rejects malformed UTF-8 (overlong forms, surrogates, values past U+10FFFF, cut-off sequences).
    static func validateUTF8(_ bytes: UnsafeBufferPointer<UInt8>) throws(TOMLError) {
        var index = 0
        var line = 1
        var column = 1
        var columnFrom = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == UInt8(ascii: "\n") {
                    line += 1
                    columnFrom = index + 1
                    column = 1
                }
                index += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            switch lead {
            case 0xC2...0xDF: (length, minimum) = (2, 0x80)
            case 0xE0...0xEF: (length, minimum) = (3, 0x800)
            case 0xF0...0xF4: (length, minimum) = (4, 0x10000)
            default:
                length = 0
                minimum = 0
            }
            var valid = length > 0 && index + length <= bytes.count
            if valid {
                var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length {
                    let byte = bytes[index + offset]
                    if byte & 0xC0 != 0x80 { valid = false }
                    value = value << 6 | UInt32(byte & 0x3F)
                }
                if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { valid = false }
            }
            if !valid {
                while columnFrom < index {
                    if bytes[columnFrom] & 0xC0 != 0x80 { column += 1 }
                    columnFrom += 1
                }
                throw TOMLError(
                    position: TOMLPosition(line: line, column: column),
                    message: "the file is not valid UTF-8 (byte 0x\(String(lead, radix: 16, uppercase: true)))")
            }
            index += length
        }
    }
}
