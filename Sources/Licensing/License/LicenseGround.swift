/// The grounds catalogue of DOMAIN.md §4.1.1: exactly these codes, each with its
/// article. 143.2.7 was repealed on 26.06.2020 and is deliberately absent.
public enum LicenseGround: String, Hashable, Sendable, Codable, CaseIterable {
    // Suspension, 143.2 (term of up to 6 months).
    case s143_2_1, s143_2_2, s143_2_3, s143_2_4, s143_2_5, s143_2_6
    /// General grounds in other laws (143.2, first sentence).
    case sGeneral
    /// The bailiff's own application on election as a deputy (143.5): no 6-month cap.
    case sDeputy143_5
    // Termination, 144.1.
    case t144_1_1, t144_1_2, t144_1_3, t144_1_4, t144_1_5, t144_1_6
    /// General grounds in other laws (144.1, first sentence).
    case tGeneral
    /// Termination on the bailiff's own application (implied by 144.5).
    case tOwnApplication
    // Deprivation by a court on the Ministry's claim, 144.2.
    case d144_2_1, d144_2_2, d144_2_3, d144_2_4, d144_2_5, d144_2_6, d144_2_7
    /// General grounds in other laws (144.2, first sentence).
    case dGeneral

    public enum Measure: String, Hashable, Sendable, Codable {
        case suspension, termination, deprivation
    }

    public var measure: Measure {
        switch rawValue.first {
        case "s": return .suspension
        case "t": return .termination
        default: return .deprivation
        }
    }

    /// "s143_2_4" → 143.2.4; general grounds cite the paragraph that admits them.
    public var article: Article {
        switch self {
        case .sGeneral: return "143.2"
        case .sDeputy143_5: return "143.5"
        case .tGeneral: return "144.1"
        case .tOwnApplication: return "144.5"
        case .dGeneral: return "144.2"
        default: return Article(rawValue.dropFirst().replacingOccurrences(of: "_", with: "."))
        }
    }

    /// Parses a code, refusing anything outside the catalogue with the article of its measure.
    public static func parse(_ code: String, for measure: Measure) throws(Rejection) -> LicenseGround {
        let basis: Article =
            switch measure {
            case .suspension: "143.2"
            case .termination: "144.1"
            case .deprivation: "144.2"
            }
        guard let ground = LicenseGround(rawValue: code) else {
            throw Rejection(
                .invalidArgument, reason: "UNKNOWN_GROUND",
                message:
                    "'\(code)' is not a ground of the catalogue; \(measure.rawValue) grounds are \(allCases.filter { $0.measure == measure }.map(\.rawValue).joined(separator: ", "))",
                article: basis, fieldViolations: [.init(field: "ground", description: "unknown ground code")])
        }
        guard ground.measure == measure else {
            throw Rejection(
                .invalidArgument, reason: "GROUND_OF_ANOTHER_MEASURE",
                message: "\(code) is a \(ground.measure.rawValue) ground, not a \(measure.rawValue) ground",
                article: basis, fieldViolations: [.init(field: "ground", description: "wrong measure")])
        }
        return ground
    }
}

extension Substring {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
