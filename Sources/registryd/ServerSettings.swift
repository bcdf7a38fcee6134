import Foundation
import RegistryPKI
import RegistryServer
import RegistryWire

/// Where registryd keeps its data and which TLS material it serves with,
/// resolved from flags, the environment and a config file, in that order.
struct ServerSettings {
    var dataFolder: String
    var host: String
    var port: Int
    var tls: TLSMaterial
    /// The TLS files, re-read on SIGHUP; the audit signing key is kept beside `keyFile`.
    var certificateFile: String
    var keyFile: String
    var caFile: String
    var revocationListFile: String?

    var databasePath: String { URL(fileURLWithPath: dataFolder).appendingPathComponent("registry.sqlite").path }

    struct Values: Decodable {
        var data: String?
        var cert: String?
        var key: String?
        var ca: String?
        var crl: String?
        var host: String?
        var port: Int?

        /// Fills what `self` lacks from `other`.
        func orElse(_ other: Values) -> Values {
            Values(
                data: data ?? other.data, cert: cert ?? other.cert, key: key ?? other.key, ca: ca ?? other.ca,
                crl: crl ?? other.crl, host: host ?? other.host, port: port ?? other.port)
        }
    }

    static let defaultDevFolder = "registry-data"

    static func resolve(dev: Bool, configFile: String?, flags: Values, environment: [String: String]) throws -> ServerSettings {
        let env = Values(
            data: environment["REGISTRYD_DATA"], cert: environment["REGISTRYD_CERT"], key: environment["REGISTRYD_KEY"],
            ca: environment["REGISTRYD_CA"], crl: environment["REGISTRYD_CLIENT_CRL"], host: environment["REGISTRYD_HOST"],
            port: environment["REGISTRYD_PORT"].flatMap { Int($0) }
        )
        var file = Values()
        if let configFile {
            guard let data = FileManager.default.contents(atPath: configFile) else {
                throw ConfigurationError("cannot read config file '\(configFile)'")
            }
            do {
                file = try JSONDecoder().decode(Values.self, from: data)
            } catch {
                throw ConfigurationError(
                    "config file '\(configFile)' is not valid JSON with keys data, cert, key, ca, crl, host, port: \(error)")
            }
        }
        var values = flags.orElse(env).orElse(file)
        let host = values.host ?? "127.0.0.1"
        let port = values.port ?? ProtocolConstants.defaultPort
        guard (0...65535).contains(port) else { throw ConfigurationError("port \(port) is out of range") }

        if dev {
            let folder = values.data ?? defaultDevFolder
            try createFolder(folder)
            let layout = DevelopmentPKILayout(dataFolder: URL(fileURLWithPath: folder))
            try layout.ensure()
            values.cert = values.cert ?? layout.serverCertificate.path
            values.key = values.key ?? layout.serverKey.path
            values.ca = values.ca ?? layout.caCertificate.path
            values.data = folder
        }

        let missing = [
            ("data folder", "--data / REGISTRYD_DATA", values.data), ("server certificate", "--cert / REGISTRYD_CERT", values.cert),
            ("server key", "--key / REGISTRYD_KEY", values.key), ("client CA", "--ca / REGISTRYD_CA", values.ca),
        ]
        .filter { $0.2 == nil }
        guard missing.isEmpty else {
            throw ConfigurationError(
                "missing " + missing.map { "\($0.0) (\($0.1))" }.joined(separator: ", ")
                    + "; give them, or run with --dev for embedded development defaults")
        }
        let folder = values.data!
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ConfigurationError("data folder '\(folder)' does not exist or is not a folder")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw ConfigurationError("data folder '\(folder)' is not writable")
        }
        // It holds convictions and health registrations: the owner only, whatever the umask.
        do {
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder)
        } catch {
            throw ConfigurationError("cannot restrict data folder '\(folder)' to its owner (mode 0700): \(error.localizedDescription)")
        }
        let tls = try TLSMaterial(certificateFile: values.cert!, keyFile: values.key!, caFile: values.ca!, revocationListFile: values.crl)
        return ServerSettings(
            dataFolder: folder, host: host, port: port, tls: tls,
            certificateFile: values.cert!, keyFile: values.key!, caFile: values.ca!, revocationListFile: values.crl)
    }

    private static func createFolder(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw ConfigurationError("cannot create data folder '\(path)': \(error.localizedDescription)")
        }
    }
}
