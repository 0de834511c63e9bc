// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "quotegraph",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "QuotegraphKit", targets: ["QuotegraphKit"]),
    .executable(name: "quotegraph", targets: ["quotegraph"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
  ],
  targets: [
    // System ICU behind an stdint-only header: Foundation bundles its own ICU, and ICU's
    // versioned symbol macros are invisible to Swift, so no ICU type may cross this boundary.
    .target(
      name: "CICUShim",
      linkerSettings: [
        .linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata"),
      ]
    ),
    .target(name: "ICUText", dependencies: ["CICUShim"]),
    // libarchive (tar, tar.gz, zip …) behind the same opaque, stdint-only pattern.
    .target(name: "CArchiveShim", linkerSettings: [.linkedLibrary("archive")]),
    .target(
      name: "QuotegraphKit",
      dependencies: ["ICUText", "CArchiveShim", .product(name: "Yams", package: "Yams")]
    ),
    .executableTarget(
      name: "quotegraph",
      dependencies: [
        "QuotegraphKit", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Fuzzing the reader and HTML cleaner: see README, "Fuzzing".
    .executableTarget(name: "quotegraph-fuzz", dependencies: ["QuotegraphKit"]),
    .testTarget(
      name: "QuotegraphKitTests",
      dependencies: ["QuotegraphKit", "ICUText"],
      exclude: ["Golden"]
    ),
  ]
)
