import ArgumentParser
import RegistryWire

/// The representation a decision answers: a proposal submitted through the registry
/// (its id), or a paper one (its author and document reference).
struct ProposalOptions: ParsableArguments {
    @Option(help: "Id of a proposal submitted with `proposal submit`, which this decision accepts.") var proposalId: Int64?
    @Option(help: "Or: author of a paper proposal: territorial-body, republican-chamber, regional-chamber, prosecutor.") var proposalBy:
        String?
    @Option(help: "Reference of the paper proposal document.") var proposal: String?

    static let authors: [String: WireProposalAuthor] = [
        "territorial-body": .territorialBody, "republican-chamber": .republicanChamber,
        "regional-chamber": .regionalChamber, "prosecutor": .prosecutor,
    ]

    /// The id and the reference as the request carries them; nil/empty when none was given.
    /// `required` names the article that makes a proposal mandatory.
    func resolve(required article: String?) throws -> (id: Int64, reference: WireProposalReference?) {
        switch (proposalId, proposalBy, proposal) {
        case (let id?, nil, nil):
            return (id, nil)
        case (nil, let by?, let reference?):
            guard let author = Self.authors[by] else {
                throw ValidationError("--proposal-by must be one of \(Self.authors.keys.sorted().joined(separator: ", "))")
            }
            var wire = WireProposalReference()
            wire.author = author
            wire.reference = reference
            return (0, wire)
        case (nil, nil, nil) where article == nil:
            return (0, nil)
        default:
            throw ValidationError(
                "give --proposal-id, or --proposal-by with --proposal"
                    + (article.map { " (Art. \($0): the decision answers a proposal)" } ?? ""))
        }
    }
}
