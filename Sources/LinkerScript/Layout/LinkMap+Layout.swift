import SourceInput

/// Section placement as GNU ld does it.
///
/// Placement happens first and does not depend on addresses: walking the script's input
/// section descriptions in order, each collects — for every input file in link order, and
/// within a file in section order — the sections it matches that no earlier description took.
/// A section therefore goes to the *first* pattern that matches it. Then addresses are
/// assigned in one pass, evaluating `.` and symbol assignments as they come.
extension LinkMap {
    /// Lays out `inputs` with `script`.
    ///
    /// - Parameter inputs: in link order — all sections of the first file in that file's
    ///   section order, then the next file, and so on.
    public init(script: LinkerScript, inputs: [InputSection], startAddress: UInt64 = 0) throws(LinkerScriptError) {
        self.init()
        var claimer = SectionClaimer(inputs: inputs)
        let claims = claimer.claimAll(script)
        orphans = claimer.unclaimed()
        try assignAddresses(script: script, inputs: inputs, claims: claims, startAddress: startAddress)
    }

    private mutating func assignAddresses(
        script: LinkerScript, inputs: [InputSection], claims: [StatementKey: [Int]], startAddress: UInt64
    ) throws(LinkerScriptError) {
        var evaluator = ExpressionEvaluator(
            dot: startAddress, map: self, context: SourceLocation(file: script.file, line: 1, column: 1))
        var outputIndex = 0
        for statement in script.statements {
            switch statement {
            case .assignment(let assignment):
                try apply(assignment, in: &evaluator, sectionStart: nil)
            case .assertion(let assertion):
                try check(assertion, in: &evaluator)
            case .sections(let items, _):
                for item in items {
                    switch item {
                    case .assignment(let assignment):
                        try apply(assignment, in: &evaluator, sectionStart: nil)
                    case .assertion(let assertion):
                        try check(assertion, in: &evaluator)
                    case .output(let section):
                        try layOut(section, index: outputIndex, inputs: inputs, claims: claims, in: &evaluator)
                        outputIndex += 1
                    case .entry, .include, .ignored:
                        break
                    }
                }
            default:
                break
            }
        }
    }

    private mutating func layOut(
        _ section: OutputSection, index: Int, inputs: [InputSection], claims: [StatementKey: [Int]],
        in evaluator: inout ExpressionEvaluator
    ) throws(LinkerScriptError) {
        if section.isDiscard {
            for (itemIndex, item) in section.items.enumerated() {
                guard case .input(let description) = item else { continue }
                let reference = StatementReference(
                    outputSection: section.name, description: description.text, location: description.location,
                    outputSectionIndex: index, itemIndex: itemIndex)
                for input in claims[StatementKey(section: index, item: itemIndex)] ?? [] {
                    discarded.append((input, reference))
                }
            }
            return
        }
        evaluator.context = section.location
        var start = evaluator.dot
        if let addressExpression = section.address {
            if let address = try evaluator.evaluate(addressExpression) {
                start = address
            } else {
                warnings.append(
                    Diagnostic(
                        .warning, at: section.location,
                        "address of output section '\(section.name)' depends on symbols the script does not define; placed at the location counter"
                    ))
            }
        }
        var alignment: UInt64 = 1
        for (itemIndex, item) in section.items.enumerated() {
            guard case .input = item else { continue }
            for input in claims[StatementKey(section: index, item: itemIndex)] ?? [] {
                alignment = max(alignment, inputs[input].alignment)
            }
        }
        if let alignExpression = section.align, let value = try evaluator.evaluate(alignExpression) {
            alignment = max(alignment, value)
        }
        start = ExpressionEvaluator.align(start, to: alignment)
        evaluator.dot = start
        for (itemIndex, item) in section.items.enumerated() {
            switch item {
            case .input(let description):
                let reference = StatementReference(
                    outputSection: section.name, description: description.text, location: description.location,
                    outputSectionIndex: index, itemIndex: itemIndex)
                for input in claims[StatementKey(section: index, item: itemIndex)] ?? [] {
                    let address = ExpressionEvaluator.align(evaluator.dot, to: inputs[input].alignment)
                    placements.append(Placement(input: input, address: address, statement: reference))
                    evaluator.dot = address &+ inputs[input].size
                }
            case .assignment(let assignment):
                try apply(assignment, in: &evaluator, sectionStart: start)
            case .data(let size, _, _):
                evaluator.dot = evaluator.dot &+ UInt64(size)
            case .assertion(let assertion):
                try check(assertion, in: &evaluator)
            case .fill, .include, .ignored:
                break
            }
        }
        let size = evaluator.dot &- start
        outputSections.append(
            OutputSectionLayout(name: section.name, address: start, size: size, location: section.location))
        evaluator.sections[section.name] = (start, size, alignment)
    }

