//! Whether a feed item is kernel news, and which subsystems it is about: the rules of `data/feeds.tsv` and `data/subsystems.tsv`.
//!
//! LWN's front-page feed also carries distribution releases, security
//! advisories, Python and Git news. Keeping only the kernel's by default is
//! a rule on the item's words and links, kept as data so it can be read and
//! changed without touching code.

use kernel_news_core::EntryKind;

use crate::subsystem::{contains_word, with_ancestors, SubsystemTable};

const BUILTIN: &str = include_str!("../../../data/feeds.tsv");

#[derive(Debug, Clone, Default)]
pub struct TopicRules {
    words: Vec<String>,
    links: Vec<String>,
    stops: Vec<String>,
}

/// A summary read for matching: its text without markup and its link targets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SummaryText {
    pub first_paragraph: String,
    pub text: String,
    pub links: Vec<String>,
}

impl SummaryText {
    pub fn read(markdown: &str) -> SummaryText {
        let text = kernel_news_core::markdown::plain_text(markdown);
        SummaryText {
            first_paragraph: text.lines().next().unwrap_or_default().to_string(),
            links: (kernel_news_core::links::extract_links(markdown).into_iter())
                .map(|l| l.url)
                .collect(),
            text,
        }
    }
}

impl TopicRules {
    /// The rules shipped in `data/feeds.tsv`, compiled in.
    pub fn builtin() -> TopicRules {
        TopicRules::parse(BUILTIN).expect("the shipped feed rules are valid")
    }

    /// Reads the table; an error names the 1-based line and what was expected.
    pub fn parse(text: &str) -> Result<TopicRules, (usize, String)> {
        let mut rules = TopicRules::default();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            match line.split('\t').collect::<Vec<_>>().as_slice() {
                ["kernel", w] => rules.words.push(w.to_lowercase()),
                ["link", p] => rules.links.push(p.to_string()),
                ["stop", p] => rules.stops.push(p.to_lowercase()),
                _ => {
                    return Err((
                        i + 1,
                        format!(
                        "found `{line}`; expected `kernel WORD`, `link PREFIX` or `stop PHRASE`"
                    ),
                    ))
                }
            }
        }
        Ok(rules)
    }

    fn without_stops(&self, text: &str) -> String {
        let mut lower = text.to_lowercase();
        for stop in &self.stops {
            lower = lower.replace(stop.as_str(), " ");
        }
        lower
    }

    /// Subsystems from the title and the first paragraph, matched on whole
    /// words: a whole article mentions too much in passing.
    pub fn subsystems(
        &self,
        title: &str,
        summary: &SummaryText,
        table: &SubsystemTable,
    ) -> Vec<String> {
        let text = self.without_stops(&format!("{title}\n{}", summary.first_paragraph));
        with_ancestors(table.for_keywords(&text))
    }

    /// Whether the item is kernel news (see the table's header for the rule).
    pub fn is_kernel(
        &self,
        kind: EntryKind,
        title: &str,
        summary: &SummaryText,
        table: &SubsystemTable,
    ) -> bool {
        match kind {
            EntryKind::Release | EntryKind::MergeWindow | EntryKind::WeeklyEdition => return true,
            // Distributions' advisories list kernel packages among the rest.
            EntryKind::SecurityUpdates => return false,
            _ => {}
        }
        if !table.for_keywords(&self.without_stops(title)).is_empty() {
            return true;
        }
        let text = format!("{title}\n{}", summary.text).to_lowercase();
        self.words.iter().any(|w| contains_word(&text, w))
            || (summary.links.iter()).any(|l| self.links.iter().any(|p| l.starts_with(p.as_str())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kernel(title: &str, summary: &str) -> bool {
        let (rules, table) = (TopicRules::builtin(), SubsystemTable::builtin());
        let kind = crate::feed_title::read(title).kind;
        rules.is_kernel(kind, title, &SummaryText::read(summary), &table)
    }

    fn subs(title: &str, summary: &str) -> Vec<String> {
        let (rules, table) = (TopicRules::builtin(), SubsystemTable::builtin());
        rules.subsystems(title, &SummaryText::read(summary), &table)
    }

    #[test]
    fn kernel_items_are_told_from_their_words_links_and_kind() {
        assert!(kernel("Kernel prepatch 7.1-rc3", ""));
        assert!(kernel(
            "LWN.net Weekly Edition for May 7, 2026",
            "Front: things."
        ));
        assert!(kernel("A 2026 DAMON update", "Monitoring news."));
        assert!(kernel(
            "Emergency mitigation",
            "Disables a path in a running kernel."
        ));
        assert!(kernel(
            "A new proposal",
            "See [the patches](https://lwn.net/ml/all/x@y.org/)."
        ));
        assert!(!kernel(
            "Sovereign Tech Fund invests in KDE",
            "Money for the desktop."
        ));
        assert!(!kernel(
            "Debian to require reproducible builds",
            "Packages must rebuild bit for bit."
        ));
        assert!(!kernel(
            "Security updates for Thursday",
            "Updates from distributions."
        ));
        // A word inside another word is not the word.
        assert!(!kernel(
            "Kernelized statistics in R",
            "A package for kernelization."
        ));
    }

    #[test]
    fn subsystems_come_from_the_title_and_first_paragraph_not_the_summit_name() {
        assert_eq!(subs("[$] A 2026 DAMON update", ""), ["mm", "mm/damon"]);
        assert_eq!(
            subs("Scaling transparent huge pages to 1GB", ""),
            ["mm", "mm/thp"]
        );
        assert_eq!(subs("Revisiting mshare", ""), ["mm"]);
        assert_eq!(
            subs("Using dma-bufs for read and write operations", ""),
            ["dma-buf"]
        );
        let lsfmm =
            "At the 2026 Linux Storage, Filesystem, Memory Management, and BPF Summit, a talk.";
        assert_eq!(
            subs("A talk about nothing in particular", lsfmm),
            Vec::<String>::new()
        );
        let later = "A first paragraph.\n\nA second one about io_uring.";
        assert_eq!(subs("Plain title", later), Vec::<String>::new());
    }

    #[test]
    fn summary_text_drops_markup_and_keeps_link_targets() {
        let s = SummaryText::read("Read *the* [`notes`](https://lwn.net/ml/all/a@b/).\n\nMore.");
        assert_eq!(s.first_paragraph, "Read the notes.");
        assert_eq!(s.links, ["https://lwn.net/ml/all/a@b/"]);
        assert!(s.text.contains("More."));
    }

    #[test]
    fn a_bad_rules_row_names_its_line() {
        assert_eq!(
            TopicRules::parse("# c\nkernel\tx\nbogus row\n")
                .unwrap_err()
                .0,
            3
        );
    }
}
