// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "claimscore",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "claimscore", targets: ["claimscore"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(name: "CFastCGI", pkgConfig: "fcgi", providers: [.apt(["libfcgi-dev"])]),
        .systemLibrary(name: "CMariaDB", pkgConfig: "libmariadb", providers: [.apt(["libmariadb-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "Common", dependencies: [.product(name: "Logging", package: "swift-log")]),
        .target(name: "JSON"),
        .target(name: "HTTP", dependencies: ["JSON"]),
        .target(
            name: "FastCGI",
            dependencies: ["CFastCGI", "HTTP", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "Database",
            dependencies: [
                "CMariaDB",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Scoring", dependencies: ["Common"],
            resources: [.embedInCode("Resources/disposable-email-domains.txt")]),
        .target(
            name: "Webhooks",
            dependencies: [
                "Common", "JSON", "Database", "Tenancy", "CCurl",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Tenancy",
            dependencies: ["Database", "Scoring", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "Claims",
            dependencies: [
                "Common", "JSON", "Database", "Scoring", "Tenancy", "Webhooks",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "API",
            dependencies: [
                "Common", "JSON", "HTTP", "Database", "Tenancy", "Scoring", "Webhooks", "Claims",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.embedInCode("Resources/openapi.json")]
        ),
        .target(
            name: "Portal",
            dependencies: [
                "Common", "JSON", "HTTP", "Database", "Tenancy", "Webhooks", "Claims", "Scoring",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "App",
            dependencies: [
                "HTTP", "FastCGI", "Database", "API", "Claims", "Portal", "Webhooks",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ClaimScoreCLI",
            dependencies: [
                "App", "API", "Claims", "Database", "FastCGI", "Portal", "Scoring", "Tenancy", "Webhooks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "claimscore",
            dependencies: ["ClaimScoreCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .target(name: "TestSupport", dependencies: ["Database"], path: "Tests/TestSupport"),
        .testTarget(name: "CommonTests", dependencies: ["Common"]),
        .testTarget(name: "JSONTests", dependencies: ["JSON", "TestSupport"]),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP", "JSON", "TestSupport"]),
        .testTarget(
            name: "FastCGITests",
            dependencies: ["FastCGI", "HTTP", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(
            name: "DatabaseTests",
            dependencies: ["Database", "TestSupport", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "ScoringTests", dependencies: ["Scoring"]),
        .testTarget(name: "WebhooksTests", dependencies: ["Webhooks", "TestSupport"]),
        .testTarget(name: "AppTests", dependencies: ["API", "App", "HTTP"]),
        .testTarget(name: "TenancyTests", dependencies: ["Tenancy", "TestSupport"]),
        .testTarget(name: "APITests", dependencies: ["API", "Claims", "HTTP", "Scoring", "TestSupport"]),
        .testTarget(name: "ClaimReviewTests", dependencies: ["Claims", "HTTP", "Scoring", "TestSupport"]),
        .testTarget(name: "IntegrationTests", dependencies: ["TestSupport", "Tenancy", "Database"]),
        .testTarget(
            name: "WebhookDeliveryTests",
            dependencies: ["Webhooks", "Database", "TestSupport", "Tenancy", "HTTP", "Portal"],
            exclude: ["receiver.py"]),
        .testTarget(
            name: "PortalTests",
            dependencies: [
                "Portal", "Tenancy", "HTTP", "Claims", "ClaimScoreCLI", "Database", "Webhooks", "TestSupport",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(
            name: "PortalIntegrationTests",
            dependencies: ["Portal", "Tenancy", "Webhooks", "Database", "ClaimScoreCLI", "TestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
