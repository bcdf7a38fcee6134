/// What a person's name may not contain: characters that do not show, or change how the
/// rest shows, so two names that read alike would be stored apart (issue 12.5). Control
/// characters, the bidirectional embeddings, overrides, isolates and marks, and the
/// zero-width and other invisible format characters.
public enum NameCharacters {
    /// The first character of `name` that a name may not hold, described for the caller.
    public static func problem(in name: String) -> String? {
        for scalar in name.unicodeScalars {
            let code = scalar.value
            let what: String? =
                switch code {
                case 0x00: "NUL"
                case 0x01...0x1F, 0x7F...0x9F: "the control character"
                case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: "the bidirectional control"
                case 0x200B...0x200D, 0x2060...0x2064, 0xFEFF, 0x00AD, 0x180E, 0x034F: "the invisible character"
                default: nil
                }
            if let what { return "contains \(what) U+\(hex(code))" }
        }
        return nil
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
