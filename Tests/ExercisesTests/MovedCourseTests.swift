import Foundation
import TestSupport
import Testing

@testable import Exercises

/// A course folder that was moved keeps a build folder whose module cache names the old path.
struct MovedCourseTests {
    static let clangComplaint = """
        <unknown>:0: error: precompiled file '/new/.build-exercises/x86_64-unknown-linux-gnu/debug/ModuleCache/2AYQ/SwiftShims-2W.pcm' \
        was compiled with module cache path '/old/.build-exercises/x86_64-unknown-linux-gnu/debug/ModuleCache/2AYQ', \
        but the path is currently '/new/.build-exercises/x86_64-unknown-linux-gnu/debug/ModuleCache/2AYQ'
        <unknown>:0: error: missing required module 'SwiftShims'
        """

    @Test func aStaleModuleCacheIsDroppedAndTheRestOfTheBuildFolderKept() throws {
        let scratch = try makeTemporaryFolder("tandem-exercises-test")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let debug = scratch.appendingPathComponent("x86_64-unknown-linux-gnu/debug")
        let release = scratch.appendingPathComponent("x86_64-unknown-linux-gnu/release")
        for folder in [debug, release] {
            try writeText("cache", to: folder.appendingPathComponent("ModuleCache/2AYQ/SwiftShims-2W.pcm"))
            try writeText("object", to: folder.appendingPathComponent("Averaging.build/Averaging.swift.o"))
        }
        #expect(clearStaleModuleCache(in: scratch, output: Self.clangComplaint))
        for folder in [debug, release] {
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("ModuleCache").path))
            #expect(
                FileManager.default.fileExists(
                    atPath: folder.appendingPathComponent("Averaging.build/Averaging.swift.o").path))
        }
    }

    @Test func anOrdinaryCompileErrorLeavesTheCacheAlone() throws {
        let scratch = try makeTemporaryFolder("tandem-exercises-test")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let cache = scratch.appendingPathComponent("x86_64-unknown-linux-gnu/debug/ModuleCache/a.pcm")
        try writeText("cache", to: cache)
        #expect(
            !clearStaleModuleCache(in: scratch, output: "/c/exercises/01/V.swift:3:1: error: cannot find 'x' in scope"))
        #expect(FileManager.default.fileExists(atPath: cache.path))
    }
}
