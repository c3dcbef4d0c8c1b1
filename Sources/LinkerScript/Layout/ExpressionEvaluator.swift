import SourceInput

/// Evaluates ld expressions during layout. Arithmetic wraps at 64 bits as ld's `bfd_vma` does
/// (kernel scripts rely on it: `ADDR(.text) - LOAD_OFFSET`), so it never traps; division by
/// zero is an error. A value that depends on something the script cannot know (a symbol from
/// object code) is unknown, with the reason, and so is everything computed from it.
///
/// Evaluation uses an explicit work stack, never recursion: however deep the tree, the
/// evaluator's own stack use is the same.
struct ExpressionEvaluator {
    var dot: UInt64
    /// The symbols assigned so far: the layout's own table, read in place.
    var symbols = SymbolTable()
    /// Output sections laid out so far, for `ADDR`, `SIZEOF`, `ALIGNOF`.
    var sections: [String: (address: UInt64, size: UInt64, alignment: UInt64)] = [:]
    /// The statement being evaluated, for errors in sub-expressions that carry no location.
    var context: SourceLocation
    /// The script's lines, for the caret display of errors and unknown values.
    let lines: SourceLines

    static let pageSize: UInt64 = 0x1000

    init(dot: UInt64, context: SourceLocation, lines: SourceLines) {
        self.dot = dot
        self.context = context
        self.lines = lines
    }

    private enum Task {
        case evaluate(Expression)
        /// The operand's value is on top of the value stack.
        case unary(String)
        /// The chain's value so far is on top; `next` is the operation to do.
        case chain([BinaryOperation], next: Int)
        /// The chain's value so far and the right operand of `operations[index]` are on top.
        case apply([BinaryOperation], index: Int)
        /// The condition is on top.
        case choose(Expression, Expression)
        /// The `count` evaluated arguments are on top, first deepest.
        case call(String, [Expression], SourceLocation, count: Int)
    }

    func evaluate(_ root: Expression) throws(LinkerScriptError) -> LayoutValue {
        // Leaves, and chains of leaves (`sym + 8`), the most common values, need no work stack.
        if let value = leafValue(root) { return value }
        if case .chain(let first, let operations) = root, var value = leafValue(first) {
            var index = 0
            while index < operations.count, case .known(let left) = value {
                guard let right = leafValue(operations[index].operand) else { break }
                let operation = operations[index]
                if operation.op == "&&" && left == 0 || operation.op == "||" && left != 0 {
                    value = .known(left == 0 ? 0 : 1)
                } else if case .known(let r) = right {
                    value = .known(try combine(operation, left, r))
                } else {
                    value = right
                }
                index += 1
            }
            if index == operations.count || value.unknown != nil { return value }
        }
        var tasks: [Task] = [.evaluate(root)]
        var values: [LayoutValue] = []
        func pop() -> LayoutValue { values.popLast() ?? .known(0) }
        while let task = tasks.popLast() {
            switch task {
            case .evaluate(let expression):
                switch expression {
                case .number(let value):
                    values.append(.known(value))
                case .symbol(let name, let location):
                    values.append(symbolValue(name, at: location))
                case .unary(let op, let operand):
                    tasks.append(.unary(op))
                    tasks.append(.evaluate(operand))
                case .chain(let first, let operations):
                    tasks.append(.chain(operations, next: 0))
                    tasks.append(.evaluate(first))
                case .conditional(let condition, let whenTrue, let whenFalse):
                    tasks.append(.choose(whenTrue, whenFalse))
                    tasks.append(.evaluate(condition))
                case .call(let name, let arguments, let location):
                    let evaluated = Self.evaluatedArguments(name, arguments)
                    tasks.append(.call(name, arguments, location, count: evaluated.count))
                    for argument in evaluated.reversed() { tasks.append(.evaluate(argument)) }
                }
            case .unary(let op):
                let operand = pop()
                guard case .known(let value) = operand else {
                    values.append(operand)
                    continue
                }
                switch op {
                case "-": values.append(.known(0 &- value))
                case "!": values.append(.known(value == 0 ? 1 : 0))
                case "~": values.append(.known(~value))
                default: values.append(.known(value))
                }
            case .chain(let operations, let next):
                // Done, or unknown: the chain's value is what is on top.
                guard next < operations.count, case .known(let left)? = values.last else { continue }
                let operation = operations[next]
                // Short-circuit like C, so `DEFINED(x) && x` does not need x.
                if operation.op == "&&" && left == 0 || operation.op == "||" && left != 0 {
                    values[values.count - 1] = .known(left == 0 ? 0 : 1)
                    tasks.append(.chain(operations, next: next + 1))
                    continue
                }
                tasks.append(.apply(operations, index: next))
                tasks.append(.evaluate(operation.operand))
            case .apply(let operations, let index):
                let right = pop()
                let left = pop()
                guard case .known(let l) = left else {
                    values.append(left)
                    continue
                }
                guard case .known(let r) = right else {
                    values.append(right)
                    continue
                }
                values.append(.known(try combine(operations[index], l, r)))
                tasks.append(.chain(operations, next: index + 1))
            case .choose(let whenTrue, let whenFalse):
                let condition = pop()
                guard case .known(let value) = condition else {
                    values.append(condition)
                    continue
                }
                tasks.append(.evaluate(value != 0 ? whenTrue : whenFalse))
            case .call(let name, let arguments, let location, let count):
                var evaluated: [UInt64] = []
                var unknown: LayoutValue?
                for value in values.suffix(count) {
                    switch value {
                    case .known(let v): evaluated.append(v)
                    case .unknown: unknown = unknown ?? value
                    }
                }
                values.removeLast(min(count, values.count))
                if let unknown {
                    values.append(unknown)
                } else {
                    values.append(try call(name, arguments, evaluated, at: location))
                }
            }
        }
        return values.last ?? .known(0)
    }

