//! Reading the search box: tokens, then `OR`, `AND`, `NOT` and parentheses by precedence, then the flat query the engine's fast paths take.
//!
//! Precedence as in lore (public-inbox over Xapian) and most search boxes:
//! `NOT` (and a leading `-`) binds tightest, then `AND` (also written as
//! nothing: `a b` is `a AND b`), then `OR`. The operators are the uppercase
//! words only, so `or` and `not` stay words to find. A `(` opens a group at
//! the start of a word and a `)` closes one at its end, so `split_huge_page()`
//! is still one identifier. What the top level ANDs together that is a plain
//! term or prefix goes into the flat fields of [`Query`] (every fast path of
//! the engine is for those); what is an `OR`, a `NOT` of a prefix, or a group
//! stays an [`Expr`] in `groups`.

use crate::date_range::DateRange;
use crate::query::{facet_of, Atom, Expr, Field, Query, Term, Versions};
use crate::selector::ReleaseSelector;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Open,
    Close,
    Or,
    And,
    Not,
    /// A word, a phrase or a `prefix:value`; `quoted` when any of it was in quotes.
    Word {
        text: String,
        quoted: bool,
    },
}

/// Splits on whitespace outside double quotes; a quote may follow a prefix
/// (`s:"a b"`); `(` at a word's start and unbalanced `)` at its end are groups.
fn tokens(input: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let (mut quoted, mut had_quote) = (false, false);
    let (mut open, mut close) = (0usize, 0usize);
    let flush = |cur: &mut String,
                 had_quote: &mut bool,
                 open: &mut usize,
                 close: &mut usize,
                 out: &mut Vec<Token>| {
        let mut closes = 0;
        while *close > *open && cur.ends_with(')') {
            cur.pop();
            *close -= 1;
            closes += 1;
        }
        if !cur.is_empty() {
            let word = std::mem::take(cur);
            out.push(match (word.as_str(), *had_quote) {
                ("OR", false) => Token::Or,
                ("AND", false) => Token::And,
                ("NOT", false) => Token::Not,
                _ => Token::Word {
                    text: word,
                    quoted: *had_quote,
                },
            });
        }
        out.extend(std::iter::repeat_n(Token::Close, closes));
        (*had_quote, *open, *close) = (false, 0, 0);
    };
    for c in input.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                had_quote = true;
            }
            c if c.is_whitespace() && !quoted => {
                flush(&mut cur, &mut had_quote, &mut open, &mut close, &mut out)
            }
            '(' if !quoted && (cur.is_empty() || cur == "-") => {
                if cur == "-" {
                    cur.clear();
                    out.push(Token::Not);
                }
                out.push(Token::Open);
            }
            c => {
                if !quoted {
                    open += usize::from(c == '(');
                    close += usize::from(c == ')');
                }
                cur.push(c);
            }
        }
    }
    flush(&mut cur, &mut had_quote, &mut open, &mut close, &mut out);
    out
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
    problems: Vec<String>,
    /// How many groups and `NOT`s enclose the term being read.
    depth: usize,
}

/// Groups and `NOT`s nest at most this deep. Each level is a frame of the
/// parser's recursion (and of every walk over the expression after it), so
/// a pasted run of 1,000 `(` overflowed the stack (found by the fuzz target
/// `queries_read_any_text`); no query a person writes comes near it.
pub const MAX_NESTING: usize = 32;

