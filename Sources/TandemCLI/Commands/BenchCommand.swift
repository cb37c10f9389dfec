import ArgumentParser
import Course
import Foundation
import JSON
import Terminal
import ToyEngine

/// `tandem bench`: the engine's training throughput on its fixed job (see `EngineBenchmark`).
public struct BenchCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the toy engine's training throughput (use a release build).")
    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions

    @Flag(name: .long, help: "Print the result as JSON (the keys are in docs/json.md).")
    public var json = false

    @Option(name: .long, parsing: .unconditional, help: "Timed runs; the fastest is reported.")
    public var repeats = 3

    public init() {}

    public func validate() throws {
        if repeats < 1 { throw ValidationError("--repeats must be at least 1 (got \(repeats)).") }
    }

    public func run() throws {
        let result = EngineBenchmark.run(repeats: repeats)
        emit(
            json: json, pager: false,
            report: { BenchReport.text(result, settings: display.settings, debugBuild: BenchReport.isDebugBuild) },
            data: { BenchReport.json(result) })
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

    /// Every number the report shows, keys as `jsonKeys` lists them; rounded as the report rounds
    /// them, with one more decimal for throughput (examples per second to 0.1, GFLOPS to 0.001).
    static func json(_ r: EngineBenchmark.Result) -> JSONValue {
        .object([
            ("examples_per_second", .number(rounded(r.examplesPerSecond, 1))),
            ("gflops", .number(rounded(r.gflops, 3))),
            ("milliseconds", .number(rounded(r.seconds * 1000, 1))),
            ("cpu_milliseconds", .number(rounded(r.cpuSeconds * 1000, 1))),
            ("kernel", .string(EngineKernel.active.rawValue)),
            ("final_loss", .number(rounded(r.finalLoss, 4))),
            (
                "job",
                .object([
                    ("widths", .array(EngineBenchmark.widths.map { .integer($0) })),
                    ("batch_size", .integer(EngineBenchmark.batchSize)), ("steps", .integer(EngineBenchmark.steps)),
                    ("rows", .integer(EngineBenchmark.rows)),
                ])
            ),
        ])
    }

    /// The keys of `json(_:)`, in order (docs/json.md is generated from this list).
    static let jsonKeys: [JSONKeyDoc] = [
        JSONKeyDoc("examples_per_second", .number, "training examples per second, fastest run (0.1)"),
        JSONKeyDoc("gflops", .number, "billions of floating-point operations per second (0.001)"),
        JSONKeyDoc("milliseconds", .number, "wall time of the fastest run's timed steps"),
        JSONKeyDoc("cpu_milliseconds", .number, "this thread's CPU time in that run"),
        JSONKeyDoc("kernel", .string, "the engine's inner loops: `portable` or `avx2`"),
        JSONKeyDoc("final_loss", .number, "the last step's mean loss (a check that the job trains)"),
        JSONKeyDoc("job", .object, "the fixed job timed"),
        JSONKeyDoc("job.widths", .array, "the MLP's layer widths: inputs, hidden layers, classes"),
        JSONKeyDoc("job.batch_size", .integer, "examples per step"),
        JSONKeyDoc("job.steps", .integer, "optimizer steps timed"),
        JSONKeyDoc("job.rows", .integer, "rows of training data"),
    ]

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
            ("  examples/second  \(fixed(r.examplesPerSecond, 0))", "    "),
            ("  GFLOPS           \(fixed(r.gflops, 2))", "    "),
            (
                "  time             \(fixed(r.seconds * 1000, 1)) ms (fastest run; CPU \(fixed(r.cpuSeconds * 1000, 1)) ms)",
                "                   "
            ),
            ("  kernel           \(EngineKernel.active.rawValue)", "    "),
            ("  final loss       \(fixed(r.finalLoss, 4))", "    "),
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

    /// `x` with `digits` decimals, as the report prints it.
    private static func fixed(_ x: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", x)
    }

    /// `x` rounded to `digits` decimals, as the JSON carries it.
    private static func rounded(_ x: Double, _ digits: Int) -> Double {
        Double(fixed(x, digits)) ?? x
    }
}
