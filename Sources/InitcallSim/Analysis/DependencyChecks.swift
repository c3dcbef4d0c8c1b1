/// Dependency-hazard checks over `requires`/`provides`, without booting (issue: "Comparing
/// link-order outcomes: compare, check, explore").
public enum DependencyChecks {
    /// Every finding for `description`. Not yet implemented: returns none.
    public static func run(_ description: KernelDescription) -> [Finding] {
        []
    }
}
