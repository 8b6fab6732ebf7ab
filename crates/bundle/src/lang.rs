//! A post's language: Hugo's multilingual subtree first, then the share of Hangul in its prose.

/// Language codes the content layout may use as a top-level subtree (`ko/`).
const SUBTREE_LANGS: [&str; 6] = ["ko", "en", "ja", "zh", "de", "fr"];

/// Decides `en` / `ko` (or another subtree's code). `front` is a front matter
/// `lang` override, `rel_path` the path inside the content root.
pub fn detect(rel_path: &str, front: Option<&str>, prose: &str) -> String {
    if let Some(l) = front.map(str::trim).filter(|l| !l.is_empty()) {
        return l.to_ascii_lowercase();
    }
    if let Some((first, _)) = rel_path.split_once('/') {
        if SUBTREE_LANGS.contains(&first) {
            return first.to_string();
        }
    }
    if hangul_share(prose) >= HANGUL_THRESHOLD {
        "ko".into()
    } else {
        "en".into()
    }
}

/// Korean posts keep English patch subjects, identifiers and links, and one
/// Hangul syllable carries as much as three or four Latin letters, so a modest
/// share of syllables already means Korean prose.
const HANGUL_THRESHOLD: f64 = 0.15;

/// Hangul syllables over Hangul syllables plus ASCII letters.
pub fn hangul_share(text: &str) -> f64 {
    let (mut hangul, mut latin) = (0usize, 0usize);
    for c in text.chars() {
        if ('\u{AC00}'..='\u{D7A3}').contains(&c) {
            hangul += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    if hangul + latin == 0 {
        0.0
    } else {
        hangul as f64 / (hangul + latin) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hangul_share_is_syllables_over_syllables_and_latin_letters() {
        assert_eq!(hangul_share(""), 0.0);
        assert_eq!(hangul_share("123 !?"), 0.0);
        assert_eq!(hangul_share("abc"), 0.0);
        assert_eq!(hangul_share("한국"), 1.0);
        // Digits, spaces and punctuation count for neither.
        assert_eq!(hangul_share("한 abc, 1."), 0.25);
        assert_eq!(hangul_share("한국어 a"), 0.75);
    }

    #[test]
    fn subtree_wins_over_text() {
        assert_eq!(detect("ko/post.md", None, "plain English"), "ko");
    }

    #[test]
    fn front_matter_lang_wins_over_everything() {
        assert_eq!(detect("ko/post.md", Some("EN"), "한국어"), "en");
    }

    #[test]
    fn korean_prose_with_english_terms_is_korean() {
        let prose =
            "[PATCH v2] mm/damon: add `damos_quota` tuning\nhttps://lkml.kernel.org/r/x@y\n\
                     DAMON 의 quota 를 자동으로 조정하는 기능을 추가하는 패치입니다.";
        assert_eq!(detect("old.md", None, prose), "ko");
    }

    #[test]
    fn english_prose_is_english() {
        assert_eq!(detect("p.md", None, "This patchset adds a feature."), "en");
        assert_eq!(detect("p.md", None, ""), "en");
    }
}
