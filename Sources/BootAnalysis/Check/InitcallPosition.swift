import KernelModel
import LinkerScript

/// Where an initcall runs, as far as link order can or cannot change it: the table walk
/// (slice), the input section description of the linker script that placed it, its object's
/// place in the link order, and its place among its object's registrations.
///
/// Two positions are ordered *whatever the link order* when they differ in slice or in
/// description, or share an object (source order); otherwise link order alone decides.
struct InitcallPosition: Sendable, Hashable {
    var slice: InitcallSlice
    /// The description of the script that placed it (script order is placement order).
    var statement: LinkMap.StatementReference
    var objectRank: Int
    var sourceOrder: Int
    var object: Int

    enum Relation: Sendable, Hashable {
        /// Runs before in every link order.
        case alwaysBefore
        /// Runs after in every link order.
        case alwaysAfter
        /// Runs before in this link order only.
        case beforeByLinkOrder
        /// Runs after in this link order only.
        case afterByLinkOrder
    }

    /// How `self` is placed relative to `other`.
    func relation(to other: InitcallPosition) -> Relation {
        if slice != other.slice { return slice < other.slice ? .alwaysBefore : .alwaysAfter }
        if statement != other.statement { return statement < other.statement ? .alwaysBefore : .alwaysAfter }
        if object == other.object { return sourceOrder < other.sourceOrder ? .alwaysBefore : .alwaysAfter }
        return objectRank < other.objectRank ? .beforeByLinkOrder : .afterByLinkOrder
    }
}
