import Testing

@testable import Terminal

@Suite struct TerminalSettingsTests {
    @Test func widthPrecedence() {
        #expect(
            TerminalSettings.resolve(
                width: 50, color: .never, ascii: false, environment: ["COLUMNS": "70"], isTTY: true,
                terminalColumns: 120
            ).width == 50)
        #expect(
            TerminalSettings.resolve(
                width: nil, color: .never, ascii: false, environment: ["COLUMNS": "70"], isTTY: true,
                terminalColumns: 120
            ).width == 70)
        #expect(
            TerminalSettings.resolve(
                width: nil, color: .never, ascii: false, environment: [:], isTTY: true, terminalColumns: 120
            ).width == 100)
        #expect(
            TerminalSettings.resolve(
                width: nil, color: .never, ascii: false, environment: [:], isTTY: false, terminalColumns: nil
            ).width == 80)
    }

    @Test func colorRules() {
        #expect(
            TerminalSettings.resolve(
                width: nil, color: .auto, ascii: false, environment: [:], isTTY: true, terminalColumns: nil
            ).color)
        #expect(
            !TerminalSettings.resolve(
                width: nil, color: .auto, ascii: false, environment: ["NO_COLOR": "1"], isTTY: true,
                terminalColumns: nil
            ).color)
        #expect(
            TerminalSettings.resolve(
                width: nil, color: .auto, ascii: false, environment: ["NO_COLOR": ""], isTTY: true, terminalColumns: nil
            ).color)
        #expect(
            !TerminalSettings.resolve(
                width: nil, color: .auto, ascii: false, environment: [:], isTTY: false, terminalColumns: nil
            ).color)
        #expect(
            TerminalSettings.resolve(
                width: nil, color: .always, ascii: false, environment: ["NO_COLOR": "1"], isTTY: false,
                terminalColumns: nil
            ).color)
        #expect(
            !TerminalSettings.resolve(
                width: nil, color: .never, ascii: false, environment: [:], isTTY: true, terminalColumns: nil
            ).color)
    }

    @Test func asciiFromLocale() {
        #expect(
            TerminalSettings.resolve(
                width: nil, color: .never, ascii: false, environment: ["LANG": "C"], isTTY: false, terminalColumns: nil
            ).ascii)
        #expect(
            !TerminalSettings.resolve(
                width: nil, color: .never, ascii: false, environment: ["LANG": "en_US.UTF-8"], isTTY: false,
                terminalColumns: nil
            ).ascii)
    }
}
