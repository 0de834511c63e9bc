import QuotegraphKit

/// Hostile bytes through the article reader and the HTML cleaner: nothing may crash, hang or
/// leave markup in the clean text. Built two ways (see README, "Fuzzing"): with
/// `-sanitize=fuzzer -DFUZZING` libFuzzer drives `LLVMFuzzerTestOneInput`; without, the
/// executable replays the files it is given, so a crash found once stays a regression check.
enum FuzzTarget {
  static let cleaner = HTMLCleaner(
    rules: .init(
      droppedElements: ["script", "style", "svg", "share-button"],
      droppedAttributes: ["data-root-share"], droppedClasses: ["share"],
      captionElements: ["figcaption", "small"], droppedParagraphPrefixes: ["分享 :"],
      footerPrefixes: ["获取更多RSS"]))

  static func run(_ bytes: [UInt8]) {
    if let document = try? ArticleReader().read(bytes, source: "fuzz") {
      check(document.body)
    }
    check(String(decoding: bytes, as: UTF8.self))
  }

  static func check(_ html: String) {
    let (text, paragraphs) = cleaner.clean(html)
    for paragraph in paragraphs {
      precondition(!paragraph.range.isEmpty && Int(paragraph.range.end) <= text.units.count)
    }
  }
}

#if FUZZING
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTarget.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
  }

  typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>, Int) -> CInt

  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: FuzzCallback
  ) -> CInt

  /// SwiftPM links executables with `main` pointing at `<module>_main`; hand over to libFuzzer.
  @_cdecl("quotegraph_fuzz_main")
  public func fuzzMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
  ) -> CInt {
    var count = argc
    var arguments = argv
    return withUnsafeMutablePointer(to: &arguments) { argumentsPointer in
      argumentsPointer.withMemoryRebound(
        to: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?.self, capacity: 1
      ) {
        runFuzzerDriver(&count, $0, fuzzOneInput)
      }
    }
  }
#else
  import Foundation

  @main
  struct FuzzReplay {
    static func main() throws {
      let paths = CommandLine.arguments.dropFirst()
      for path in paths {
        FuzzTarget.run(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
      }
      print("replayed \(paths.count) inputs without a crash")
    }
  }
#endif
