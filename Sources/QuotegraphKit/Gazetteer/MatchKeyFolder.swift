/// Folds a name or a stretch of text to the key the gazetteer matches on, so that script,
/// width and punctuation variants of one name meet: 南希•佩洛西, 南希・佩洛西 and 南希·佩洛西 all
/// become 南希·佩洛西; 韓正 becomes 韩正; ＡＰＥＣ becomes apec.
///
/// The fold maps one scalar to one scalar, so an offset in the folded text is an offset in the
/// original: the matcher can report spans without a second mapping.
public struct MatchKeyFolder: Sendable {
  /// Every middle-dot look-alike that Chinese text uses between the parts of a foreign name.
  public static let middleDotVariants: Set<Unicode.Scalar> = [
    "\u{00B7}", "\u{2022}", "\u{2027}", "\u{30FB}", "\u{FF65}", "\u{2219}", "\u{22C5}",
    "\u{0387}", "\u{16EB}", "\u{2E31}",
  ]
  public static let middleDot: Unicode.Scalar = "\u{00B7}"

  private let simplified: [Unicode.Scalar: Unicode.Scalar]

  /// - Parameter traditionalToSimplified: one simplified scalar per traditional scalar, as in
  ///   `Gazetteers/script-variants.tsv`.
  public init(traditionalToSimplified: [Unicode.Scalar: Unicode.Scalar]) {
    self.simplified = traditionalToSimplified
  }

  /// The folder for the rows of a `script-variants.tsv` table; rows whose cells are not single
  /// scalars are ignored, as the fold must keep offsets.
  public init(scriptVariants: GazetteerTable) {
    var table: [Unicode.Scalar: Unicode.Scalar] = [:]
    for row in scriptVariants.rows {
      let traditional = row["traditional"].unicodeScalars
      let simplified = row["simplified"].unicodeScalars
      guard traditional.count == 1, simplified.count == 1, let from = traditional.first,
        let to = simplified.first
      else { continue }
      table[from] = to
    }
    self.init(traditionalToSimplified: table)
  }

  /// The traditional characters of each simplified one in the BMP (罗 → 羅, 干 → 乾, 幹), in
  /// code-point order: the fold read backwards.
  public var traditionalForms: [UInt16: [UInt16]] {
    var forms: [UInt16: [UInt16]] = [:]
    for (traditional, simplified) in self.simplified
    where traditional.value <= 0xFFFF && simplified.value <= 0xFFFF && traditional != simplified {
      forms[UInt16(simplified.value), default: []].append(UInt16(traditional.value))
    }
    for key in forms.keys { forms[key]?.sort() }
    return forms
  }

  public func fold(_ text: String) -> String {
    var output = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { output.append(fold(scalar)) }
    return String(output)
  }

  /// The form a gazetteer stores a name in: like the match key, but keeping letter case.
  public func normalizedName(_ text: String) -> String {
    var output = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { output.append(fold(scalar, lowercasing: false)) }
    return String(output)
  }

  /// `fold(_:)` of every UTF-16 unit, by unit: a unit whose scalar folds outside the BMP, and
  /// a surrogate, stays itself. Made from the variants table's entries rather than by folding
  /// each of the 65,536 units (two hash lookups each, 25 M instructions at every start).
  var unitFoldTable: [UInt16] {
    // What `simplified` gives each BMP scalar, or `none`.
    let none = UInt32.max
    var variants = [UInt32](repeating: none, count: 0x10000)
    for (from, to) in simplified where from.value <= 0xFFFF {
      variants[Int(from.value)] = to.value
    }
    var table = [UInt16](repeating: 0, count: 0x10000)
    for unit in 0...0xFFFF {
      // Surrogates are no scalars: `fold` is never asked about them.
      if (0xD800...0xDFFF).contains(unit) {
        table[unit] = UInt16(unit)
        continue
      }
      var value = UInt32(unit)
      if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
      if value == 0x3000 { value = 0x20 }
      if (0x41...0x5A).contains(value) { value += 0x20 }
      let folded = variants[Int(value)] != none ? variants[Int(value)] : value
      table[unit] = folded <= 0xFFFF ? UInt16(folded) : UInt16(unit)
    }
    for dot in MatchKeyFolder.middleDotVariants where dot.value <= 0xFFFF {
      table[Int(dot.value)] = UInt16(MatchKeyFolder.middleDot.value)
    }
    return table
  }

  public func fold(_ scalar: Unicode.Scalar, lowercasing: Bool = true) -> Unicode.Scalar {
    if MatchKeyFolder.middleDotVariants.contains(scalar) { return MatchKeyFolder.middleDot }
    var value = scalar.value
    // Full-width ASCII forms (！ to ～) sit 0xFEE0 above their ASCII counterparts.
    if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
    if value == 0x3000 { value = 0x20 }
    if lowercasing && (0x41...0x5A).contains(value) { value += 0x20 }
    guard let halfWidth = Unicode.Scalar(value) else { return scalar }
    return simplified[halfWidth] ?? halfWidth
  }
}
