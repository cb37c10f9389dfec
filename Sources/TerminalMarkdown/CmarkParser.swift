// The only Swift file that imports libcmark. It parses, copies cmark's tree into a flat
// `MarkdownDocument` (walking with cmark's own iterator, never recursing) and frees the C tree
// before returning, so no C pointer escapes this file.
//
// cmark allocates through an arena here: every node and buffer of one parse comes from a few
// large blocks that are released together once the tree is converted. Freeing hundreds of
// thousands of nodes one by one (and glibc consolidating them afterwards) cost about a sixth of
// the render time of a 2 MB document.
import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

enum CmarkParser {
    /// Invalid UTF-8 is replaced rather than fatal; source positions let `PipeTables` find lines.
    static let options = CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SOURCEPOS

    /// Parses `markdown` into a new document.
    static func parse(_ markdown: UnsafeBufferPointer<UInt8>) -> MarkdownDocument {
        var document = MarkdownDocument()
        document.nodes.reserveCapacity(markdown.count / 10)
        document.text.reserveCapacity(markdown.count)
        _ = parse(markdown, into: &document, under: -1)
        return document
    }

    /// Parses `bytes` and appends the resulting tree under `parent`; returns the new root's index.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, into document: inout MarkdownDocument, under parent: Int32)
        -> Int32
    {
        let arena = CmarkArena(expectedInput: bytes.count)
        CmarkArena.setCurrent(arena)
        defer {
            // The parser and the tree live in the arena: releasing it frees them all at once.
            CmarkArena.setCurrent(nil)
            arena.release()
        }
        guard let parser = cmark_parser_new_with_mem(options, CmarkArena.allocator) else {
            return document.append(MarkdownDocument.Node(kind: .document), to: parent)
        }
        bytes.withMemoryRebound(to: CChar.self) { chars in
            if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
        }
        let root = cmark_parser_finish(parser)
        cmark_parser_free(parser)
        guard let root else {
            return document.append(MarkdownDocument.Node(kind: .document), to: parent)
        }
        return convert(root, into: &document, under: parent)
    }

    /// Copies the tree under `root` with cmark's iterator: ENTER pushes a container, EXIT pops it.
    private static func convert(_ root: OpaquePointer, into document: inout MarkdownDocument, under parent: Int32)
        -> Int32
    {
        guard let iterator = cmark_iter_new(root) else {
            return document.append(MarkdownDocument.Node(kind: .document), to: parent)
        }
        defer { cmark_iter_free(iterator) }
        var stack: [Int32] = [parent]
        var rootIndex: Int32 = -1
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_EXIT {
                if stack.count > 1 { stack.removeLast() }
                continue
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            let (value, isLeaf) = makeNode(node, document: &document)
            let index = document.append(value, to: stack[stack.count - 1])
            if rootIndex < 0 { rootIndex = index }
            if value.kind == .paragraph && value.endLine > value.startLine {
                document.multiLineParagraphs.append(index)
            }
            if !isLeaf { stack.append(index) }
        }
        return rootIndex >= 0 ? rootIndex : document.append(MarkdownDocument.Node(kind: .document), to: parent)
    }

