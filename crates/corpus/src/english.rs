//! English filler sentences, written for the generator, for entry bodies and Linus's announcements.

/// English body sentences. Slots: `{name}`, `{ident}`, `{ident2}`, `{topic}`,
/// `{qual}`, `{verb3}`, `{adj}`, `{n}`, `{pct}`, `{ord}`.
pub const SENTENCES_EN: &[&str] = &[
    "{name} posted a patch series that {verb3} {topic} {qual}.",
    "This patchset {verb3} {topic} {qual}.",
    "The series makes {ident} {adj} {qual}.",
    "It also {verb3} {ident} so that {topic} no longer depends on {ident2}.",
    "Tests on a {n}-core machine show {pct}% less time spent in {ident}.",
    "{name} found that {topic} regresses when {ident} is set.",
    "The discussion is about whether {topic} should stay behind {ident}.",
    "Reviewers asked for numbers from real workloads before it can be merged.",
    "This is the {ord} version of the series, and it addresses the comments on {ident}.",
    "{name} shares the status of {topic} and the plan for the next few weeks.",
    "The change is small, but it removes {n} lines of duplicated code.",
    "Since {ident} is a hot path, the series avoids taking {ident2} there.",
    "A follow-up series will convert the remaining users of {ident}.",
    "{name} wants feedback on the interface before sending a non-RFC version.",
    "The problem was found by a fuzzer report on {ident}.",
    "Without the fix, {topic} can stall for seconds under heavy load.",
    "The new knob is exposed as {ident} and defaults to the old behavior.",
    "Benchmarks show {pct}% better throughput with {n} threads.",
    "{name} proposes a session to discuss {topic} at the summit.",
    "It is a cleanup that prepares {topic} for the upcoming rework.",
];
/// English sentences of Linus's announcement entry. Extra slots: `{tag}`, `{cycle}`, `{next}`.
pub const RELEASE_EN_RC: &[&str] = &[
    "Linus released the {ord} release candidate for Linux v{cycle}.",
    "The week was calm, and the rc is a little smaller than usual.",
    "About half of the changes are drivers, and the rest are arch and filesystem fixes.",
    "Nothing in the shortlog stands out, according to Linus.",
    "Linus expects the cycle to end on schedule if the coming weeks stay this quiet.",
    "The diffstat is slightly bigger than the previous rc because of a driver revert.",
];
pub const RELEASE_EN_RC1: &[&str] = &[
    "After the two weeks of the merge window, Linus released v{tag}.",
    "The merge window was a normal one in size, with a few late pull requests.",
    "Linus asks people to test the rc early, since it has a lot of new code.",
];
pub const RELEASE_EN_FINAL: &[&str] = &[
    "Linus released Linux v{tag}, which opens the merge window for v{next}.",
    "The last week of stabilization was calm and normal.",
    "Linus thanks the testers and reminds maintainers to send pull requests early.",
];
