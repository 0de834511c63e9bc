/// A force-directed layout (Fruchterman–Reingold) with a seeded start and a fixed number of
/// rounds, so the same graph always gets the same picture: only IEEE arithmetic and square
/// roots, no clock, no system randomness, coordinates rounded to a tenth.
struct NetworkLayout {
  let width = 960.0
  let height = 640.0
  /// Room left around the drawing for node labels.
  let margin = (x: 80.0, y: 40.0)
  private(set) var positions: [(x: Double, y: Double)] = []

  /// - Parameter edges: node indexes and a weight; heavier edges pull harder.
  init(nodeCount: Int, edges: [(Int, Int, Double)], rounds: Int = 300) {
    guard nodeCount > 0 else { return }
    var random = SplitMix64(seed: 0x5155_4f54_4547_5241)
    var points = (0..<nodeCount).map { _ in
      (x: random.unit() * width, y: random.unit() * height)
    }
    let k = (width * height / Double(nodeCount)).squareRoot() * 0.8
    let center = (x: width / 2, y: height / 2)
    var temperature = width / 10
    for _ in 0..<rounds {
      var shift = [(x: Double, y: Double)](repeating: (0, 0), count: nodeCount)
      for i in 0..<nodeCount {
        for j in (i + 1)..<nodeCount {
          var dx = points[i].x - points[j].x
          var dy = points[i].y - points[j].y
          if dx == 0 && dy == 0 { (dx, dy) = (0.01 * Double(i - j), 0.01) }
          let distanceSquared = max(dx * dx + dy * dy, 0.01)
          // Beyond a few ideal distances nodes ignore each other, so that groups without ties
          // stay near the middle rather than pushing each other to the walls.
          if distanceSquared > 9 * k * k { continue }
          let push = k * k / distanceSquared
          shift[i].x += dx * push
          shift[i].y += dy * push
          shift[j].x -= dx * push
          shift[j].y -= dy * push
        }
      }
      for (a, b, weight) in edges where a != b && a < nodeCount && b < nodeCount {
        let dx = points[a].x - points[b].x
        let dy = points[a].y - points[b].y
        let distance = (dx * dx + dy * dy).squareRoot()
        let pull = distance / k * min(1 + weight.squareRoot() / 2, 3)
        shift[a].x -= dx * pull
        shift[a].y -= dy * pull
        shift[b].x += dx * pull
        shift[b].y += dy * pull
      }
      for i in 0..<nodeCount {
        // A little gravity keeps speakers without ties from drifting to the walls.
        shift[i].x += (center.x - points[i].x) * 0.04
        shift[i].y += (center.y - points[i].y) * 0.04
        let length = (shift[i].x * shift[i].x + shift[i].y * shift[i].y).squareRoot()
        if length > 0 {
          let step = min(length, temperature) / length
          points[i].x = min(max(points[i].x + shift[i].x * step, 0), width)
          points[i].y = min(max(points[i].y + shift[i].y * step, 0), height)
        }
      }
      temperature = max(temperature * 0.985, 1)
    }
    positions = fitted(points)
  }

  /// Scales the points to fill the box inside the margins, rounded to a tenth.
  private func fitted(_ points: [(x: Double, y: Double)]) -> [(x: Double, y: Double)] {
    let xs = points.map(\.x)
    let ys = points.map(\.y)
    let (minX, maxX, minY, maxY) = (xs.min()!, xs.max()!, ys.min()!, ys.max()!)
    func scale(_ value: Double, _ low: Double, _ high: Double, _ size: Double, _ margin: Double)
      -> Double
    {
      let scaled =
        high - low < 1 ? size / 2 : margin + (value - low) / (high - low) * (size - 2 * margin)
      return (scaled * 10).rounded() / 10
    }
    return points.map {
      (scale($0.x, minX, maxX, width, margin.x), scale($0.y, minY, maxY, height, margin.y))
    }
  }
}

/// SplitMix64: a tiny seeded generator, the same numbers on every platform (the layout's, and
/// the property tests', whose failures replay).
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in [0, 1).
  mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
