extension DocumentRenderer {
    /// Draws a table node: columns sized to their content, shrunk fairly (widest first) to fit the
    /// width, cells wrapped and aligned. A table that cannot fit that way is drawn as records
    /// (`renderTableAsRecords`); no line exceeds the width.
    mutating func renderTable(_ index: Int32) {
        let rows = document.children(of: index)
        guard let headerRow = rows.first else { return }
        let columns = document.children(of: headerRow).count
        guard columns > 0 else { return }
        let headerStyle = SpanStyle(flags: SpanStyle.bold)
        let unlimited = Int.max / 4

        // Pass 1: every cell on one line, to learn the natural widths.
        var cellLines: [[RenderedLines]] = []
        var natural = [Int](repeating: 1, count: columns)
        var widestWord = [Int](repeating: 1, count: columns)
        var alignments = [MarkdownDocument.Alignment](repeating: .none, count: columns)
        cellLines.reserveCapacity(rows.count)
        for (rowNumber, row) in rows.enumerated() {
            var cells = document.children(of: row)
            if cells.count > columns { cells.removeLast(cells.count - columns) }
            var rendered: [RenderedLines] = []
            for (column, cell) in cells.enumerated() {
                if rowNumber == 0 {
                    alignments[column] =
                        MarkdownDocument.Alignment(rawValue: UInt8(clamping: document.nodes[Int(cell)].level)) ?? .none
                }
                let lines = renderInlines(of: cell, base: rowNumber == 0 ? headerStyle : .plain, width: unlimited)
                natural[column] = max(natural[column], lines.map(\.width).max() ?? 0)
                widestWord[column] = max(widestWord[column], widestWordOfLastInlines)
                rendered.append(lines)
            }
            while rendered.count < columns { rendered.append(RenderedLines()) }
            cellLines.append(rendered)
        }

        let widths = fitColumns(natural: natural, minimum: widestWord, available: contentWidth - (3 * columns + 1))

        // Pass 2: re-wrap the cells that are wider than their column.
        for (rowNumber, row) in rows.enumerated() {
            let cells = document.children(of: row)
            for column in 0..<min(columns, cells.count)
            where (cellLines[rowNumber][column].map(\.width).max() ?? 0) > widths[column] {
                cellLines[rowNumber][column] = renderInlines(
                    of: cells[column], base: rowNumber == 0 ? headerStyle : .plain, width: widths[column])
            }
        }

        // A table that cannot fit (fewer than four columns per cell, or a cell holding a character
        // wider than its column, such as an emoji in a one-column cell) is drawn as records instead:
        // nothing is ever wider than the width.
        let tooNarrow =
            contentWidth < 4 * columns + 1
            || cellLines.contains { cells in
                cells.indices.contains { column in (cells[column].map(\.width).max() ?? 0) > widths[column] }
            }
        if tooNarrow { return renderTableAsRecords(rows, columns: columns, headerStyle: headerStyle) }
        let table = glyphs.table
        let borderStyle = SpanStyle(flags: SpanStyle.dim)
        func rule(_ joints: (String, String, String), _ horizontal: String) -> [UInt8] {
            var text = joints.0
            for (column, width) in widths.enumerated() {
                text += String(repeating: horizontal, count: width + 2)
                text += column == widths.count - 1 ? joints.2 : joints.1
            }
            return styled(text, borderStyle)
        }
        let bar = styled(table.vertical, borderStyle)
        emit(rule(table.top, table.horizontal))
        for (rowNumber, cells) in cellLines.enumerated() {
            let height = max(1, cells.map(\.count).max() ?? 1)
            for lineNumber in 0..<height {
                var line = bar
                for column in 0..<columns {
                    let content =
                        lineNumber < cells[column].count ? cells[column][lineNumber] : RenderedLine(bytes: [], width: 0)
                    let spare = max(0, widths[column] - content.width)
                    let before: Int
                    switch alignments[column] {
                    case .right: before = spare
                    case .center: before = spare / 2
                    default: before = 0
                    }
                    line.append(0x20)
                    line.append(contentsOf: repeatElement(0x20, count: before))
                    line.append(contentsOf: content.bytes)
                    line.append(contentsOf: repeatElement(0x20, count: spare - before))
                    line.append(0x20)
                    line.append(contentsOf: bar)
                }
                emit(line)
            }
            if rowNumber == 0 && cellLines.count > 1 { emit(rule(table.header, table.headerHorizontal)) }
        }
        emit(rule(table.bottom, table.horizontal))
    }

    /// One record per body row: each column's header (bold) on its own line, the cell's text
    /// below it indented by two, wrapped to the width; a blank line between records. A table with
    /// no body lists its headers.
    mutating func renderTableAsRecords(_ rows: [Int32], columns: Int, headerStyle: SpanStyle) {
        let headers = document.children(of: rows[0])
        let body = rows.dropFirst()
        let valueWidth = max(2, contentWidth - 2)
        if body.isEmpty {
            for header in headers.prefix(columns) {
                for line in renderInlines(of: header, base: headerStyle, width: contentWidth) { emit(line.bytes) }
            }
            return
        }
        for (number, row) in body.enumerated() {
            if number > 0 { emitBlank() }
            let cells = document.children(of: row)
            for column in 0..<columns {
                if column < headers.count {
                    for line in renderInlines(of: headers[column], base: headerStyle, width: contentWidth) {
                        emit(line.bytes)
                    }
                }
                guard column < cells.count else { continue }
                for line in renderInlines(of: cells[column], base: .plain, width: valueWidth) {
                    emit([0x20, 0x20] + line.bytes)
                }
            }
        }
    }

    /// Column widths no wider than their content, summing to at most `available` when possible.
    /// Columns first get their widest word (so words stay whole) and share the rest, the widest
    /// columns giving way first; when even the words do not fit, words are split instead.
    func fitColumns(natural: [Int], minimum: [Int], available: Int) -> [Int] {
        let natural = natural.map { max(1, $0) }
        if natural.reduce(0, +) <= available { return natural }
        guard available >= natural.count else { return natural.map { _ in 1 } }
        let floor = zip(minimum, natural).map { min(max(1, $0), $1) }
        if floor.reduce(0, +) > available { return waterFill(natural, available: available) }
        // Share what is left beyond the words among the columns that want more.
        let extra = waterFill(
            zip(natural, floor).map { $0 - $1 }, available: available - floor.reduce(0, +), minimumEach: 0)
        return zip(floor, extra).map { $0 + $1 }
    }

    /// Widths capped at the largest c with sum(min(want, c)) fitting; leftovers go left to right.
    private func waterFill(_ want: [Int], available: Int, minimumEach: Int = 1) -> [Int] {
        var low = minimumEach
        var high = want.max() ?? minimumEach
        while low < high {
            let middle = (low + high + 1) / 2
            if want.reduce(0, { $0 + min($1, middle) }) <= available { low = middle } else { high = middle - 1 }
        }
        var widths = want.map { max(minimumEach, min($0, low)) }
        var leftover = available - widths.reduce(0, +)
        for column in widths.indices where leftover > 0 && want[column] > widths[column] {
            widths[column] += 1
            leftover -= 1
        }
        return widths
    }
}
