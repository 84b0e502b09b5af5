// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Attendant",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "Attendant", targets: ["Attendant"]),
    .executable(name: "attendant", targets: ["AttendantCLI"]),
  ],
  targets: [
    .target(name: "Attendant"),
    .executableTarget(name: "AttendantCLI", dependencies: ["Attendant"]),
    .testTarget(
      name: "AttendantTests",
      dependencies: ["Attendant", "AttendantCLI"],
      exclude: ["Fixtures"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
