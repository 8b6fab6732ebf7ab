//! Post languages by code (`en`, `ko`), and the one way the viewer names each.

/// The language's own name (`English`, `한국어`); an unknown code is shown as written.
pub fn name(code: &str) -> &str {
    match code {
        "en" => "English",
        "ko" => "한국어",
        other => other,
    }
}

/// The language facet's label: the own name, with the English one beside a
/// name a reader of the English edition may not read.
pub fn label(code: &str) -> String {
    match code {
        "ko" => format!("{} (Korean)", name(code)),
        other => name(other).to_string(),
    }
}

/// The short badge a result group carries when its post is not in English
/// (`KO`); `None` for English, the archive's main language.
pub fn badge(code: &str) -> Option<String> {
    (code != "en").then(|| code.to_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_codes_have_names_and_unknown_ones_stay_as_written() {
        assert_eq!(name("en"), "English");
        assert_eq!(name("ko"), "한국어");
        assert_eq!(name("ja"), "ja");
        assert_eq!(label("ko"), "한국어 (Korean)");
        assert_eq!(label("en"), "English");
        assert_eq!(label("ja"), "ja");
    }

    #[test]
    fn only_posts_not_in_english_get_a_badge() {
        assert_eq!(badge("en"), None);
        assert_eq!(badge("ko").as_deref(), Some("KO"));
    }
}
