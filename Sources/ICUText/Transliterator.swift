import CICUShim

/// An ICU transform such as `Traditional-Simplified` or `Fullwidth-Halfwidth`. Not thread-safe
/// to share across tasks that run it concurrently: ICU transliterators keep no per-call state
/// in the C API we use, but we make no promise beyond one owner at a time.
public final class Transliterator: @unchecked Sendable {
  private let handle: OpaquePointer
  public let id: String

  public init(_ id: String) throws {
    var error: Int32 = 0
    let units = Array(id.utf16)
    let opened = units.withUnsafeBufferPointer {
      qg_transliterator_open($0.baseAddress, Int32($0.count), &error)
    }
    try ICUError.check(error, "utrans_open(\(id))")
    guard let opened else { throw ICUError(code: 7, operation: "utrans_open") }
    self.handle = opened
    self.id = id
  }

  deinit { qg_transliterator_close(handle) }

  public func apply(_ text: String) throws -> String {
    var units = Array(text.utf16)
    var capacity = max(16, units.count * 2)
    while true {
      var buffer = units + [UInt16](repeating: 0, count: capacity - units.count)
      var error: Int32 = 0
      let length = buffer.withUnsafeMutableBufferPointer {
        qg_transliterate(handle, $0.baseAddress, Int32(units.count), Int32(capacity), &error)
      }
      if error == 15 /* U_BUFFER_OVERFLOW_ERROR */ || Int(length) > capacity {
        capacity = Int(length) + 16
        continue
      }
      try ICUError.check(error, "utrans_transUChars(\(id))")
      units = Array(buffer[0..<Int(length)])
      return String(decoding: units, as: UTF16.self)
    }
  }
}