    /// The value of a number or a symbol reference; nil for anything else.
    private func leafValue(_ expression: Expression) -> LayoutValue? {
        switch expression {
        case .number(let value): return .known(value)
        case .symbol(let name, let location): return symbolValue(name, at: location)
        default: return nil
        }
    }

    /// The value of a symbol reference: `.`, an assigned symbol, or unknown with the reason.
    func symbolValue(_ name: String, at location: SourceLocation) -> LayoutValue {
        if name == "." { return .known(dot) }
        return symbols.value(of: name)
            ?? .unknown(UnknownValue(.undefinedSymbol(name), at: location, sourceLine: lines.text(at: location)))
    }

    private func combine(_ operation: BinaryOperation, _ l: UInt64, _ r: UInt64) throws(LinkerScriptError) -> UInt64 {
        switch operation.op {
        case "+": return l &+ r
        case "-": return l &- r
        case "*": return l &* r
        case "/", "%":
            guard r != 0 else {
                throw .evaluation(
                    lines.diagnostic(
                        .error, at: operation.location, "division by zero",
                        notes: ["the right side of '\(operation.op)' evaluates to 0"]))
            }
            return operation.op == "/" ? l / r : l % r
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
        // Reached only when the left side did not decide: 1 && r, 0 || r.
        case "&&", "||": return r != 0 ? 1 : 0
        default: return 0
        }
    }

    static func align(_ value: UInt64, to alignment: UInt64) -> UInt64 {
        guard alignment > 1 else { return value }
        // ld: (value + align - 1) & -align, wrapping like bfd_vma.
        return (value &+ alignment &- 1) & (0 &- alignment)
    }

    /// The arguments of a call that are evaluated, in order: names (`ADDR(.text)`,
    /// `SEGMENT_START(text-segment, …)`) and unused arguments are not.
    private static func evaluatedArguments(_ name: String, _ arguments: [Expression]) -> [Expression] {
        switch name {
        case "ALIGN", "BLOCK", "NEXT", "ABSOLUTE", "DATA_SEGMENT_END", "MAX", "MIN", "LOG2CEIL":
            return arguments
        case "DATA_SEGMENT_ALIGN", "ASSERT":
            return Array(arguments.prefix(1))
        case "SEGMENT_START":
            return Array(arguments.dropFirst().prefix(1))
        default:
            return []
        }
    }

