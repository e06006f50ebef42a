import CSoxr

/// A soxr quality recipe by name. Phase flags go in the recipe argument of
/// `soxr_quality_spec`: passed as flags they silently switch soxr to variable-rate mode.
struct SoxrRecipe {
    static let names = ["low-latency", "quick", "low", "medium", "high", "very-high"]
    let recipe: UInt

    init(_ name: String) {
        switch name {
        case "low-latency": recipe = UInt(SOXR_HQ) | UInt(SOXR_MINIMUM_PHASE)
        case "quick": recipe = UInt(SOXR_QQ)
        case "low": recipe = UInt(SOXR_LQ)
        case "medium": recipe = UInt(SOXR_MQ)
        case "very-high": recipe = UInt(SOXR_VHQ)
        default: recipe = UInt(SOXR_HQ)
        }
    }

    var spec: soxr_quality_spec_t { soxr_quality_spec(recipe, 0) }
}
