//! Entry body prose: sentences from templates, sized by the measured lengths, wrapped at 80 columns.

use crate::english::{RELEASE_EN_FINAL, RELEASE_EN_RC, RELEASE_EN_RC1, SENTENCES_EN};
use crate::korean::{ORDINALS_KO, RELEASE_KO_FINAL, RELEASE_KO_RC, RELEASE_KO_RC1, SENTENCES_KO};
use crate::lengths::prose_tables;
use crate::rng::Rng;
use crate::shapes::Lang;
use crate::titles::topic;
use crate::words::{ADJECTIVES, IDENTS, ORDINALS, QUALIFIERS, VERBS_3RD};

/// About a fifth of real bodies have a code span; identifiers get backticks this often.
const BACKTICKS: (u32, u32) = (1, 4);
/// The blog wraps at 80 columns; lines of 80 or more are rare.
const WIDTH: usize = 79;

/// What a release entry's sentences may name: `{tag}`, `{cycle}`, `{next}`, and
/// which lead sentence fits (rc1, another rc, or the final).
#[derive(Debug, Clone)]
pub struct ReleaseSlots {
    pub tag: String,
    pub cycle: String,
    pub next: String,
    pub rc: Option<u32>,
}

/// Who the sentences talk about: the author's first name, or a neutral subject.
pub struct Prose<'a> {
    pub lang: Lang,
    pub name: Option<&'a str>,
    pub release: Option<&'a ReleaseSlots>,
}

impl Prose<'_> {
    /// Appends the paragraphs of one body to `out`, separated by blank lines.
    pub fn write(&self, rng: &mut Rng, out: &mut String) {
        let (lengths, paras) = prose_tables(self.lang, self.release.is_some());
        let target = rng.quantile(lengths) as usize;
        let mut sentences: Vec<String> = Vec::new();
        let mut used: Vec<&'static str> = Vec::new();
        let mut bytes = 0;
        loop {
            let s = self.sentence(rng, &mut used);
            // Stop at the sentence that would overshoot more than it fills.
            if !sentences.is_empty() && bytes + s.len() / 2 > target {
                break;
            }
            bytes += s.len() + 2;
            sentences.push(s);
        }
        let paras = (rng.histogram(paras) as usize).min(sentences.len());
        let per = sentences.len().div_ceil(paras);
        for (i, chunk) in sentences.chunks(per).enumerate() {
            if i > 0 {
                out.push_str("\n\n");
            }
            wrap(out, chunk);
        }
    }

    /// A sentence not yet used in this body (templates repeat only once all
    /// are used). A release entry opens with what was released, then goes on
    /// with its own remarks, then with general ones.
    fn sentence(&self, rng: &mut Rng, used: &mut Vec<&'static str>) -> String {
        let general = match self.lang {
            Lang::En => SENTENCES_EN,
            Lang::Ko => SENTENCES_KO,
        };
        let pool: &'static [&'static str] = match (self.release, self.lang) {
            (Some(r), lang) => {
                let pool = match (lang, r.rc) {
                    (Lang::En, Some(1)) => RELEASE_EN_RC1,
                    (Lang::En, Some(_)) => RELEASE_EN_RC,
                    (Lang::En, None) => RELEASE_EN_FINAL,
                    (Lang::Ko, Some(1)) => RELEASE_KO_RC1,
                    (Lang::Ko, Some(_)) => RELEASE_KO_RC,
                    (Lang::Ko, None) => RELEASE_KO_FINAL,
                };
                if used.is_empty() {
                    used.push(pool[0]);
                    return self.fill(rng, pool[0]);
                }
                if pool.iter().all(|t| used.contains(t)) {
                    general
                } else {
                    pool
                }
            }
            (None, _) => general,
        };
        let fresh: Vec<&'static str> = pool.iter().copied().filter(|t| !used.contains(t)).collect();
        let template = if fresh.is_empty() {
            used.retain(|t| !pool.contains(t));
            rng.word(pool)
        } else {
            rng.word(&fresh)
        };
        used.push(template);
        self.fill(rng, template)
    }

    fn fill(&self, rng: &mut Rng, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 48);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("templates close their slots");
            self.slot(rng, &rest[open + 1..close], &mut out);
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }

    fn slot(&self, rng: &mut Rng, name: &str, out: &mut String) {
        let ko = self.lang == Lang::Ko;
        match name {
            "name" => {
                out.push_str(
                    self.name
                        .unwrap_or(if ko { "작성자" } else { "The author" }),
                )
            }
            "ident" | "ident2" => {
                let id = rng.word(IDENTS);
                if rng.ratio(BACKTICKS.0, BACKTICKS.1) {
                    out.push('`');
                    out.push_str(id);
                    out.push('`');
                } else {
                    out.push_str(id);
                }
            }
            "topic" => out.push_str(&topic(rng)),
            "qual" => out.push_str(rng.word(QUALIFIERS)),
            "verb3" => out.push_str(rng.word(VERBS_3RD)),
            "adj" => out.push_str(rng.word(ADJECTIVES)),
            "n" => out.push_str(&rng.range(2, 512).to_string()),
            "pct" => out.push_str(&rng.range(2, 60).to_string()),
            "ord" => {
                let ords = if ko { ORDINALS_KO } else { ORDINALS };
                let i = match self.release.and_then(|r| r.rc) {
                    Some(rc) => (rc as usize - 1).min(ords.len() - 1),
                    None => rng.below(ords.len() as u64) as usize,
                };
                out.push_str(ords[i]);
            }
            "tag" | "cycle" | "next" => {
                let r = self.release.expect("only release sentences name tags");
                out.push_str(match name {
                    "tag" => &r.tag,
                    "cycle" => &r.cycle,
                    _ => &r.next,
                });
            }
            other => unreachable!("unknown slot {{{other}}}"),
        }
    }
}

