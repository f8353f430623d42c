//! The reader's search: the index of the collection (built at the first search), the last
//! search's hits, and stepping through them; the hits of a search being typed, shown as it is
//! typed; the searches of this run, for the prompt's Up and Down. It owns its state and says
//! where to go; the reader goes there.

use crate::corpus::Corpus;
use crate::search::{Hit, SearchIndex};

use super::message::Reached;

/// The last search: its text, its hits and the hit last gone to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Search {
    /// The text searched for, as typed.
    pub query: String,
    /// Every hit, in collection order.
    pub hits: Vec<Hit>,
    /// Index of the hit last gone to.
    pub current: Option<usize>,
    /// Whether hits are marked in the text (Esc hides them; `n` shows them again).
    pub shown: bool,
}

/// Where a search or a step through its hits leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// Go to a hit.
    Hit {
        /// The hit.
        hit: Hit,
        /// Which hit it is, from 1.
        number: usize,
        /// How many hits there are.
        count: usize,
        /// The query, trimmed.
        query: String,
        /// How it was reached.
        reached: Reached,
    },
    /// The query is nowhere (trimmed).
    NoMatch(String),
    /// A step was asked for before any search.
    NoSearch,
    /// Nothing to do: the query was empty.
    Nothing,
}

/// The most searches remembered for Up in the prompt.
const HISTORY: usize = 50;

/// The search's state: the index, the last search, the one being typed and the history.
#[derive(Default)]
pub struct Searching {
    index: Option<SearchIndex>,
    last: Option<Search>,
    /// The hits of the text being typed, shown in place of the last search's until the
    /// prompt is closed.
    typing: Option<Search>,
    /// The searches run, oldest first, each once.
    history: Vec<String>,
}

impl Searching {
    /// The last search, if any.
    pub fn last(&self) -> Option<&Search> {
        self.last.as_ref()
    }

    /// The search whose hits are shown: the one being typed, else the last.
    pub fn shown(&self) -> Option<&Search> {
        self.typing.as_ref().or(self.last.as_ref())
    }

    /// The searches run so far, oldest first.
    pub fn history(&self) -> &[String] {
        &self.history
    }

    /// Show the hits of `query`, being typed, in every article of `corpus` (without going to
    /// any); returns how many there are. Fewer than two letters show none.
    pub fn preview(&mut self, corpus: &Corpus, query: &str) -> usize {
        if query.trim().chars().count() < 2 {
            self.typing = None;
            return 0;
        }
        let hits = self.index.get_or_insert_with(|| SearchIndex::new(corpus)).find(query);
        let count = hits.len();
        self.typing = Some(Search { query: query.to_string(), hits, current: None, shown: true });
        count
    }

    /// The prompt was closed: the last search's hits are shown again (or the new one's).
    pub fn end_preview(&mut self) {
        self.typing = None;
    }

    /// Search every article of `corpus` for `query`; the first hit at or after `here`
    /// (document, paragraph) is the one to go to.
    pub fn run(&mut self, corpus: &Corpus, query: String, here: (usize, usize)) -> Found {
        self.typing = None;
        if query.trim().is_empty() {
            return Found::Nothing;
        }
        self.remember(query.trim());
        let hits = self.index.get_or_insert_with(|| SearchIndex::new(corpus)).find(&query);
        if hits.is_empty() {
            self.last = None;
            return Found::NoMatch(query.trim().to_string());
        }
        let first = hits.iter().position(|h| (h.document, h.paragraph) >= here).unwrap_or(0);
        self.last = Some(Search { query, hits, current: None, shown: true });
        self.go_to(first, Reached::Step)
    }

    /// Keep `query` in the history, as the newest.
    fn remember(&mut self, query: &str) {
        self.history.retain(|q| q != query);
        if self.history.len() == HISTORY {
            self.history.remove(0);
        }
        self.history.push(query.to_string());
    }

    /// The next (`step` 1) or previous (-1) hit, round from the last to the first and back.
    pub fn step(&mut self, step: isize) -> Found {
        let Some(search) = &self.last else {
            return Found::NoSearch;
        };
        let count = search.hits.len() as isize;
        match search.current.map_or(0, |i| i as isize + step) {
            next if next >= count => self.go_to(0, Reached::FirstAgain),
            next if next < 0 => self.go_to(count as usize - 1, Reached::LastAgain),
            next => self.go_to(next as usize, Reached::Step),
        }
    }

    /// Go to hit `index` of the last search (chosen in the list of hits).
    pub fn jump(&mut self, index: usize) -> Found {
        self.go_to(index, Reached::Step)
    }

    /// Hit `index` of the last search, made the current one and shown.
    fn go_to(&mut self, index: usize, reached: Reached) -> Found {
        let Some(search) = self.last.as_mut() else {
            return Found::NoSearch;
        };
        search.current = Some(index);
        search.shown = true;
        Found::Hit {
            hit: search.hits[index].clone(),
            number: index + 1,
            count: search.hits.len(),
            query: search.query.trim().to_string(),
            reached,
        }
    }

