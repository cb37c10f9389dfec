import Foundation

/// Row-wise operations on score matrices: numerically stable softmax and log-softmax, argmax.
extension Matrix {
    /// Each row turned into probabilities, `softmax(row / temperature)`. Stable: the row's
    /// maximum is subtracted before `exp`, so large scores never overflow.
    public func softmaxRows(temperature: Double = 1) -> Matrix {
        precondition(temperature > 0, "softmaxRows: temperature must be positive")
        var out = values
        out.withUnsafeMutableBufferPointer { o in
            for r in 0..<rows {
                let base = r * cols
                var top = -Double.infinity
                for c in 0..<cols { top = Swift.max(top, o[base + c]) }
                var total = 0.0
                for c in 0..<cols {
                    let e = exp((o[base + c] - top) / temperature)
                    o[base + c] = e
                    total += e
                }
                for c in 0..<cols { o[base + c] /= total }
            }
        }
        return Matrix(rows: rows, cols: cols, values: out)
    }

    /// Each row's log-probabilities, `row/T − logsumexp(row/T)`, computed without overflow.
    public func logSoftmaxRows(temperature: Double = 1) -> Matrix {
        precondition(temperature > 0, "logSoftmaxRows: temperature must be positive")
        var out = values
        out.withUnsafeMutableBufferPointer { o in
            for r in 0..<rows {
                let base = r * cols
                var top = -Double.infinity
                for c in 0..<cols { top = Swift.max(top, o[base + c] / temperature) }
                var total = 0.0
                for c in 0..<cols { total += exp(o[base + c] / temperature - top) }
                let logTotal = top + log(total)
                for c in 0..<cols { o[base + c] = o[base + c] / temperature - logTotal }
            }
        }
        return Matrix(rows: rows, cols: cols, values: out)
    }

    /// The column of each row's largest element (the first one on ties).
    public func argmaxRows() -> [Int] {
        (0..<rows).map { r in
            var best = 0
            var bestValue = -Double.infinity
            for c in 0..<cols where values[r * cols + c] > bestValue {
                best = c
                bestValue = values[r * cols + c]
            }
            return best
        }
    }

    /// Each row's largest element.
    public func maxRows() -> [Double] {
        (0..<rows).map { r in row(r).max() ?? -Double.infinity }
    }
}
