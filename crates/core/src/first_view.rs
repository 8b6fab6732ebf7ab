//! The archive's default view as static HTML, which the build writes into `index.html`, and the words the viewer's shell shares with it.
//!
//! The page then shows the newest entries, their facets and the status line
//! as soon as the HTML is parsed, before the wasm has downloaded; the viewer
//! draws the same view from the same functions (`crate::listing`,
//! `crate::facet_list`, `crate::status`) and swaps it in within one task, so
//! nothing moves. The shell's words live here once, for both. Nothing in it
//! runs: it is text and form controls, escaped like every row.

use std::fmt::Write;

use crate::archive::Archive;
use crate::chunks::Progress;
use crate::cursor::{more_label, PAGE};
use crate::facet_list::FacetList;
use crate::facets::Facet;
use crate::listing::{escape, results_html, FACET_SECTION, HELP};
use crate::status::{show_results, status_line};
use crate::story_html::PER_SERIES_LABEL;
use crate::subscribe::{offer, ATOM_TYPE};
use crate::viewstate::{Sort, ViewState};

/// The element the first view is written in; the viewer removes it when it takes over.
pub const FIRST_VIEW_ID: &str = "first-view";
/// Where the build puts the first view: inside `<main id="main">`, before anything else.
pub const MAIN_OPEN: &str = "<main id=\"main\">";

/// The search box's placeholder: one example per kind of query.
pub const SEARCH_PLACEHOLDER: &str =
    "Search: damon, __GFP_ZERO, a:Babka, rel:v6.7, \"exact phrase\", -rfc";
/// The search box's label (visually hidden).
pub const SEARCH_LABEL: &str = "Search the archive";
/// The help button's tooltip.
pub const HELP_TITLE: &str = "Search help and keyboard shortcuts (?)";
/// A long facet's filter box placeholder.
pub const FILTER_PLACEHOLDER: &str = "Filter…";
/// The help button's hidden name after its `?`.
pub const HELP_NAME: &str = " Search help";
/// The sort menu's label, before the menu.
pub const ORDER_LABEL: &str = "Order ";
/// The button that opens the filters on a narrow screen, and the filters' name.
pub const FILTERS: &str = "Filters";
/// The release picker's submit button.
pub const PICKER_ADD: &str = "Add";
/// The release picker's placeholder and label.
pub const PICKER_PLACEHOLDER: &str = "v6.7-rc4, v6.7, v6.x, v6.0..v6.7";
pub const PICKER_LABEL: &str = "Add a release: tag, cycle, series or range";

/// The id of a facet's heading, which labels its section.
pub fn heading_id(facet: Facet) -> String {
    format!("facet-{}", facet.key())
}

/// The label of a long facet's filter box: "Filter author values".
pub fn filter_label(facet: Facet) -> String {
    format!("Filter {} values", facet.label().to_lowercase())
}

/// The whole default view (nothing searched, filtered or open), wrapped in
/// the [`FIRST_VIEW_ID`] element; `progress` is how much of a split archive
/// `archive` holds, as the viewer's status line will say when it takes over.
pub fn first_view_html(archive: &Archive, progress: &Progress) -> String {
    let state = ViewState::default();
    let outcome = archive.outcome(&state, None);
    let mut out = format!("<div id=\"{FIRST_VIEW_ID}\">");
    let _ = write!(
        out,
        "<search class=\"search-bar\" role=\"search\"><label for=\"q\" class=\"visually-hidden\">{SEARCH_LABEL}</label>\
         <input id=\"q\" type=\"search\" autocomplete=\"off\" spellcheck=\"false\" placeholder=\"{}\">\
         <button type=\"button\" class=\"help-button\" aria-controls=\"{HELP}\" aria-expanded=\"false\" title=\"{HELP_TITLE}\">?\
         <span class=\"visually-hidden\">{HELP_NAME}</span></button><div aria-live=\"polite\"></div></search>",
        escape(SEARCH_PLACEHOLDER)
    );
    // Inert until the viewer replaces it: its checkboxes, buttons and links
    // would do nothing the viewer keeps (only the search box's text is carried
    // over), and the release picker's form must not submit.
    let _ = write!(
        out,
        "<div class=\"layout\" inert><button type=\"button\" class=\"filters-toggle\" aria-controls=\"filters\" \
         aria-expanded=\"false\">{FILTERS}</button><aside id=\"filters\" class=\"facets\" aria-label=\"{FILTERS}\">",
    );
    for facet in Facet::ALL {
        facet_section(&mut out, archive, &outcome, facet, &state);
    }
    let _ = write!(
        out,
        "<button type=\"button\" class=\"show-results\">{}</button></aside><div class=\"content\">",
        escape(&show_results(outcome.hits.len()))
    );
    status_bar(&mut out, archive, &outcome, progress);
    let shown = &outcome.hits[..outcome.hits.len().min(PAGE)];
    let _ = write!(
        out,
        "<div class=\"results\"><div class=\"groups\">{}</div>",
        results_html(archive, shown, &state, &[])
    );
    if let Some(more) = more_label(outcome.hits.len(), PAGE) {
        let _ = write!(
            out,
            "<button class=\"show-more\">{}</button>",
            escape(&more)
        );
    }
    out.push_str("</div></div></div></div>");
    out
}

