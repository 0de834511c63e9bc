/// The gazetteer's people by how their names sound, for the other spellings news give foreign
/// names: 佩洛希 and 佩罗西 sound as 佩洛西 (Nancy Pelosi) does, 彭佩奥 as 蓬佩奥, 麦克·彭斯 as
/// 迈克·彭斯. A sound is the toneless pinyin of the name's characters (`readings.tsv`, dots left
/// out), in every reading of each; names of fewer than three characters have none, and a sound
/// two people's names share names neither. Which people a discovered name may be linked to by
/// sound (prominent, foreign) is the person finder's to say: Chinese names that sound alike
/// are as often two people (王以铭, 王怡明).
public struct PeopleBySound: Sendable {
  /// A sound's person, and the forms of the name that sound so.
  public struct Match: Sendable {
    public var person: PersonEntry
    public var forms: [String]
  }

  private enum Entry: Sendable {
    case person(Int32, forms: [String])
    case shared
  }

  private let people: [PersonEntry]
  /// By sound: a 64-bit FNV-1a hash of the readings' numbers (a String a sound cost 400 M
  /// instructions at start-up for the gazetteer's 60,000 forms).
  private let entries: [UInt64: Entry]
  /// Each character's readings, as numbers of `readingNames` (none for most units).
  private let readings: [[UInt16]]

  /// The most readings combined for one name: a name of characters with several readings each
  /// (行, 长) is looked up under at most this many sounds.
  static let maximumSounds = 16

  /// `readings`: each character's readings in toneless pinyin (佩 → [pei]).
  public init(people: [PersonEntry], readings: [UInt16: [String]]) {
    self.people = people
    var numbers: [String: UInt16] = [:]
    var table = [[UInt16]](repeating: [], count: 1 << 16)
    for (unit, names) in readings {
      table[Int(unit)] = names.map { name in
        if let number = numbers[name] { return number }
        let number = UInt16(numbers.count + 1)
        numbers[name] = number
        return number
      }
    }
    self.readings = table
    var entries: [UInt64: Entry] = [:]
    for (index, person) in people.enumerated() {
      for form in [person.name] + person.aliases + person.shortForms {
        for sound in PeopleBySound.sounds(of: form, readings: table) {
          switch entries[sound] {
          case nil: entries[sound] = .person(Int32(index), forms: [form])
          case .person(let other, var forms) where other == Int32(index):
            if !forms.contains(form) { forms.append(form) }
            entries[sound] = .person(other, forms: forms)
          case .person, .shared: entries[sound] = .shared
          }
        }
      }
    }
    self.entries = entries
  }

  /// The one person whose name, alias or short form sounds as `name` does, with those forms.
  public func match(soundingAs name: String) -> Match? {
    var found: (index: Int32, forms: [String])?
    for sound in PeopleBySound.sounds(of: name, readings: readings) {
      switch entries[sound] {
      case nil: continue
      case .shared: return nil
      case .person(let index, let forms):
        if let known = found, known.index != index { return nil }
        found = (index, (found?.forms ?? []) + forms.filter { !(found?.forms ?? []).contains($0) })
      }
    }
    return found.map { Match(person: people[Int($0.index)], forms: $0.forms) }
  }

  /// The sounds of `name`: one reading per character, over every combination up to
  /// `maximumSounds`, each hashed; none when the name has fewer than three characters besides
  /// its dots and dashes, or a character without a reading.
  static func sounds(of name: String, readings: [[UInt16]]) -> [UInt64] {
    var sounds: [UInt64] = [0xcbf2_9ce4_8422_2325]
    var count = 0
    for unit in name.utf16 where !unit.isNameJoiner {
      let options = readings[Int(unit)]
      guard !options.isEmpty else { return [] }
      count += 1
      if options.count == 1 {
        for index in sounds.indices { sounds[index] = mix(sounds[index], options[0]) }
        continue
      }
      var next: [UInt64] = []
      next.reserveCapacity(min(maximumSounds, sounds.count * options.count))
      for sound in sounds {
        for option in options where next.count < maximumSounds { next.append(mix(sound, option)) }
      }
      sounds = next
    }
    return count >= 3 ? sounds : []
  }

  /// One reading's number folded into a sound's FNV-1a hash, a byte at a time.
  @inline(__always)
  static func mix(_ hash: UInt64, _ reading: UInt16) -> UInt64 {
    var hash = (hash ^ UInt64(reading & 0xFF)) &* 0x0000_0100_0000_01B3
    hash = (hash ^ UInt64(reading >> 8)) &* 0x0000_0100_0000_01B3
    return hash
  }

  /// The table of the gazetteer folder `directory` (its people and `readings.tsv`), made once
  /// for all the stages built in `context`; empty when the folder has no `readings.tsv`.
  public static func load(directory: String, sharedIn context: StageContext)
    throws(QuotegraphError) -> PeopleBySound
  {
    try context.shared.value("PeopleBySound:" + directory) { () throws(QuotegraphError) in
      PeopleBySound(
        people: try Gazetteer.load(directory: directory, sharedIn: context).people,
        readings: try readings(directory: directory))
    }
  }

  /// The readings of `readings.tsv` in `directory`, by character; none without the file.
  static func readings(directory: String) throws(QuotegraphError) -> [UInt16: [String]] {
    let path = directory + "/" + GazetteerFile.readings.fileName
    var readings: [UInt16: [String]] = [:]
    guard FileIO.kind(of: path) == .file else { return readings }
    let table = try GazetteerTable.parse(
      bytes: try FileIO.readAll(path: path), file: .readings, path: path)
    for row in table.rows {
      let character = Array(row["character"].utf16)
      let options = row["readings"].split(separator: "|").map(String.init)
      guard character.count == 1, !options.isEmpty else {
        throw QuotegraphError(
          "gazetteer.bad-row",
          "expected one character of the BMP and its readings, found \"\(row["character"])\"",
          file: path, line: row.line)
      }
      readings[character[0]] = options
    }
    return readings
  }
}
