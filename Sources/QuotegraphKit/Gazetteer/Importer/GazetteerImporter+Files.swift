import ICUText

extension GazetteerImporter {
  /// Reads the curated tables of `directory/curated/` that exist.
  public static func readCurated(directory: String) throws(QuotegraphError)
    -> [GazetteerFile: GazetteerTable]
  {
    var tables: [GazetteerFile: GazetteerTable] = [:]
    for file in GazetteerFile.allCases where file != .scriptVariants {
      let path = directory + "/curated/" + file.fileName
      guard FileIO.kind(of: path) == .file else { continue }
      let text = String(decoding: try FileIO.readAll(path: path), as: UTF8.self)
      tables[file] = try GazetteerTable.parse(text, file: file, path: path)
    }
    return tables
  }

  /// ICU's `Simplified-Traditional`, or the identity if ICU lacks the transform.
  public static func icuTraditional() -> (String) -> String {
    guard let transliterator = try? Transliterator("Simplified-Traditional") else { return { $0 } }
    return { (try? transliterator.apply($0)) ?? $0 }
  }

  /// The whole import: reads `sourceDirectory` and `gazetteerDirectory/curated/`, writes the
  /// generated tables into `gazetteerDirectory`, and returns the notes for the user.
  public static func importFiles(from sourceDirectory: String, to gazetteerDirectory: String)
    throws(QuotegraphError) -> [String]
  {
    let importer = GazetteerImporter(
      sources: try GazetteerSources.read(directory: sourceDirectory),
      curated: try readCurated(directory: gazetteerDirectory), traditional: icuTraditional())
    let result = importer.run()
    for file in GazetteerFile.generated {
      guard let table = result.tables[file] else { continue }
      let output = try OutputFile(creating: gazetteerDirectory + "/" + file.fileName)
      defer { output.close() }
      try output.write(table.serialized())
    }
    return result.notes
  }
}
