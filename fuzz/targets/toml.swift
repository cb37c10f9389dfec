// libFuzzer target: the TOML reader. Any input must give a document or a TOMLError with a
// position inside the input; reading the same text as bytes and as a String must agree.
@testable import TOML

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTOML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let lineCount = bytes.reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
    do {
        let document = try TOMLDocument.parse(bytes: bytes)
        let again = try? TOMLDocument.parse(String(decoding: bytes, as: UTF8.self))
        precondition(again?.root.keys == document.root.keys, "bytes and String readings disagree")
        visit(document.root.value, lineCount: lineCount)
    } catch {
        precondition(error.line >= 1 && error.line <= lineCount && error.column >= 1, "bad position \(error)")
        precondition(!error.message.isEmpty)
    }
    return 0
}

/// Every value, iteratively (no recursion however deep the document).
func visit(_ root: TOMLValue, lineCount: Int) {
    var pending = [root]
    while let value = pending.popLast() {
        precondition(value.line >= 1 && value.line <= lineCount, "value outside the input")
        _ = value.text
        _ = value.kind.description
        if let table = value.table {
            for (key, position, child) in table.entries {
                precondition(position.line >= 1 && position.line <= lineCount)
                _ = TOMLKey.display(key)
                pending.append(child)
            }
        } else if let array = value.array {
            pending.append(contentsOf: array)
        }
    }
}
