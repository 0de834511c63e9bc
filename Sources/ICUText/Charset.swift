import CICUShim

/// Charset detection and strict conversion to UTF-16 through ICU's converters.
public enum Charset {
  /// The best guess of ICU's statistical detector, with its confidence (0–100).
  public struct Detection: Equatable, Sendable {
    public var name: String
    public var confidence: Int
  }

  public static func detect(_ bytes: [UInt8]) -> Detection? {
    var error: Int32 = 0
    var name = [CChar](repeating: 0, count: 64)
    let confidence = bytes.withUnsafeBufferPointer { buffer in
      qg_detect_charset(buffer.baseAddress, Int32(buffer.count), &name, 64, &error)
    }
    guard error <= 0, confidence >= 0 else { return nil }
    let decoded = name.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    return Detection(name: decoded, confidence: Int(confidence))
  }

  /// Why a strict conversion failed: the ICU error and the byte offset where it happened.
  public struct ConversionError: Error, Equatable, Sendable {
    public var charset: String
    public var icuErrorName: String
    public var byteOffset: Int?
  }

  /// Converts `bytes` from `charset` to UTF-16, refusing any illegal or unmappable sequence.
  public static func decode(_ bytes: [UInt8], from charset: String) throws(ConversionError)
    -> [UInt16]
  {
    var error: Int32 = 0
    var errorOffset: Int32 = -1
    let needed = bytes.withUnsafeBufferPointer { source in
      qg_convert_to_utf16(
        charset, source.baseAddress, Int32(source.count), nil, 0, &errorOffset, &error)
    }
    if error > 0 {
      throw ConversionError(
        charset: charset, icuErrorName: String(cString: qg_error_name(error)),
        byteOffset: errorOffset >= 0 ? Int(errorOffset) : nil)
    }
    var output = [UInt16](repeating: 0, count: Int(needed))
    let written = bytes.withUnsafeBufferPointer { source in
      output.withUnsafeMutableBufferPointer { dest in
        qg_convert_to_utf16(
          charset, source.baseAddress, Int32(source.count), dest.baseAddress, needed,
          &errorOffset, &error)
      }
    }
    if error > 0 || written != needed {
      throw ConversionError(
        charset: charset, icuErrorName: String(cString: qg_error_name(error)),
        byteOffset: errorOffset >= 0 ? Int(errorOffset) : nil)
    }
    return output
  }
}
