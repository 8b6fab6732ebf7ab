//! The releases page: the releases chart on top, then every cycle with its tags,
//! length and statistics, each linking to its news and to its LWN coverage.

use kernel_news_core::bundle::SOURCE_LWN;
use kernel_news_core::chart::Window;
use kernel_news_core::coverage::{by_cycle, cycle_html, has_lwn};
use kernel_news_core::cycles::{
    cycles, figure_cell, news_label, tag_date, tag_name, tag_tip, UNKNOWN,
};
use kernel_news_core::facets::Facet;
use kernel_news_core::listing::OPEN_TITLE;
use kernel_news_core::source::label;
use kernel_news_core::viewstate::ViewState;
use leptos::prelude::*;

use crate::components::release_chart::ReleaseChart;
use crate::ctx::use_ctx;

#[component]
pub fn ReleasesPage() -> impl IntoView {
    let ctx = use_ctx();
    let back = ctx.state.get_untracked().closed().href();
    let (rows, window, lwn) = ctx.archive.with_value(|a| {
        let all = cycles(&a.bundle.releases);
        // An archive without LWN items keeps the table as it was.
        let lwn = has_lwn(a).then(|| by_cycle(a, SOURCE_LWN));
        let rows = all
            .iter()
            .map(|c| {
                let tags = c
                    .tags
                    .iter()
                    .map(|t| {
                        let (tip, date) = (tag_tip(t), tag_date(t));
                        let name = tag_name(&t.version);
                        view! { <li title=tip>{name}" "<time>{date}</time></li> }
                    })
                    .collect_view();
                let mut to = ViewState::default();
                to.toggle(Facet::Release, &c.version);
                let entries = a.entries_in_cycle(&c.version);
                let news = news_label(entries).map(|text| view! { <a href=to.href()>{text}</a> });
                let totals = c
                    .totals
                    .iter()
                    .map(|(_, v)| view! { <td class="num">{figure_cell(*v)}</td> })
                    .collect_view();
                // The count links to the cycle's LWN items; its merge-window reports are linked by title.
                let coverage = lwn.as_ref().map(|by| {
                    let cell = cycle_html(a, &c.version, by.get(&c.version));
                    view! { <td class="lwn" inner_html=cell></td> }
                });
                let days = c.days_cell();
                let state = c.state();
                view! {
                    <tr>
                        <th scope="row" class="release">{c.version.clone()}</th>
                        <td><ul class="tags">{tags}</ul></td>
                        <td class="num rcs" title=c.rcs_tip()>{c.rcs_cell()}</td>
                        <td class="num" title=state>{days}</td>
                        {totals}
                        <td class="news">{news}</td>
                        {coverage}
                    </tr>
                }
            })
            .collect_view();
        (rows, Window::latest(&a.bundle.releases), lwn.is_some())
    });
    let lwn_head = lwn.then(|| view! { <th scope="col">{label(SOURCE_LWN)}</th> });
    let chart = window.map(|window| view! { <ReleaseChart window=window /> });
    view! {
        <article class="releases-page" aria-labelledby=OPEN_TITLE>
            <nav class="pager" aria-label="Page navigation"><a class="back" href=back>"← Back to results"</a></nav>
            <h2 id=OPEN_TITLE tabindex="-1">"Releases"</h2>
            {chart}
            <div class="table-scroll">
                <table class="cycles">
                    <caption>{format!("Every release cycle: rc tags with dates, rcs, days from the previous release, and the sum of each tag's diffstat ({UNKNOWN} where a tag's figures are unknown)")}</caption>
                    <thead><tr>
                        <th scope="col">"cycle"</th><th scope="col">"tags"</th><th scope="col">"rcs"</th><th scope="col">"days"</th>
                        <th scope="col">"files changed"</th><th scope="col">"deletions"</th><th scope="col">"insertions"</th><th scope="col">"diff"</th>
                        <th scope="col">"news"</th>
                        {lwn_head}
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </article>
    }
}
