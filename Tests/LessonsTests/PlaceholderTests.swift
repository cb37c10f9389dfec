import Testing
@testable import Lessons

// Replaced by the real suite when this target's work lands.
@Test func LessonsModuleLoads() {
    #expect(Bool(true))
}
