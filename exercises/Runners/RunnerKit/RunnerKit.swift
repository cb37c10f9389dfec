// What the `mine-DEMO` runners share: the options `tandem run DEMO --mine` passes on (the same
// names as the demo's own options, already validated by tandem), and table formatting.
import Foundation

/// The runner's command line, e.g. `--seed 2 --scorer margin --sweep --temperatures 1 4`.
public struct RunnerArguments {
    public var arguments: [String]

    public init(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) {
        self.arguments = arguments
    }

    /// The value after `--name`, if given.
    public func value(_ name: String) -> String? {
        guard let index = arguments.firstIndex(of: "--\(name)"), arguments.indices.contains(index + 1) else {
            return nil
        }
        return arguments[index + 1]
    }

    /// Every value after `--name` up to the next option (`--temperatures 1 2 4`).
    public func values(_ name: String) -> [String] {
        guard let index = arguments.firstIndex(of: "--\(name)") else { return [] }
        return Array(arguments[(index + 1)...].prefix { !$0.hasPrefix("--") })
    }

    public func flag(_ name: String) -> Bool { arguments.contains("--\(name)") }
    public func double(_ name: String) -> Double? { value(name).flatMap(Double.init) }
    public func int(_ name: String) -> Int? { value(name).flatMap { Int($0) } }
    public func choice<T: RawRepresentable>(_ name: String) -> T? where T.RawValue == String {
        value(name).flatMap(T.init(rawValue:))
    }

    /// `--seed N`, default 1 like the demos.
    public var seed: UInt64 { value("seed").flatMap { UInt64($0) } ?? 1 }
}

public func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }

public func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
    let space = String(repeating: " ", count: max(0, width - text.count))
    return left ? text + space : space + text
}
