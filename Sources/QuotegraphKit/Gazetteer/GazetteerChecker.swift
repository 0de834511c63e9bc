/// What `quotegraph gazetteer check` reports: every problem in a gazetteer folder, not just the
/// first, each located at its file and line. Errors make the folder unusable (bad headers and
/// rows, malformed or duplicate ids); warnings are worth a look (one form naming two entries,
/// one id in two files).
public struct GazetteerChecker {
  public struct Finding: Sendable, Equatable, CustomStringConvertible {
    public var isError: Bool
    public var error: QuotegraphError
    public var description: String {
      isError ? error.description : error.description.replacingFirst(": ", with: ": warning: ")
    }
  }

  public static func check(directory: String) -> [Finding] {
    var findings: [Finding] = []
    var idsByFile: [String: (file: String, line: Int)] = [:]
    var formOwners: [String: [(id: String, path: String, line: Int)]] = [:]
    let files: [(GazetteerFile, String)] =
      GazetteerFile.generated.map { ($0, directory + "/" + $0.fileName) }
      + [
        GazetteerFile.people, .roles, .organizations, .places, .cues, .organizationKinds,
        .nameBoundaries, .nameEdges, .notNames, .englishNicknames, .nameTraps, .surnames,
        .titleWords, .institutionWords,
      ]
      .map { ($0, directory + "/curated/" + $0.fileName) }
    for (file, path) in files {
      guard FileIO.kind(of: path) == .file else {
        if !path.contains("/curated/") {
          findings.append(error("gazetteer.missing", "missing file", path, nil))
        }
        continue
      }
      let table: GazetteerTable
      do {
        table = try GazetteerTable.parse(
          String(decoding: try FileIO.readAll(path: path), as: UTF8.self), file: file, path: path)
      } catch {
        findings.append(Finding(isError: true, error: error))
        continue
      }
      if file == .institutionWords {
        for row in table.rows {
          do {
            _ = try EntityMatcher.institution(row: row, path: path)
          } catch {
            findings.append(Finding(isError: true, error: error))
          }
        }
      }
      guard file.columns.first == "id" else { continue }
      var linesOfID: [String: Int] = [:]
      let curated = path.contains("/curated/")
      for var row in table.rows {
        // A curated row may leave its id empty: the importer finds it by name.
        if curated && row["id"].isEmpty {
          row["id"] = file.derivedID(name: row["name"])
        }
        if let problem = decodeProblem(row, file) {
          var located = problem.located(in: path)
          located.line = located.line ?? row.line
          findings.append(Finding(isError: true, error: located))
        }
        let id = row["id"]
        if let earlier = linesOfID[id] {
          findings.append(
            error(
              "gazetteer.duplicate-id", "id \(id) is also used on line \(earlier)", path, row.line))
        }
        linesOfID[id] = row.line
        guard !curated else { continue }
        if let other = idsByFile[id], other.file != path {
          findings.append(
            warning(
              "gazetteer.id-in-two-files", "id \(id) is also in \(other.file):\(other.line)", path,
              row.line))
        }
        idsByFile[id] = (path, row.line)
        if file == .people || file == .organizations {
          for form in [row["name"]] + row.list("aliases") where form.count >= 2 {
            formOwners[form, default: []].append((id, path, row.line))
          }
        }
      }
    }
    for (form, owners) in formOwners.sorted(by: { $0.key < $1.key }) {
      let distinct = Dictionary(grouping: owners, by: \.id)
      guard distinct.count > 1, let first = owners.first else { continue }
      let others = owners.dropFirst().filter { $0.id != first.id }
        .map { "\($0.id) (\($0.path):\($0.line))" }.joined(separator: ", ")
      findings.append(
        warning(
          "gazetteer.alias-collision", "\(form) names \(first.id) and also \(others)", first.path,
          first.line))
    }
    return findings
  }

  static func decodeProblem(_ row: GazetteerRow, _ file: GazetteerFile) -> QuotegraphError? {
    do {
      switch file {
      case .people: _ = try PersonEntry(row: row)
      case .roles: _ = try RoleEntry(row: row)
      case .organizations: _ = try OrganizationEntry(row: row)
      case .places: _ = try PlaceEntry(row: row)
      case .cues: _ = try CueEntry(row: row)
      case .scriptVariants, .organizationKinds, .nameBoundaries, .nameEdges, .notNames,
        .englishNicknames, .nameModel,
        .nameTraps,
        .surnames, .titleWords, .commonWords, .readings, .nameClassifier, .institutionWords:
        break
      }
      return nil
    } catch {
      return error
    }
  }

  private static func error(_ code: String, _ message: String, _ path: String, _ line: Int?)
    -> Finding
  {
    Finding(isError: true, error: QuotegraphError(code, message, file: path, line: line))
  }

  private static func warning(_ code: String, _ message: String, _ path: String, _ line: Int?)
    -> Finding
  {
    Finding(isError: false, error: QuotegraphError(code, message, file: path, line: line))
  }
}

extension String {
  func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let range = firstRange(of: target) else { return self }
    return replacingCharacters(in: range, with: replacement)
  }
}