const DANGLING: &str = "needs a term on each side; expected `a OR b`";

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn next(&mut self) -> Option<Token> {
        let t = self.tokens.get(self.at).cloned();
        self.at += 1;
        t
    }

    fn problem(&mut self, p: String) {
        if !self.problems.contains(&p) {
            self.problems.push(p);
        }
    }

    fn or(&mut self) -> Option<Expr> {
        let mut sides: Vec<Expr> = self.and().into_iter().collect();
        let mut dangling = false;
        while self.peek() == Some(&Token::Or) {
            self.next();
            dangling |= sides.is_empty();
            match self.and() {
                Some(e) => sides.push(e),
                None => dangling = true,
            }
        }
        if dangling {
            self.problem(format!("`OR` {DANGLING}"));
        }
        match sides.len() {
            0 => None,
            1 => sides.pop(),
            _ => Some(Expr::Or(sides)),
        }
    }

    /// Parts side by side, and parts joined by an explicit `AND`. Side by
    /// side, two values of one prefix give either (as two ticks in a facet);
    /// joined by `AND`, both: each such side becomes a group of its own.
    fn and(&mut self) -> Option<Expr> {
        let mut segments: Vec<Vec<Expr>> = vec![Vec::new()];
        while let Some(t) = self.peek() {
            match t {
                Token::Or | Token::Close => break,
                Token::And => {
                    self.next();
                    let empty_before = segments.last().is_some_and(Vec::is_empty);
                    if empty_before || matches!(self.peek(), None | Some(Token::Or | Token::Close))
                    {
                        self.problem("`AND` needs a term on each side; expected `a AND b`".into());
                    }
                    if !empty_before {
                        segments.push(Vec::new());
                    }
                }
                _ => {
                    let item = self.unary();
                    segments.last_mut().expect("one at least").extend(item);
                }
            }
        }
        segments.retain(|s| !s.is_empty());
        let joined = |mut items: Vec<Expr>| match items.len() {
            1 => items.pop().expect("one"),
            _ => Expr::And(items),
        };
        match segments.len() {
            0 => None,
            1 => segments.pop().map(joined),
            _ => Some(Expr::And(
                (segments.into_iter())
                    .map(|seg| match seg.iter().any(is_prefix) {
                        true => Expr::And(seg),
                        false => joined(seg),
                    })
                    .collect(),
            )),
        }
    }

    fn unary(&mut self) -> Option<Expr> {
        if self.depth >= MAX_NESTING {
            // Read flat from here: the deeper `(` and `NOT` are skipped in a
            // loop, not followed, and the term after them is read as a term.
            while matches!(self.peek(), Some(Token::Open | Token::Not)) {
                self.next();
            }
            self.problem(format!(
                "groups and `NOT`s nest at most {MAX_NESTING} deep; the deeper ones are left out"
            ));
            return match self.next()? {
                Token::Word { text, quoted } => self.word(&text, quoted),
                _ => None,
            };
        }
        self.depth += 1;
        let expr = self.nested();
        self.depth -= 1;
        expr
    }

    /// A `NOT`, a group or a word, one level below the caller.
    fn nested(&mut self) -> Option<Expr> {
        match self.next()? {
            Token::Not => match self.peek() {
                Some(Token::Word { .. } | Token::Open | Token::Not) => {
                    self.unary().map(|e| Expr::Not(Box::new(e)))
                }
                _ => {
                    self.problem("`NOT` needs a term after it; expected `NOT rfc`".into());
                    None
                }
            },
            Token::Open => {
                let inner = self.or();
                if self.next() != Some(Token::Close) {
                    self.problem("a `(` is never closed; expected a `)` after its group".into());
                }
                // A prefix in parentheses of its own is not side by side with
                // another value of its prefix: `(kind:rfc) (kind:patch)` is both.
                inner.map(|e| match is_prefix(&e) {
                    true => Expr::And(vec![e]),
                    false => e,
                })
            }
            Token::Word { text, quoted } => self.word(&text, quoted),
            Token::Close | Token::Or | Token::And => None,
        }
    }

    /// One word: a text term or a prefix, `-` making it a NOT.
    fn word(&mut self, token: &str, quoted: bool) -> Option<Expr> {
        let (negated, body) = match token.strip_prefix('-') {
            Some(rest) if !rest.is_empty() => (true, rest),
            _ => (false, token),
        };
        // A quoted token is always text, even if it looks like `a:b`.
        let prefixed = if quoted && !body.contains(':') {
            None
        } else {
            body.split_once(':')
        };
        let text_term = |field, text: &str| {
            let text = text.to_lowercase();
            (!text.is_empty()).then(|| Term {
                field,
                // A quoted ASCII word or phrase is matched as whole words;
                // Korean has no such boundaries and is matched as typed.
                whole_word: quoted && text.is_ascii(),
                text,
                negated: false,
            })
        };
        let atom = match prefixed {
            Some(("s" | "subject", v)) => text_term(Field::Subject, v).map(Atom::Term),
            Some(("a" | "author", v)) => text_term(Field::Author, v).map(Atom::Term),
            Some(("b" | "body", v)) => text_term(Field::Body, v).map(Atom::Term),
            Some(("rel" | "release", v)) => match v.parse::<ReleaseSelector>() {
                Ok(s) => Some(Atom::Release(s)),
                Err(e) => {
                    self.problem(e.to_string());
                    None
                }
            },
            Some(("series", v)) if !v.is_empty() => Some(Atom::Series(v.to_lowercase())),
            Some(("versions", v)) => match v.parse::<Versions>() {
                Ok(c) => Some(Atom::Versions(c)),
                Err(e) => {
                    self.problem(e.to_string());
                    None
                }
            },
            Some(("d" | "date", v)) => match v.parse::<DateRange>() {
                Ok(r) => Some(Atom::Date(r)),
                Err(e) => {
                    self.problem(e.to_string());
                    None
                }
            },
            Some((prefix, v)) if !v.is_empty() && facet_of(prefix).is_some() => Some(Atom::Facet(
                facet_of(prefix).expect("checked"),
                v.to_string(),
            )),
            _ => text_term(Field::Any, body).map(Atom::Term),
        }?;
        let expr = Expr::Atom(atom);
        Some(if negated {
            Expr::Not(Box::new(expr))
        } else {
            expr
        })
    }
}

