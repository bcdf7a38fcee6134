// swift-tools-version:6.1
import PackageDescription

// Upcoming features worth having everywhere (see STYLE.md, "Package hygiene").
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "bailiff-registry",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Enforcement", targets: ["Enforcement"]),
        .library(name: "Licensing", targets: ["Licensing"]),
        .library(name: "RegistryClient", targets: ["RegistryClient"]),
        .executable(name: "registryd", targets: ["registryd"]),
        .executable(name: "registry-admin", targets: ["registry-admin"]),
        .executable(name: "registry-bench", targets: ["registry-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", exact: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", exact: "2.37.6"),
        .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-protobuf.git", exact: "1.39.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", exact: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "4.5.2"),
        .package(url: "https://github.com/apple/swift-asn1.git", exact: "1.7.4"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", exact: "2.13.0"),
    ],
    targets: [
        // Pure domain: Foundation only.
        .target(name: "Enforcement", swiftSettings: swiftSettings),
        .target(name: "Licensing", dependencies: ["Enforcement"], swiftSettings: swiftSettings),

        // Storage edge.
        .target(
            name: "RegistryStore",
            dependencies: [
                "Licensing", "Enforcement",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/kazakhstan-working-calendar.json"), .copy("Resources/mci-rates.json")],
            swiftSettings: swiftSettings
        ),
        // Use cases and authorization.
        .target(
            name: "RegistryService",
            dependencies: [
                "RegistryStore", "Licensing", "Enforcement",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Protocol: framing, generated messages, method table, status codes.
        .target(
            name: "RegistryWire",
            dependencies: [
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // Certificates: identity URI scheme, development PKI generation.
        .target(
            name: "RegistryPKI",
            dependencies: [
                "Enforcement",
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RegistryServer",
            dependencies: [
                "RegistryService", "RegistryWire", "RegistryPKI", "RegistryStore", "Licensing", "Enforcement",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RegistryClient",
            dependencies: [
                "RegistryWire",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "registryd",
            dependencies: [
                "RegistryServer", "RegistryPKI", "RegistryStore", "RegistryService", "RegistryWire", "Enforcement",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "registry-admin",
            dependencies: [
                "RegistryClient", "RegistryWire", "RegistryStore", "RegistryPKI", "Licensing", "Enforcement",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            path: "Admin",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "registry-bench",
            dependencies: [
                "RegistryClient", "RegistryWire", "RegistryPKI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            path: "Benchmarks/registry-bench",
            swiftSettings: swiftSettings
        ),

        .testTarget(name: "LicensingTests", dependencies: ["Licensing", "Enforcement"], swiftSettings: swiftSettings),
        .testTarget(name: "EnforcementTests", dependencies: ["Enforcement"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RegistryWireTests",
            dependencies: [
                "RegistryWire",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RegistryServerTests",
            dependencies: [
                "RegistryServer", "RegistryService", "RegistryWire", "Enforcement",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RegistryPKITests",
            dependencies: ["RegistryPKI", .product(name: "X509", package: "swift-certificates"), .product(name: "SwiftASN1", package: "swift-asn1")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RegistryStoreTests",
            dependencies: ["RegistryStore", "Licensing", "Enforcement", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "RegistryServer", "RegistryClient", "RegistryPKI", "RegistryStore", "RegistryService", "RegistryWire", "Licensing", "Enforcement",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // libFuzzer targets, built and run by scripts/fuzz (-sanitize=fuzzer,address -parse-as-library);
        // an ordinary build makes them executables that do nothing.
        .target(name: "FuzzSupport", path: "Tests/Fuzz/FuzzSupport", swiftSettings: swiftSettings),
        .executableTarget(
            name: "FuzzConnection",
            dependencies: [
                "FuzzSupport", "RegistryServer", "RegistryService", "RegistryWire",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            path: "Tests/Fuzz/FuzzConnection", swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "FuzzDispatch",
            dependencies: [
                "FuzzSupport", "RegistryServer", "RegistryService", "RegistryStore", "RegistryPKI", "RegistryWire", "Enforcement",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            path: "Tests/Fuzz/FuzzDispatch", swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
