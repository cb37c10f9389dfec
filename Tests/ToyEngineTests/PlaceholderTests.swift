import Testing
@testable import ToyEngine

@Test func engineVersionIsSemantic() {
    #expect(ToyEngine.version.split(separator: ".").count == 3)
}