    /// Stop marking the hits in the text (until the next step).
    pub fn hide(&mut self) {
        if let Some(search) = &mut self.last {
            search.shown = false;
        }
    }

    /// The collection is now `corpus` (the rest of it was read): the index is built again and
    /// the last search's hits found in it, none of them current.
    pub fn take_up(&mut self, corpus: &Corpus) {
        self.index = None;
        if let Some(search) = &mut self.last {
            let index = self.index.insert(SearchIndex::new(corpus));
            search.hits = index.find(&search.query);
            search.current = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hit of `found`, as (document, paragraph, number, reached).
    fn went(found: Found) -> (usize, usize, usize, Reached) {
        match found {
            Found::Hit { hit, number, reached, .. } => {
                (hit.document, hit.paragraph, number, reached)
            }
            other => panic!("no hit: {other:?}"),
        }
    }

    #[test]
    fn a_search_starts_at_the_reading_place_and_steps_round_both_ends() {
        let corpus = Corpus::builtin();
        let mut searching = Searching::default();
        assert_eq!(searching.step(1), Found::NoSearch);
        assert_eq!(searching.run(&corpus, "  ".into(), (0, 0)), Found::Nothing);
        let all = SearchIndex::new(&corpus).find("الإرهاب");
        assert!(all.len() > 3);
        // From the third hit's paragraph, that hit is the first gone to.
        let here = (all[2].document, all[2].paragraph);
        let (d, p, number, reached) = went(searching.run(&corpus, "الإرهاب ".into(), here));
        assert_eq!((d, p, reached), (here.0, here.1, Reached::Step));
        assert_eq!(all[number - 1].paragraph, here.1);
        let last = all.len();
        searching.go_to(last - 1, Reached::Step);
        assert_eq!(went(searching.step(1)).2, 1, "past the last, round to the first");
        assert_eq!(went(searching.step(1)).3, Reached::Step);
        assert_eq!(went(searching.step(-1)).2, 1);
        let (_, _, number, reached) = went(searching.step(-1));
        assert_eq!((number, reached), (last, Reached::LastAgain), "before the first, the last");
        let Found::Hit { query, count, .. } = searching.step(1) else { panic!() };
        assert_eq!((query.as_str(), count), ("الإرهاب", last), "the query trimmed");
    }

    #[test]
    fn no_match_forgets_the_last_search_and_hiding_lasts_until_the_next_step() {
        let corpus = Corpus::builtin();
        let mut searching = Searching::default();
        went(searching.run(&corpus, "الإرهاب".into(), (0, 0)));
        searching.hide();
        assert!(!searching.last().unwrap().shown);
        went(searching.step(1));
        assert!(searching.last().unwrap().shown);
        let nowhere = "كلمةلاتوجد";
        assert_eq!(searching.run(&corpus, nowhere.into(), (0, 0)), Found::NoMatch(nowhere.into()));
        assert!(searching.last().is_none());
        assert_eq!(searching.step(1), Found::NoSearch);
    }

    #[test]
    fn hits_show_while_typing_and_searches_are_remembered_once() {
        let corpus = Corpus::builtin();
        let mut searching = Searching::default();
        went(searching.run(&corpus, "تلجرام".into(), (0, 0)));
        assert_eq!(searching.preview(&corpus, "ا"), 0, "one letter shows nothing");
        assert_eq!(searching.shown().unwrap().query, "تلجرام");
        let count = searching.preview(&corpus, "الإرها");
        assert!(count > 3);
        assert_eq!(searching.shown().unwrap().hits.len(), count);
        assert_eq!(searching.last().unwrap().query, "تلجرام", "not run yet");
        searching.end_preview();
        assert_eq!(searching.shown().unwrap().query, "تلجرام");
        went(searching.run(&corpus, "الإرهاب".into(), (0, 0)));
        went(searching.run(&corpus, " تلجرام ".into(), (0, 0)));
        assert_eq!(searching.history(), ["الإرهاب", "تلجرام"]);
    }

    #[test]
    fn the_whole_collection_finds_the_hits_again_with_none_current() {
        let corpus = Corpus::builtin();
        let first = Corpus { documents: corpus.documents[..1].to_vec(), warnings: Vec::new() };
        let mut searching = Searching::default();
        went(searching.run(&first, "الإرهاب".into(), (0, 0)));
        let few = searching.last().unwrap().hits.len();
        searching.take_up(&corpus);
        let search = searching.last().unwrap();
        assert!(search.hits.len() > few);
        assert_eq!(search.current, None);
        assert_eq!(went(searching.step(1)).2, 1);
    }
}