/// Terminal columns: Hangul and other wide characters take two.
fn width(word: &str) -> usize {
    word.chars()
        .map(|c| if c >= '\u{1100}' { 2 } else { 1 })
        .sum()
}

/// Wraps sentences into lines of at most 79 columns; two spaces after a
/// sentence, as the blog writes.
pub fn wrap(out: &mut String, sentences: &[String]) {
    let mut col = 0;
    for s in sentences {
        for (j, word) in s.split(' ').filter(|w| !w.is_empty()).enumerate() {
            let w = width(word);
            let gap = if j == 0 { 2 } else { 1 };
            if col > 0 && col + gap + w > WIDTH {
                out.push('\n');
                col = 0;
            } else if col > 0 {
                out.push_str(&"  "[..gap]);
                col += gap;
            }
            out.push_str(word);
            col += w;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(lang: Lang, seed: u64) -> String {
        let mut out = String::new();
        let p = Prose {
            lang,
            name: Some("Mina"),
            release: None,
        };
        p.write(&mut Rng::new(seed), &mut out);
        out
    }

    #[test]
    fn lines_fit_eighty_columns_and_never_form_markdown_blocks() {
        for seed in 0..300 {
            for lang in [Lang::En, Lang::Ko] {
                let text = body(lang, seed);
                assert!(!text.is_empty());
                for line in text.lines() {
                    assert!(width(line) <= WIDTH || !line.contains(' '), "{line}");
                    assert!(
                        !line.starts_with(['#', '-', '=', '>', '*', '+', ' ']),
                        "{line}"
                    );
                    assert!(!line.contains('{'), "unfilled slot: {line}");
                }
            }
        }
    }

    #[test]
    fn korean_bodies_are_mostly_hangul_with_english_terms() {
        let text: String = (0..200).map(|s| body(Lang::Ko, s)).collect();
        let hangul = text
            .chars()
            .filter(|c| ('\u{AC00}'..='\u{D7A3}').contains(c))
            .count();
        let share = hangul as f64 / text.chars().count() as f64;
        // The real Korean bodies are 37% Hangul by characters (URLs included).
        assert!((0.3..0.6).contains(&share), "{share}");
    }

    #[test]
    fn release_prose_names_the_tag() {
        let slots = ReleaseSlots {
            tag: "v6.7-rc4".into(),
            cycle: "6.7".into(),
            next: "6.8".into(),
            rc: Some(4),
        };
        for lang in [Lang::En, Lang::Ko] {
            let mut out = String::new();
            let p = Prose {
                lang,
                name: None,
                release: Some(&slots),
            };
            p.write(&mut Rng::new(3), &mut out);
            assert!(out.contains("6.7"), "{out}");
        }
    }
}
