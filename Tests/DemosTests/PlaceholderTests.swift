import Testing
@testable import Demos

// Replaced by the real suite when this target's work lands.
@Test func DemosModuleLoads() {
    #expect(Bool(true))
}
