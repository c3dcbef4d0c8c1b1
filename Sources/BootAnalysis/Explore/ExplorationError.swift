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
    /// The parts given to merge are not the shards of one exploration, each once.
    case parts(PartsProblem)

    /// What is wrong with the parts of a merge; sources are the files they were read from.
    public enum PartsProblem: Sendable, Hashable {
        /// No part at all.
        case empty
        /// Two parts disagree on `field`: they come from different explorations.
        case differ(field: String, first: String?, firstValue: String, other: String?, otherValue: String)
        /// A shard is given twice.
        case duplicate(shard: Exploration.Shard, first: String?, second: String?)
        /// Shards with these indices (of `count`) are not given.
        case missing([Int], count: Int)
        /// A part's numbers do not add up.
        case inconsistent(String?, String)
        /// The description read for the merge is not the one the parts were made from.
        case descriptionChanged(String?, file: String?)
    }

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
        case .parts(let problem):
            return problem.message
        }
    }
}

extension ExplorationError.PartsProblem {
    /// The problem in a sentence that names the parts.
    public var message: String {
        switch self {
        case .empty:
            return "nothing to merge: give the parts the shards wrote"
        case .differ(let field, let first, let firstValue, let other, let otherValue):
            return
                "the parts come from different explorations: \(first ?? "one part") has \(field) \(firstValue), \(other ?? "another") has \(field) \(otherValue)"
        case .duplicate(let shard, let first, let second):
            return "shard \(shard) is given twice: \(first ?? "one part") and \(second ?? "another")"
        case .missing(let indices, let count):
            let list = indices.prefix(10).map { "\($0)/\(count)" }.joined(separator: ", ")
            let more = indices.count > 10 ? " and \(indices.count - 10) more" : ""
            return
                "shard\(indices.count == 1 ? "" : "s") \(list)\(more) missing: every shard of \(count) must be merged, each once"
        case .inconsistent(let source, let what):
            return "\(source ?? "a part") is not a consistent part: \(what)"
        case .descriptionChanged(let source, let file):
            return
                "\(file ?? "the description") is no longer the description \(source ?? "the parts") \(source == nil ? "were" : "was") made from (its reference boot or order space changed): run the shards again"
        }
    }
}
