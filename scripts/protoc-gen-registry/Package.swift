// swift-tools-version:6.1
// Build-time only: the protoc plugin that turns the `service` blocks of
// Protocols/*.proto into method descriptors, server handler protocols and client
// stubs. Kept out of the main package so that neither CI nor a normal build pays
// for SwiftProtobufPluginLibrary. Run through scripts/generate-protos.
import PackageDescription

let package = Package(
    name: "protoc-gen-registry",
    dependencies: [
        .package(url: "https://github.com/apple/swift-protobuf.git", exact: "1.39.0"),
    ],
    targets: [
        .executableTarget(
            name: "protoc-gen-registry",
            dependencies: [.product(name: "SwiftProtobufPluginLibrary", package: "swift-protobuf")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
