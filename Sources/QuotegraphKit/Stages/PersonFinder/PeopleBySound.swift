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
    case person(Int, forms: [String])
    case shared
  }

  private let people: [PersonEntry]
  private let entries: [String: Entry]
  private let readings: [UInt16: [String]]

  /// The most readings combined for one name: a name of characters with several readings each
  /// (行, 长) is looked up under at most this many sounds.
  static let maximumSounds = 16

  public init(people: [PersonEntry], readings: [UInt16: [String]]) {
    self.people = people
    self.readings = readings
    var entries: [String: Entry] = [:]
    for (index, person) in people.enumerated() {
      for form in [person.name] + person.aliases + person.shortForms {
        for sound in PeopleBySound.sounds(of: form, readings: readings) {
          switch entries[sound] {
          case nil: entries[sound] = .person(index, forms: [form])
          case .person(let other, var forms) where other == index:
            if !forms.contains(form) { forms.append(form) }
            entries[sound] = .person(index, forms: forms)
          case .person, .shared: entries[sound] = .shared
          }
        }
      }
    }
    self.entries = entries
  }

  /// The one person whose name, alias or short form sounds as `name` does, with those forms.
  public func match(soundingAs name: String) -> Match? {
    var found: (index: Int, forms: [String])?
    for sound in PeopleBySound.sounds(of: name, readings: readings) {
      switch entries[sound] {
      case nil: continue
      case .shared: return nil
      case .person(let index, let forms):
        if let known = found, known.index != index { return nil }
        found = (index, (found?.forms ?? []) + forms.filter { !(found?.forms ?? []).contains($0) })
      }
    }
    return found.map { Match(person: people[$0.index], forms: $0.forms) }
  }

  /// The sounds of `name`: one reading per character, joined by spaces, over every combination
  /// up to `maximumSounds`; none when the name has fewer than three characters besides its dots
  /// and dashes, or a character without a reading.
  static func sounds(of name: String, readings: [UInt16: [String]]) -> [String] {
    var sounds = [""]
    var count = 0
    for unit in name.utf16 where !unit.isNameJoiner {
      guard let options = readings[unit] else { return [] }
      count += 1
      sounds = Array(
        sounds.lazy.flatMap { sound in options.lazy.map { sound.isEmpty ? $0 : sound + " " + $0 } }
          .prefix(PeopleBySound.maximumSounds))
    }
    return count >= 3 ? sounds : []
  }

  /// The table of the gazetteer folder `directory` (its people and `readings.tsv`), made once
  /// for all the stages built in `context`; empty when the folder has no `readings.tsv`.
  public static func load(directory: String, sharedIn context: StageContext)
    throws(QuotegraphError) -> PeopleBySound
  {
    let path = directory + "/" + GazetteerFile.readings.fileName
    var readings: [UInt16: [String]] = [:]
    if FileIO.kind(of: path) == .file {
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
    }
    return try Gazetteer.derived("PeopleBySound", directory: directory, sharedIn: context) {
      PeopleBySound(people: $0.people, readings: readings)
    }
  }
}
