import KernelLink

/// Why exploration cannot start.
public enum ExplorationError: Error, Sendable, CustomStringConvertible {
    /// The description does not link, in its own order or in the reference order given.
    case link(LinkError)
    /// The level to explore names no level of the image; `known` lists the names it has.
    case unknownLevel(String, known: [String])
    /// An exhaustive exploration would boot more orders than the limit: `space` of them (nil: more
    /// than fit in 64 bits), from components of movable objects of the sizes `components` lists.
    case tooManyOrders(space: Int?, limit: Int, components: [Int])
    /// The number of runs is not between 1 and ``Exploration/runsLimit``.
    case invalidRuns(Int)

    public var description: String { message(spelling: .swift) }

    /// The message, naming the options that would get past the error as `spelling` spells them.
    public func message(spelling: OptionSpelling) -> String {
        switch self {
        case .link(let error):
            return error.message(spelling: spelling)
        case .unknownLevel(let name, let known):
            return "unknown level '\(name)'; expected one of: \(known.joined(separator: ", ")) (or a level number)"
        case .tooManyOrders(let space, let limit, let components):
            let count = space.map { "\($0) orders" } ?? "more orders than fit in 64 bits"
            let shape = components.map { "\($0)!" }.joined(separator: " x ")
            return "\(spelling.exhaustive): \(count) (\(shape) for the movable objects) exceeds the limit of \(limit); "
                + "use \(spelling.runs) N for a seeded random sample, or \(spelling.level) to permute one level only"
        case .invalidRuns(let runs):
            return "\(spelling.runs) must be from 1 to \(Exploration.runsLimit), got \(runs)"
        }
    }
}