    private mutating func apply(
        _ assignment: Assignment, in evaluator: inout ExpressionEvaluator, sectionStart: UInt64?
    ) throws(LinkerScriptError) {
        evaluator.context = assignment.location
        evaluator.map = self
        if case .call("ASSERT", let arguments, let location) = assignment.value, arguments.count == 2,
            case .symbol(let message, _) = arguments[1]
        {
            // `. = ASSERT(cond, "message");` checks and leaves the target alone.
            try check(Assertion(condition: arguments[0], message: message, location: location), in: &evaluator)
            return
        }
        var value = try evaluator.evaluate(assignment.value)
        // Inside an output section a constant assigned to '.' is an offset from the section
        // start (ld manual, "The Location Counter").
        if assignment.isLocationCounter, let start = sectionStart, assignment.value.isConstant,
            assignment.op == .assign, let offset = value
        {
            value = start &+ offset
        }
        if assignment.op != .assign {
            let current = assignment.isLocationCounter ? evaluator.dot : address(of: assignment.symbol)
            value = try combine(current, value, assignment)
        }
        if assignment.isLocationCounter {
            try moveLocationCounter(to: value, assignment, in: &evaluator, insideSection: sectionStart != nil)
            return
        }
        if assignment.kind == .provide || assignment.kind == .provideHidden, symbol(named: assignment.symbol) != nil {
            return
        }
        define(Symbol(name: assignment.symbol, value: value, kind: assignment.kind, location: assignment.location))
        evaluator.map = self
    }

    private func combine(_ current: UInt64?, _ operand: UInt64?, _ assignment: Assignment) throws(LinkerScriptError)
        -> UInt64?
    {
        guard let current, let operand else { return nil }
        switch assignment.op {
        case .assign: return operand
        case .add: return current &+ operand
        case .subtract: return current &- operand
        case .multiply: return current &* operand
        case .divide:
            guard operand != 0 else {
                throw .evaluation(Diagnostic(.error, at: assignment.location, "division by zero in '/='"))
            }
            return current / operand
        case .shiftLeft: return operand >= 64 ? 0 : current << operand
        case .shiftRight: return operand >= 64 ? 0 : current >> operand
        case .and: return current & operand
        case .or: return current | operand
        }
    }

    private mutating func moveLocationCounter(
        to value: UInt64?, _ assignment: Assignment, in evaluator: inout ExpressionEvaluator, insideSection: Bool
    ) throws(LinkerScriptError) {
        guard let value else {
            warnings.append(
                Diagnostic(
                    .warning, at: assignment.location,
                    "location counter assignment depends on symbols the script does not define; '.' left unchanged"))
            return
        }
        if insideSection, value < evaluator.dot {
            throw .layout(
                Diagnostic(
                    .error, at: assignment.location,
                    "cannot move location counter backwards (from 0x\(String(evaluator.dot, radix: 16)) to 0x\(String(value, radix: 16)))",
                    notes: ["inside an output section '.' may only grow"]))
        }
        evaluator.dot = value
    }

    private mutating func check(_ assertion: Assertion, in evaluator: inout ExpressionEvaluator)
        throws(LinkerScriptError)
    {
        evaluator.context = assertion.location
        evaluator.map = self
        // Sizes here are those of the simulated inputs, not of a real kernel, so a failing
        // ASSERT is reported but does not stop the layout.
        if let value = try evaluator.evaluate(assertion.condition), value == 0 {
            warnings.append(
                Diagnostic(.warning, at: assertion.location, "ASSERT would fail: \(assertion.message)"))
        }
    }
}
