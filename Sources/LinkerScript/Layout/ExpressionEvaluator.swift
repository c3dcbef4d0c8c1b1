import SourceInput

/// Evaluates ld expressions during layout. Arithmetic wraps at 64 bits as ld's `bfd_vma` does
/// (kernel scripts rely on it: `ADDR(.text) - LOAD_OFFSET`), so it never traps; division by
/// zero is an error. A value that depends on something the script cannot know (a symbol from
/// object code) is `nil`, and so is everything computed from it.
struct ExpressionEvaluator {
    var dot: UInt64
    var map: LinkMap
    /// Output sections laid out so far, for `ADDR`, `SIZEOF`, `ALIGNOF`.
    var sections: [String: (address: UInt64, size: UInt64, alignment: UInt64)] = [:]
    /// The statement being evaluated, for errors in sub-expressions that carry no location.
    var context: SourceLocation

    static let pageSize: UInt64 = 0x1000

    func evaluate(_ expression: Expression) throws(LinkerScriptError) -> UInt64? {
        switch expression {
        case .number(let value):
            return value
        case .symbol(let name, _):
            if name == "." { return dot }
            return map.address(of: name)
        case .unary(let op, let operand):
            guard let value = try evaluate(operand) else { return nil }
            switch op {
            case "-": return 0 &- value
            case "!": return value == 0 ? 1 : 0
            case "~": return ~value
            default: return value
            }
        case .binary(let op, let lhs, let rhs):
            return try evaluateBinary(op, lhs, rhs)
        case .conditional(let condition, let whenTrue, let whenFalse):
            guard let value = try evaluate(condition) else { return nil }
            return try evaluate(value != 0 ? whenTrue : whenFalse)
        case .call(let name, let arguments, let location):
            return try evaluateCall(name, arguments, at: location)
        }
    }

    private func evaluateBinary(_ op: String, _ lhs: Expression, _ rhs: Expression) throws(LinkerScriptError)
        -> UInt64?
    {
        // Short-circuit like C, so `DEFINED(x) && x` does not need x.
        if op == "&&" {
            guard let l = try evaluate(lhs) else { return nil }
            if l == 0 { return 0 }
            return try evaluate(rhs).map { $0 != 0 ? 1 : 0 }
        }
        if op == "||" {
            guard let l = try evaluate(lhs) else { return nil }
            if l != 0 { return 1 }
            return try evaluate(rhs).map { $0 != 0 ? 1 : 0 }
        }
        guard let l = try evaluate(lhs), let r = try evaluate(rhs) else { return nil }
        switch op {
        case "+": return l &+ r
        case "-": return l &- r
        case "*": return l &* r
        case "/", "%":
            guard r != 0 else {
                throw .evaluation(
                    Diagnostic(
                        .error, at: location(of: rhs), "division by zero",
                        notes: ["the right side of '\(op)' evaluates to 0"]))
            }
            return op == "/" ? l / r : l % r
        case "<<": return r >= 64 ? 0 : l << r
        case ">>": return r >= 64 ? 0 : l >> r
        case "&": return l & r
        case "|": return l | r
        case "^": return l ^ r
        case "==": return l == r ? 1 : 0
        case "!=": return l != r ? 1 : 0
        case "<": return l < r ? 1 : 0
        case ">": return l > r ? 1 : 0
        case "<=": return l <= r ? 1 : 0
        case ">=": return l >= r ? 1 : 0
        default: return nil
        }
    }

    static func align(_ value: UInt64, to alignment: UInt64) -> UInt64 {
        guard alignment > 1 else { return value }
        // ld: (value + align - 1) & -align, wrapping like bfd_vma.
        return (value &+ alignment &- 1) & (0 &- alignment)
    }

    private func evaluateCall(_ name: String, _ arguments: [Expression], at location: SourceLocation)
        throws(LinkerScriptError) -> UInt64?
    {
        func argument(_ i: Int) throws(LinkerScriptError) -> UInt64? {
            guard i < arguments.count else { return nil }
            return try evaluate(arguments[i])
        }
        func nameArgument() -> String? {
            guard case .symbol(let name, _)? = arguments.first else { return nil }
            return name
        }
        switch name {
        case "ALIGN", "BLOCK", "NEXT":
            if arguments.count >= 2 {
                guard let value = try argument(0), let alignment = try argument(1) else { return nil }
                return Self.align(value, to: alignment)
            }
            guard let alignment = try argument(0) else { return nil }
            return Self.align(dot, to: alignment)
        case "ABSOLUTE", "DATA_SEGMENT_END":
            return try argument(0)
        case "MAX":
            guard let a = try argument(0), let b = try argument(1) else { return nil }
            return max(a, b)
        case "MIN":
            guard let a = try argument(0), let b = try argument(1) else { return nil }
            return min(a, b)
        case "LOG2CEIL":
            guard let value = try argument(0) else { return nil }
            return value <= 1 ? 0 : UInt64(64 - (value - 1).leadingZeroBitCount)
        case "ADDR", "LOADADDR":
            return nameArgument().flatMap { sections[$0]?.address }
        case "SIZEOF":
            return nameArgument().flatMap { sections[$0]?.size }
        case "ALIGNOF":
            return nameArgument().flatMap { sections[$0]?.alignment }
        case "DEFINED":
            guard let symbol = nameArgument() else { return nil }
            return map.symbol(named: symbol) != nil ? 1 : 0
        case "CONSTANT":
            return Self.pageSize
        case "SIZEOF_HEADERS":
            return 0
        case "SEGMENT_START":
            return try argument(1)
        case "DATA_SEGMENT_ALIGN":
            guard let maxPage = try argument(0) else { return nil }
            return Self.align(dot, to: maxPage) &+ (dot & (maxPage &- 1))
        case "DATA_SEGMENT_RELRO_END":
            return dot
        default:
            // ORIGIN, LENGTH: memory regions are not modelled.
            return nil
        }
    }

    private func location(of expression: Expression) -> SourceLocation {
        switch expression {
        case .symbol(_, let location), .call(_, _, let location):
            return location
        case .unary(_, let operand):
            return self.location(of: operand)
        case .binary(_, let lhs, _), .conditional(let lhs, _, _):
            return self.location(of: lhs)
        case .number:
            return context
        }
    }
}

extension Expression {
    /// True when the expression is a constant: no symbols, no `.`, no section functions.
    var isConstant: Bool {
        switch self {
        case .number: return true
        case .symbol: return false
        case .unary(_, let operand): return operand.isConstant
        case .binary(_, let lhs, let rhs): return lhs.isConstant && rhs.isConstant
        case .conditional(let c, let a, let b): return c.isConstant && a.isConstant && b.isConstant
        case .call(let name, let arguments, _):
            return ["MAX", "MIN", "LOG2CEIL", "ABSOLUTE"].contains(name) && arguments.allSatisfy(\.isConstant)
        }
    }
}