    private static func makeNode(_ node: OpaquePointer, document: inout MarkdownDocument) -> (
        MarkdownDocument.Node, isLeaf: Bool
    ) {
        let type = cmark_node_get_type(node)
        var value = MarkdownDocument.Node(kind: kind(of: type))
        var isLeaf = false
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
            value.literal = store(cmark_node_get_literal(node), in: &document)
            isLeaf = true
        case CMARK_NODE_CODE_BLOCK:
            value.literal = store(cmark_node_get_literal(node), in: &document)
            value.info = store(cmark_node_get_fence_info(node), in: &document)
            isLeaf = true
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_THEMATIC_BREAK:
            isLeaf = true
        case CMARK_NODE_HEADING:
            value.level = Int32(cmark_node_get_heading_level(node))
        case CMARK_NODE_LIST:
            value.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            value.listStart = Int32(clamping: cmark_node_get_list_start(node))
            value.tight = cmark_node_get_list_tight(node) != 0
            value.parenDelimiter = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            value.info = store(cmark_node_get_url(node), in: &document)
            value.title = store(cmark_node_get_title(node), in: &document)
        case CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE:
            value.literal = store(cmark_node_get_on_enter(node), in: &document)
        default:
            break
        }
        // Pipe tables are found from their paragraphs' lines; `MarkdownStructure` reports every
        // link, code block and HTML by line. (cmark gives a link the line of its `]`.)
        value.startLine = Int32(cmark_node_get_start_line(node))
        value.endLine = Int32(cmark_node_get_end_line(node))
        value.startColumn = Int32(cmark_node_get_start_column(node))
        return (value, isLeaf)
    }

    private static func store(_ pointer: UnsafePointer<CChar>?, in document: inout MarkdownDocument)
        -> MarkdownDocument.TextRange
    {
        guard let pointer else { return .empty }
        let count = strlen(pointer)
        guard count > 0 else { return .empty }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: count) { bytes in
            document.store(UnsafeBufferPointer(start: bytes, count: count))
        }
    }

    private static func kind(of type: cmark_node_type) -> MarkdownDocument.Kind {
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: return .customBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: return .customInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        default: return .customInline
        }
    }
}

/// A bump allocator for one parse, reached from cmark's C callbacks through a thread-specific
/// pointer (so parses on different threads never share one). `free` does nothing; `release`
/// returns every block at the end.
private final class CmarkArena {
    private var blocks: [UnsafeMutableRawPointer] = []
    private var cursor: UnsafeMutableRawPointer? = nil
    private var remaining = 0
    private let blockSize: Int
    /// Each allocation is preceded by a header holding its size (for `realloc`), keeping 16-byte alignment.
    private static let header = 16

    init(expectedInput: Int) {
        blockSize = max(64 << 10, min(expectedInput * 4, 16 << 20))
    }

    func allocate(_ size: Int, zeroed: Bool) -> UnsafeMutableRawPointer? {
        let (padded, overflow) = (size + CmarkArena.header).addingReportingOverflow(15)
        guard !overflow, size >= 0 else { return nil }
        let total = padded & ~15
        if total > remaining {
            let size = max(blockSize, total)
            guard let block = malloc(size) else { return nil }
            blocks.append(block)
            cursor = block
            remaining = size
        }
        guard let start = cursor else { return nil }
        cursor = start + total
        remaining -= total
        start.storeBytes(of: size, as: Int.self)
        let pointer = start + CmarkArena.header
        if zeroed { memset(pointer, 0, size) }
        return pointer
    }

    func reallocate(_ pointer: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
        guard let pointer else { return allocate(size, zeroed: false) }
        let oldSize = (pointer - CmarkArena.header).load(as: Int.self)
        if size <= oldSize { return pointer }
        guard let fresh = allocate(size, zeroed: false) else { return nil }
        memcpy(fresh, pointer, oldSize)
        return fresh
    }

    func release() {
        for block in blocks { free(block) }
        blocks.removeAll()
        cursor = nil
        remaining = 0
    }

    // MARK: The C side

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    static func setCurrent(_ arena: CmarkArena?) {
        pthread_setspecific(key, arena.map { Unmanaged.passUnretained($0).toOpaque() })
    }

    static var current: CmarkArena? {
        pthread_getspecific(key).map { Unmanaged<CmarkArena>.fromOpaque($0).takeUnretainedValue() }
    }

    /// cmark's allocator table, made once, never written again and never freed (hence safe to share).
    nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
        let table = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        table.initialize(
            to: cmark_mem(
                calloc: { count, size in
                    let (total, overflow) = Int(count).multipliedReportingOverflow(by: Int(size))
                    guard !overflow else { return nil }
                    return CmarkArena.current?.allocate(total, zeroed: true) ?? calloc(count, size)
                },
                realloc: { pointer, size in
                    CmarkArena.current?.reallocate(pointer, Int(size)) ?? realloc(pointer, size)
                },
                free: { pointer in
                    if CmarkArena.current == nil { free(pointer) }
                }))
        return table
    }()
}
