import Testing
@testable import Journey

// Replaced by the real suite when this target's work lands.
@Test func JourneyModuleLoads() {
    #expect(Bool(true))
}