    /// A builtin function, its evaluated arguments (see ``evaluatedArguments(_:_:)``) known.
    private func call(_ name: String, _ arguments: [Expression], _ values: [UInt64], at location: SourceLocation)
        throws(LinkerScriptError) -> LayoutValue
    {
        func value(_ i: Int) -> UInt64 { i < values.count ? values[i] : 0 }
        /// The section or region named by the argument, and where it is named.
        func named() -> (String, SourceLocation) {
            guard case .symbol(let name, let place)? = arguments.first else { return ("", location) }
            return (name, place)
        }
        func section(_ pick: ((address: UInt64, size: UInt64, alignment: UInt64)) -> UInt64) -> LayoutValue {
            let (sectionName, reference) = named()
            guard let layout = sections[sectionName] else {
                return .unknown(
                    UnknownValue(.undefinedSection(sectionName), at: reference, sourceLine: lines.text(at: reference)))
            }
            return .known(pick(layout))
        }
        switch name {
        case "ALIGN", "BLOCK", "NEXT":
            if values.count >= 2 { return .known(Self.align(value(0), to: value(1))) }
            return .known(Self.align(dot, to: value(0)))
        case "ABSOLUTE", "DATA_SEGMENT_END", "SEGMENT_START":
            return .known(value(0))
        case "MAX":
            return .known(max(value(0), value(1)))
        case "MIN":
            return .known(min(value(0), value(1)))
        case "LOG2CEIL":
            return .known(value(0) <= 1 ? 0 : UInt64(64 - (value(0) - 1).leadingZeroBitCount))
        case "ADDR", "LOADADDR":
            return section { $0.address }
        case "SIZEOF":
            return section { $0.size }
        case "ALIGNOF":
            return section { $0.alignment }
        case "DEFINED":
            return .known(symbols.isDefined(named().0) ? 1 : 0)
        case "CONSTANT":
            return .known(Self.pageSize)
        case "SIZEOF_HEADERS":
            return .known(0)
        case "DATA_SEGMENT_ALIGN":
            return .known(Self.align(dot, to: value(0)) &+ (dot & (value(0) &- 1)))
        case "DATA_SEGMENT_RELRO_END":
            return .known(dot)
        case "ASSERT":
            // ASSERT inside an expression: checked, and its value is the condition's (ld's
            // etree_assert).
            guard arguments.count == 2, case .symbol(let message, _) = arguments[1] else { return .known(value(0)) }
            if value(0) == 0 { throw Self.assertionFailed(message, at: location, lines: lines) }
            return .known(value(0))
        default:
            // ORIGIN, LENGTH: memory regions are not modelled.
            let (region, reference) = named()
            return .unknown(UnknownValue(.memoryRegion(region), at: reference, sourceLine: lines.text(at: reference)))
        }
    }

    /// What a failing `ASSERT` is: ld fails the link with the message.
    static func assertionFailed(_ message: String, at location: SourceLocation, lines: SourceLines)
        -> LinkerScriptError
    {
        .layout(
            lines.diagnostic(
                .error, at: location, "ASSERT failed: \(message)",
                notes: ["ld fails the link when an ASSERT's condition is 0"]))
    }
}

extension Expression {
    /// True when the expression is a constant: no symbols, no `.`, no section functions.
    var isConstant: Bool {
        var pending: [Expression] = [self]
        while let expression = pending.popLast() {
            switch expression {
            case .number:
                continue
            case .symbol:
                return false
            case .unary(_, let operand):
                pending.append(operand)
            case .chain(let first, let operations):
                pending.append(first)
                pending += operations.map(\.operand)
            case .conditional(let c, let a, let b):
                pending += [c, a, b]
            case .call(let name, let arguments, _):
                guard ["MAX", "MIN", "LOG2CEIL", "ABSOLUTE"].contains(name) else { return false }
                pending += arguments
            }
        }
        return true
    }
}