fn facet_section(
    out: &mut String,
    archive: &Archive,
    outcome: &crate::archive::Outcome,
    facet: Facet,
    state: &ViewState,
) {
    let id = heading_id(facet);
    let _ = write!(
        out,
        "<section class=\"{FACET_SECTION}\" aria-labelledby=\"{id}\"><h2 id=\"{id}\">{}</h2>",
        facet.label()
    );
    if facet == Facet::Release {
        let _ = write!(
            out,
            "<form class=\"release-picker\"><input type=\"text\" list=\"release-tags\" id=\"release-picker\" \
             aria-label=\"{PICKER_LABEL}\" placeholder=\"{PICKER_PLACEHOLDER}\" aria-describedby=\"release-picker-error\">\
             <button type=\"submit\">{PICKER_ADD}</button><datalist id=\"release-tags\">"
        );
        for tag in archive.release_tags() {
            let _ = write!(out, "<option value=\"{}\"></option>", escape(tag));
        }
        out.push_str("</datalist><p id=\"release-picker-error\" class=\"field-error\" aria-live=\"polite\"></p></form>");
    }
    if FacetList::filterable(outcome, facet) {
        let _ = write!(
            out,
            "<input type=\"search\" class=\"facet-filter\" placeholder=\"{FILTER_PLACEHOLDER}\" aria-label=\"{}\">",
            escape(&filter_label(facet))
        );
    }
    if let Some(list) = FacetList::of(archive, outcome, facet, state, "", false) {
        let _ = write!(
            out,
            "<ul class=\"{}\">{}</ul>",
            FacetList::class(facet),
            list.html
        );
        for label in [list.show_all.as_deref(), list.show_fewer]
            .into_iter()
            .flatten()
        {
            let _ = write!(
                out,
                "<button type=\"button\" class=\"link-button\">{}</button>",
                escape(label)
            );
        }
    }
    out.push_str("</section>");
}

fn status_bar(
    out: &mut String,
    archive: &Archive,
    outcome: &crate::archive::Outcome,
    progress: &Progress,
) {
    let _ = write!(
        out,
        "<div class=\"status-bar\"><p class=\"result-count\" role=\"status\">{}</p><div class=\"view-options\">",
        escape(&status_line(outcome, archive.len(), progress))
    );
    let feeds = archive.bundle.feeds.as_ref().map(|f| f.files.as_slice());
    if let Some(o) = feeds.and_then(|files| offer(files, None)) {
        let _ = write!(
            out,
            "<a class=\"subscribe\" href=\"{}\" type=\"{ATOM_TYPE}\" title=\"{}\">{}</a>",
            escape(&o.href),
            escape(&o.title),
            escape(&o.text)
        );
    }
    let _ = write!(out, "<label class=\"sort\">{ORDER_LABEL}<select>");
    for sort in Sort::ALL {
        let _ = write!(
            out,
            "<option value=\"{}\">{}</option>",
            sort.key(),
            sort.label()
        );
    }
    let _ = write!(
        out,
        "</select></label><label class=\"per-series\"><input type=\"checkbox\">{PER_SERIES_LABEL}</label></div></div>"
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::tests::archive;

    #[test]
    fn the_first_view_is_the_default_view_core_draws_for_the_viewer() {
        let a = archive();
        let html = first_view_html(&a, &Progress::default());
        let outcome = a.outcome(&ViewState::default(), None);
        let shown = &outcome.hits[..outcome.hits.len().min(PAGE)];
        assert!(html.starts_with("<div id=\"first-view\"><search class=\"search-bar\""));
        assert!(html.ends_with("</div></div></div></div>"));
        assert!(html.contains(&results_html(&a, shown, &ViewState::default(), &[])));
        let status = format!(
            "<p class=\"result-count\" role=\"status\">{}</p>",
            crate::status::outcome_count(&outcome, a.len())
        );
        assert!(html.contains(&status), "{html}");
        for facet in Facet::ALL {
            let heading = format!("<h2 id=\"{}\">{}</h2>", heading_id(facet), facet.label());
            assert_eq!(html.matches(&heading).count(), 1, "{heading}");
            if let Some(list) = FacetList::of(&a, &outcome, facet, &ViewState::default(), "", false)
            {
                assert!(html.contains(&list.html), "{facet:?}");
            }
        }
        assert!(html.contains("<option value=\"relevance\">Best match</option>"));
        assert_eq!(html.matches("<datalist").count(), 1);
    }

    #[test]
    fn a_split_archive_s_first_view_says_how_much_it_holds_as_the_viewer_will() {
        let a = archive();
        let progress = Progress {
            chunks: (1, 4),
            entries: (a.len(), 40),
            failed: None,
        };
        let html = first_view_html(&a, &progress);
        let outcome = a.outcome(&ViewState::default(), None);
        let line = status_line(&outcome, a.len(), &progress);
        assert_eq!(
            line,
            "7 entries in 5 posts. Searching 7 of 40 entries, loading part 2 of 4…"
        );
        assert!(
            html.contains(&format!("role=\"status\">{line}</p>")),
            "{html}"
        );
    }

    #[test]
    fn a_short_archive_has_no_show_more_button() {
        let html = first_view_html(&archive(), &Progress::default());
        assert!(!html.contains("show-more"), "six entries fit one page");
    }

    #[test]
    fn the_shell_words_are_escaped_where_they_need_it() {
        let html = first_view_html(&archive(), &Progress::default());
        assert!(html.contains("placeholder=\"Search: damon, __GFP_ZERO, a:Babka, rel:v6.7, &quot;exact phrase&quot;, -rfc\""));
        assert_eq!(filter_label(Facet::Author), "Filter author values");
        // The viewer's sections are labelled by these ids as well.
        assert_eq!(heading_id(Facet::Author), "facet-author");
        assert_eq!(heading_id(Facet::Release), "facet-rel");
    }
}