/// A facet, release or series prefix, whose values side by side are an OR.
fn is_prefix(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Atom(Atom::Facet(..) | Atom::Release(_) | Atom::Series(_))
    )
}

/// Reads the search box into a [`Query`]; what cannot be read is a problem,
/// worded for the user, and the rest still searches.
pub fn parse(input: &str) -> Query {
    let mut p = Parser {
        tokens: tokens(input),
        at: 0,
        problems: Vec::new(),
        depth: 0,
    };
    let mut top = Vec::new();
    while p.at < p.tokens.len() {
        top.extend(p.or());
        if p.peek() == Some(&Token::Close) {
            p.next();
            p.problem("a `)` closes no `(`; expected `(a OR b)`".into());
        }
    }
    let mut q = Query {
        problems: std::mem::take(&mut p.problems),
        ..Query::default()
    };
    let conjuncts = top.into_iter().flat_map(|e| match e {
        Expr::And(items) => items,
        e => vec![e],
    });
    for e in conjuncts {
        flatten(&mut q, e);
    }
    q
}

/// Puts one conjunct of the top level where the engine takes it.
fn flatten(q: &mut Query, e: Expr) {
    match e {
        Expr::Atom(Atom::Term(t)) => q.terms.push(t),
        Expr::Not(inner) => match *inner {
            Expr::Atom(Atom::Term(t)) => q.terms.push(Term { negated: true, ..t }),
            other => q.groups.push(Expr::Not(Box::new(other))),
        },
        Expr::Atom(Atom::Release(s)) => q.releases.push(s),
        Expr::Atom(Atom::Facet(f, v)) => q.facets.push((f, v)),
        Expr::Atom(Atom::Series(s)) => q.series.push(s),
        Expr::Atom(Atom::Versions(v)) => q.versions.push(v),
        Expr::Atom(Atom::Date(d)) => q.dates.push(d),
        other => q.groups.push(other),
    }
}

#[cfg(test)]
#[path = "query_parse_tests.rs"]
mod tests;
