/// A dense matrix of `Double`, stored row-major: element (r, c) is `values[r * cols + c]`.
///
/// A value type (copy-on-write through its array). Every operation checks shapes with
/// `precondition` and stops with a message naming the operation and both shapes.
public struct Matrix: Sendable, Equatable, CustomStringConvertible {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let cols: Int
    /// The elements, row after row; `values.count == rows * cols` always holds.
    public var values: [Double]

    /// A `rows × cols` matrix with every element `value`.
    public init(rows: Int, cols: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && cols >= 0, "Matrix: negative shape \(rows)×\(cols)")
        self.rows = rows
        self.cols = cols
        self.values = Array(repeating: value, count: rows * cols)
    }

    /// A `rows × cols` matrix over the given row-major `values`.
    public init(rows: Int, cols: Int, values: [Double]) {
        precondition(values.count == rows * cols, "Matrix: \(values.count) values for \(rows)×\(cols)")
        self.rows = rows
        self.cols = cols
        self.values = values
    }

    /// A matrix from its rows, which must all have the same length. `[]` gives a 0×0 matrix.
    public init(_ rowArrays: [[Double]]) {
        let cols = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == cols }, "Matrix: ragged rows")
        self.init(rows: rowArrays.count, cols: cols, values: rowArrays.flatMap { $0 })
    }

    /// A one-row matrix holding `vector`.
    public init(rowVector vector: [Double]) {
        self.init(rows: 1, cols: vector.count, values: vector)
    }

    /// A `rows × cols` matrix of independent normal samples N(0, std²).
    public static func random(rows: Int, cols: Int, std: Double, rng: inout SplitMix64) -> Matrix {
        Matrix(rows: rows, cols: cols, values: (0..<(rows * cols)).map { _ in rng.normal(mean: 0, std: std) })
    }

    /// One-hot rows: row i has a 1 in column `labels[i]` and 0 elsewhere.
    public static func oneHot(_ labels: [Int], classes: Int) -> Matrix {
        var m = Matrix(rows: labels.count, cols: classes)
        for (i, label) in labels.enumerated() {
            precondition(label >= 0 && label < classes, "oneHot: label \(label) outside 0..<\(classes)")
            m.values[i * classes + label] = 1
        }
        return m
    }

    /// The element at row `r`, column `c`.
    @inlinable public subscript(r: Int, c: Int) -> Double {
        get { values[r * cols + c] }
        set { values[r * cols + c] = newValue }
    }

    /// The shape as `(rows, cols)`.
    public var shape: (rows: Int, cols: Int) { (rows, cols) }

    /// Row `r` as a slice of `values` (indices keep their position in `values`).
    public func row(_ r: Int) -> ArraySlice<Double> {
        values[(r * cols)..<((r + 1) * cols)]
    }

    /// Row `r` as a fresh array.
    public func rowArray(_ r: Int) -> [Double] {
        Array(row(r))
    }

    /// Column `c` as an array.
    public func column(_ c: Int) -> [Double] {
        (0..<rows).map { values[$0 * cols + c] }
    }

    /// All rows as arrays.
    public var rowArrays: [[Double]] {
        (0..<rows).map { rowArray($0) }
    }

    /// The rows at `indices`, in that order (a gather; indices may repeat).
    public func rows(_ indices: [Int]) -> Matrix {
        var out = [Double]()
        out.reserveCapacity(indices.count * cols)
        for r in indices {
            precondition(r >= 0 && r < rows, "rows(_:): index \(r) outside 0..<\(rows)")
            out.append(contentsOf: values[(r * cols)..<((r + 1) * cols)])
        }
        return Matrix(rows: indices.count, cols: cols, values: out)
    }

    /// The rows in `range`.
    public func rows(_ range: Range<Int>) -> Matrix {
        Matrix(
            rows: range.count, cols: cols, values: Array(values[(range.lowerBound * cols)..<(range.upperBound * cols)]))
    }

    /// The columns at `indices`, in that order.
    public func columns(_ indices: [Int]) -> Matrix {
        var out = [Double]()
        out.reserveCapacity(rows * indices.count)
        for r in 0..<rows {
            for c in indices { out.append(values[r * cols + c]) }
        }
        return Matrix(rows: rows, cols: indices.count, values: out)
    }

    /// The transpose (copied in 8 × 8 blocks so reads and writes both stay in cache).
    public func transposed() -> Matrix {
        var out = [Double](repeating: 0, count: values.count)
        let rows = self.rows
        let cols = self.cols
        values.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for r0 in stride(from: 0, to: rows, by: 8) {
                    for c0 in stride(from: 0, to: cols, by: 8) {
                        for r in r0..<Swift.min(r0 + 8, rows) {
                            for c in c0..<Swift.min(c0 + 8, cols) { dst[c * rows + r] = src[r * cols + c] }
                        }
                    }
                }
            }
        }
        return Matrix(rows: cols, cols: rows, values: out)
    }

    /// Side by side: `[a b]`. Both must have the same number of rows.
    public static func hcat(_ a: Matrix, _ b: Matrix) -> Matrix {
        hcat([a, b])
    }

    /// Side by side, left to right. All must have the same number of rows.
    public static func hcat(_ parts: [Matrix]) -> Matrix {
        guard let first = parts.first else { return Matrix(rows: 0, cols: 0) }
        precondition(parts.allSatisfy { $0.rows == first.rows }, "hcat: row counts differ")
        let cols = parts.reduce(0) { $0 + $1.cols }
        var out = [Double]()
        out.reserveCapacity(first.rows * cols)
        for r in 0..<first.rows {
            for part in parts { out.append(contentsOf: part.row(r)) }
        }
        return Matrix(rows: first.rows, cols: cols, values: out)
    }

    /// One above the other. All must have the same number of columns.
    public static func vcat(_ parts: [Matrix]) -> Matrix {
        guard let first = parts.first else { return Matrix(rows: 0, cols: 0) }
        precondition(parts.allSatisfy { $0.cols == first.cols }, "vcat: column counts differ")
        return Matrix(rows: parts.reduce(0) { $0 + $1.rows }, cols: first.cols, values: parts.flatMap { $0.values })
    }

    /// `f` applied to every element.
    public func map(_ f: (Double) -> Double) -> Matrix {
        Matrix(rows: rows, cols: cols, values: values.map(f))
    }

    /// `f` applied to matching elements of `self` and `other` (same shape).
    public func zipMap(_ other: Matrix, _ f: (Double, Double) -> Double) -> Matrix {
        precondition(rows == other.rows && cols == other.cols, "zipMap: shapes differ")
        let out = [Double](unsafeUninitializedCapacity: values.count) { buffer, initialized in
            values.withUnsafeBufferPointer { a in
                other.values.withUnsafeBufferPointer { b in
                    for i in 0..<a.count { buffer[i] = f(a[i], b[i]) }
                }
            }
            initialized = values.count
        }
        return Matrix(rows: rows, cols: cols, values: out)
    }

    /// `vector` added to every row (broadcasting); `vector.count == cols`.
    public func addRowVector(_ vector: [Double]) -> Matrix {
        var out = self
        out.addRowVectorInPlace(vector)
        return out
    }

    /// Adds `vector` to every row of this matrix (no copy when the storage is not shared).
    public mutating func addRowVectorInPlace(_ vector: [Double]) {
        precondition(vector.count == cols, "addRowVector: \(vector.count) values for \(cols) columns")
        let rows = self.rows
        let cols = self.cols
        values.withUnsafeMutableBufferPointer { o in
            vector.withUnsafeBufferPointer { v in
                for r in 0..<rows {
                    let base = r * cols
                    for c in 0..<cols { o[base + c] += v[c] }
                }
            }
        }
    }

    /// The sum of each column (length `cols`): the gradient of a broadcast row-vector add.
    public func columnSums() -> [Double] {
        var sums = [Double](repeating: 0, count: cols)
        values.withUnsafeBufferPointer { v in
            sums.withUnsafeMutableBufferPointer { s in
                for r in 0..<rows {
                    let base = r * cols
                    for c in 0..<cols { s[c] += v[base + c] }
                }
            }
        }
        return sums
    }

    /// The sum of each row (length `rows`).
    public func rowSums() -> [Double] {
        (0..<rows).map { row($0).reduce(0, +) }
    }

    /// The sum of all elements.
    public func sum() -> Double { values.reduce(0, +) }

    /// Elementwise sum.
    public static func + (a: Matrix, b: Matrix) -> Matrix { a.zipMap(b, +) }
    /// Elementwise difference.
    public static func - (a: Matrix, b: Matrix) -> Matrix { a.zipMap(b, -) }
    /// Every element times `s`.
    public static func * (s: Double, a: Matrix) -> Matrix { a.map { s * $0 } }
    /// Every element times `s`.
    public static func * (a: Matrix, s: Double) -> Matrix { a.map { $0 * s } }

    /// The largest absolute difference between matching elements (same shape).
    public func maxAbsDifference(_ other: Matrix) -> Double {
        precondition(rows == other.rows && cols == other.cols, "maxAbsDifference: shapes differ")
        var m = 0.0
        for i in values.indices { m = Swift.max(m, abs(values[i] - other.values[i])) }
        return m
    }

    /// A short text form, e.g. `Matrix 2×3 [[1, 2, 3], [4, 5, 6]]` (all rows; keep it small).
    public var description: String {
        "Matrix \(rows)×\(cols) " + "["
            + rowArrays.map { "[" + $0.map { "\($0)" }.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
    }
}
