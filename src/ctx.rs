//! The signals every view component shares, derived once from the URL state.

use kernel_news_core::archive::{Archive, Outcome};
use kernel_news_core::chunks::Progress;
use kernel_news_core::cursor::PAGE;
use kernel_news_core::searched::Searched;
use kernel_news_core::viewstate::ViewState;
use leptos::prelude::*;

use crate::location::{self, Step};

#[derive(Clone, Copy)]
pub struct Ctx {
    /// Read through `with_value`; appended to in place as a split archive's
    /// chunks come in, each time with [`Ctx::generation`] bumped.
    pub archive: StoredValue<Archive>,
    /// How many times the archive has grown: what a view tracks to follow it.
    pub generation: RwSignal<u32>,
    /// How much of a split archive is in (complete from the start for a whole one).
    pub progress: RwSignal<Progress>,
    /// The whole view, mirrored in the URL fragment.
    pub state: RwSignal<ViewState>,
    /// The view with nothing open: what the results, facets and chips show,
    /// so opening an entry or moving through entries re-renders none of them.
    pub filters: Memo<ViewState>,
    /// Hits, counts and problems of the current filters and query.
    pub outcome: Memo<Outcome>,
    /// Lowercased positive search terms, for `<mark>`.
    pub highlights: Memo<Vec<String>>,
    /// How many result rows are rendered: [`PAGE`] at first, more on scroll,
    /// "show more" or a cursor moved past them (`kernel_news_core::cursor`).
    pub limit: RwSignal<usize>,
    /// The keyboard cursor: an index into the hits.
    pub cursor: RwSignal<Option<usize>>,
    pub help: RwSignal<bool>,
}

impl Ctx {
    pub fn new(archive: Archive, progress: Progress) -> Ctx {
        let state = RwSignal::new(location::current());
        let stored = StoredValue::new(archive);
        let generation = RwSignal::new(0u32);
        let query = Memo::new(move |_| state.with(|s| s.query.clone()));
        // Only the text decides the search hits, so a facet click never
        // re-searches; typing on searches only the previous hits, of the
        // same archive (a grown one has entries the previous search never saw).
        let searched = Memo::new(move |previous: Option<&(u32, Searched)>| {
            let now = generation.get();
            let previous = previous.filter(|(g, _)| *g == now).map(|(_, s)| s);
            let s = query.with(|q| stored.with_value(|a| Searched::new(a, q, previous)));
            (now, s)
        });
        // Opening an entry changes no result: compare the view without it.
        let filters = Memo::new(move |_| state.with(ViewState::closed));
        let outcome = Memo::new(move |_| {
            filters.with(|f| {
                searched.with(|(_, s)| stored.with_value(|a| a.outcome(f, s.hits.as_ref())))
            })
        });
        let highlights = Memo::new(move |_| searched.with(|(_, s)| s.highlights()));
        Ctx {
            archive: stored,
            generation,
            progress: RwSignal::new(progress),
            state,
            filters,
            outcome,
            highlights,
            limit: RwSignal::new(PAGE),
            cursor: RwSignal::new(None),
            help: RwSignal::new(false),
        }
    }

    pub fn go(self, next: ViewState, step: Step) {
        location::go(self.state, next, step);
    }

    /// Applies `change` to a copy of the current state and pushes the result.
    pub fn push(self, change: impl FnOnce(&mut ViewState)) {
        let mut next = self.state.get_untracked();
        change(&mut next);
        self.go(next, Step::Push);
    }
}

pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}
