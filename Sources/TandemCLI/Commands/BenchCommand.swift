import ArgumentParser
import Course
import Foundation
import Terminal
import ToyEngine

/// `tandem bench`: the engine's training throughput on its fixed job (see `EngineBenchmark`).
public struct BenchCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the toy engine's training throughput (use a release build).")
    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions

    @Flag(name: .long, help: "Print {\"examples_per_second\": e, \"gflops\": g} only.")
    public var json = false

    @Option(name: .long, parsing: .unconditional, help: "Timed runs; the fastest is reported.")
    public var repeats = 3

    public init() {}

    public func validate() throws {
        if repeats < 1 { throw ValidationError("--repeats must be at least 1 (got \(repeats)).") }
    }

    public func run() throws {
        let result = EngineBenchmark.run(repeats: repeats)
        if json {
            Output.line(BenchReport.json(result))
        } else {
            Output.write(BenchReport.text(result, settings: display.settings, debugBuild: BenchReport.isDebugBuild))
        }
    }
}

/// The text and JSON forms of a benchmark result.
enum BenchReport {
    static var isDebugBuild: Bool {
        #if DEBUG
            return true
        #else
            return false
        #endif
    }

    static func json(_ r: EngineBenchmark.Result) -> String {
        "{\"examples_per_second\": \(rounded(r.examplesPerSecond, 1)), \"gflops\": \(rounded(r.gflops, 3))}"
    }

    static func text(_ r: EngineBenchmark.Result, settings: TerminalSettings, debugBuild: Bool) -> String {
        let arrow = settings.ascii ? "->" : "→"
        let shape = EngineBenchmark.widths.map(String.init).joined(separator: arrow)
        // Each line with the indentation its continuation lines take when it must wrap.
        var lines: [(text: String, hang: String)] = [
            ("ToyEngine training throughput", "  "),
            (
                "  job: MLP \(shape) ReLU, softmax cross-entropy, Adam, batch \(EngineBenchmark.batchSize), "
                    + "\(EngineBenchmark.steps) steps, \(EngineBenchmark.rows) rows", "       "
            ),
            ("  examples/second  \(rounded(r.examplesPerSecond, 0))", "    "),
            ("  GFLOPS           \(rounded(r.gflops, 2))", "    "),
            (
                "  time             \(rounded(r.seconds * 1000, 1)) ms (fastest run; CPU \(rounded(r.cpuSeconds * 1000, 1)) ms)",
                "                   "
            ),
            ("  kernel           \(EngineKernel.active.rawValue)", "    "),
            ("  final loss       \(rounded(r.finalLoss, 4))", "    "),
        ]
        if debugBuild {
            lines.append(("  note: a debug build; measure with `swift build -c release`.", "        "))
        }
        return lines.flatMap { fit($0.text, width: settings.width, hang: $0.hang) }.joined(separator: "\n") + "\n"
    }

    /// `line` as is when it fits, else word-wrapped with `hang` before each continuation line
    /// (never cut: a narrow terminal still shows every word).
    static func fit(_ line: String, width: Int, hang: String) -> [String] {
        guard DisplayWidth.of(line) > width else { return [line] }
        let indent = String(line.prefix { $0 == " " })
        let hang = DisplayWidth.of(hang) * 2 > width ? indent + "  " : hang
        return TextWrap.wrap(String(line.dropFirst(indent.count)), width: width, indent: indent, hang: hang)
    }

    private static func rounded(_ x: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", x)
    }
}
