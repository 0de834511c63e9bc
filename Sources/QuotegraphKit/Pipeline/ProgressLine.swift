/// The live line on a terminal during `extract`: files done of total, throughput, time left and
/// errors so far. Pure: the command decides when and where to draw it.
public struct ProgressLine: Sendable {
  public var done = 0
  /// Nil while archives or standard input make the total unknown.
  public var total: Int?
  public var bytes = 0
  public var errors = 0
  public var seconds = 0.0

  public init(total: Int?) {
    self.total = total
  }

  public func render() -> String {
    var parts: [String] = []
    parts.append(total.map { "\(done)/\($0) files" } ?? "\(done) files")
    let rate = seconds > 0 ? Double(bytes) / 1e6 / seconds : 0
    parts.append(ProgressLine.fixed(rate, 1) + " MB/s")
    if let total, done > 0, done < total, seconds > 0 {
      let remaining = seconds / Double(done) * Double(total - done)
      parts.append("ETA " + ProgressLine.duration(remaining))
    }
    parts.append("\(errors) error\(errors == 1 ? "" : "s")")
    return parts.joined(separator: " · ")
  }

  static func duration(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded(.up))
    if whole >= 3600 { return "\(whole / 3600)h\(pad(whole % 3600 / 60))m" }
    if whole >= 60 { return "\(whole / 60)m\(pad(whole % 60))s" }
    return "\(whole)s"
  }

  static func fixed(_ value: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = Int((value * scale).rounded())
    let whole = scaled / Int(scale)
    let fraction = String(scaled % Int(scale))
    return digits == 0
      ? "\(whole)" : "\(whole)." + String(repeating: "0", count: digits - fraction.count) + fraction
  }

  private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
