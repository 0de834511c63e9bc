/// What the article's header says about it: where it came from, its title and date.
public struct Article: Equatable, Sendable {
  /// The input path as given (or `-` for standard input).
  public var source: String
  public var url: String
  public var title: String
  /// ISO 8601 UTC, e.g. `2023-07-19T08:45:09Z`.
  public var published: String
  /// The outlet named by the front matter's categories or tags (法广, 路透 …), when present.
  public var outlet: String?
  /// A byline from the front matter's `author`, when it differs from the outlet.
  public var author: String?
  /// The front matter's `from:` URL, when present.
  public var fromURL: String?
  /// The charset the file was decoded from (`UTF-8`, `GB18030`, `Big5`).
  public var encoding: String
  /// Which header layout the file used.
  public var layout: Layout
  /// The 1-based line where the HTML body starts in the file.
  public var bodyLine: Int

  public enum Layout: String, Sendable {
    /// `<!--ms-->`, `[title](url)`, `------`, body.
    case exact
    /// Jekyll front matter followed by the exact layout.
    case frontMatter = "front-matter"
    /// Jekyll front matter followed directly by HTML (Nei.st).
    case frontMatterOnly = "front-matter-only"
  }

  public init(
    source: String, url: String, title: String, published: String, outlet: String? = nil,
    author: String? = nil, fromURL: String? = nil, encoding: String = "UTF-8",
    layout: Layout = .exact, bodyLine: Int = 1
  ) {
    self.source = source
    self.url = url
    self.title = title
    self.published = published
    self.outlet = outlet
    self.author = author
    self.fromURL = fromURL
    self.encoding = encoding
    self.layout = layout
    self.bodyLine = bodyLine
  }
}
