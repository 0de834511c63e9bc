/// Calendar arithmetic for the dates article headers carry, without Foundation's formatters
/// (which differ between platforms): epoch milliseconds, ISO 8601 and RFC 2822.
public enum Timestamp {
  /// `1689756309000` → `2023-07-19T08:45:09Z`. Sub-second digits are dropped.
  public static func iso8601(epochMilliseconds: Int64) -> String {
    iso8601(
      epochSeconds: epochMilliseconds >= 0
        ? epochMilliseconds / 1000 : (epochMilliseconds - 999) / 1000)
  }

  public static func iso8601(epochSeconds: Int64) -> String {
    let days = epochSeconds >= 0 ? epochSeconds / 86_400 : (epochSeconds - 86_399) / 86_400
    let secondsOfDay = epochSeconds - days * 86_400
    let (year, month, day) = civilDate(fromDays: days)
    let hour = secondsOfDay / 3600
    let minute = secondsOfDay % 3600 / 60
    let second = secondsOfDay % 60
    return
      "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))Z"
  }

  /// Parses `2020-07-22T10:55:23.000Z`, `2020-04-12T09:58:18+01:00`, `2020-07-22 10:55:23 +0800`
  /// or a bare `2020-07-22`; returns epoch seconds.
  public static func parseISO8601(_ text: String) -> Int64? {
    let chars = Array(text.trimmingASCIISpaces().utf8)
    var index = 0
    func number(_ digits: Int) -> Int64? {
      guard index + digits <= chars.count else { return nil }
      var value: Int64 = 0
      for c in chars[index..<(index + digits)] {
        guard c >= 0x30 && c <= 0x39 else { return nil }
        value = value * 10 + Int64(c - 0x30)
      }
      index += digits
      return value
    }
    func expect(_ c: UInt8) -> Bool {
      guard index < chars.count, chars[index] == c else { return false }
      index += 1
      return true
    }
    guard let year = number(4), expect(0x2D), let month = number(2), expect(0x2D),
      let day = number(2), (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    var seconds = days(fromCivilYear: year, month: month, day: day) * 86_400
    if index == chars.count { return seconds }
    guard expect(0x54) || expect(0x20), let hour = number(2), expect(0x3A), let minute = number(2),
      hour < 24, minute < 60
    else { return nil }
    seconds += hour * 3600 + minute * 60
    if expect(0x3A) {
      guard let second = number(2), second < 61 else { return nil }
      seconds += second
      if expect(0x2E) {
        while index < chars.count, chars[index] >= 0x30 && chars[index] <= 0x39 { index += 1 }
      }
    }
    _ = expect(0x20)
    if index == chars.count || expect(0x5A) { return index == chars.count ? seconds : nil }
    guard let offset = parseOffset(chars[index...]) else { return nil }
    return seconds - offset
  }

  /// Parses RFC 2822 dates such as `Thu, 02 Jul 2020 18:28:24 +0000` or `... GMT`.
  public static func parseRFC2822(_ text: String) -> Int64? {
    let months = [
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    var parts = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
    if let first = parts.first, Int(first) == nil { parts.removeFirst() }
    guard parts.count >= 4, let day = Int64(parts[0]),
      let monthIndex = months.firstIndex(of: parts[1].prefix(3).lowercased()),
      let year = Int64(parts[2])
    else { return nil }
    let time = parts[3].split(separator: ":").compactMap { Int64($0) }
    guard time.count >= 2, time[0] < 24, time[1] < 60 else { return nil }
    var seconds = days(fromCivilYear: year, month: Int64(monthIndex + 1), day: day) * 86_400
    seconds += time[0] * 3600 + time[1] * 60 + (time.count > 2 ? time[2] : 0)
    if parts.count > 4, let offset = parseOffset(Array(parts[4].utf8)[...]) { seconds -= offset }
    return seconds
  }

  /// `+01:00`, `+0100`, `-05` → seconds east of UTC; `GMT`/`UTC`/`Z` → 0.
  private static func parseOffset(_ chars: ArraySlice<UInt8>) -> Int64? {
    let text = String(decoding: chars, as: UTF8.self)
    if ["Z", "GMT", "UTC", "UT"].contains(text) { return 0 }
    guard let sign = chars.first, sign == 0x2B || sign == 0x2D else { return nil }
    let digits = text.dropFirst().filter { $0 != ":" }
    guard digits.count == 2 || digits.count == 4, let value = Int64(digits) else { return nil }
    let hours = digits.count == 2 ? value : value / 100
    let minutes = digits.count == 2 ? 0 : value % 100
    let offset = hours * 3600 + minutes * 60
    return sign == 0x2B ? offset : -offset
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
  static func days(fromCivilYear year: Int64, month: Int64, day: Int64) -> Int64 {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  static func civilDate(fromDays days: Int64) -> (Int64, Int64, Int64) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  private static func pad(_ value: Int64, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width
      ? digits : String(repeating: "0", count: width - digits.count) + digits
  }
}
