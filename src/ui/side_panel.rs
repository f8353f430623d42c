//! The side panel's state: whether it is open where it folds away, the section shown, its
//! items as built for the article, paragraph and width, and the item selected. It owns that
//! state; the reader tells it what it shows and acts on what is chosen.

use super::action::Action;
use super::panel::{PanelItem, PanelSource, Section, Target, first_shown, item_rows};

/// What a panel's items were built for: the article, the section, the paragraph (for a
/// section that follows it), the width, and whether the analysis was there.
type BuiltFor = (usize, Section, usize, u16, bool);

/// The side panel.
#[derive(Default)]
pub struct SidePanel {
    open: bool,
    /// Whether the keyboard goes to it.
    focused: bool,
    section: Section,
    selected: usize,
    items: Vec<PanelItem>,
    built_for: Option<BuiltFor>,
}

impl SidePanel {
    /// Whether it is open where it is folded away on a narrow screen.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Whether the keyboard goes to it.
    pub fn focused(&self) -> bool {
        self.focused
    }

    /// Give it the keyboard, or give the keyboard back to the article.
    pub fn set_focused(&mut self, focused: bool) {
        self.focused = focused;
    }

    /// Open it (where it folds away) with the keyboard.
    pub fn show(&mut self) {
        self.open = true;
        self.focused = true;
    }

    /// Give the keyboard back to the article and fold it away (where it folds).
    pub fn leave(&mut self) {
        self.open = false;
        self.focused = false;
    }

    /// The section shown.
    pub fn section(&self) -> Section {
        self.section
    }

    /// Show the section `step` places along the tab bar, with the keyboard when the panel is
    /// folded away (`hidden`): the outline at `reading`, the entry of the section being read,
    /// any other section from its first item.
    pub fn step_section(&mut self, step: isize, hidden: bool, reading: Option<usize>) {
        self.section = self.section.step(step);
        // Kept inside the section's items when they are built.
        self.selected = if self.section == Section::Outline { reading.unwrap_or(0) } else { 0 };
        if hidden {
            self.show();
        }
    }

    /// Tab: give the keyboard back to the article, or take it (opening the panel where it
    /// folds away); the outline opens at `reading`, the entry of the section being read.
    pub fn toggle(&mut self, reading: Option<usize>) {
        if self.focused {
            self.leave();
        } else {
            self.show();
            if self.section == Section::Outline {
                self.select(reading.unwrap_or(0));
            }
        }
    }

    /// Enter: where the selected item leads, the keyboard back to the article.
    pub fn choose(&mut self) -> Option<Target> {
        let target = self.selected_item()?.target.clone();
        self.leave();
        Some(target)
    }

    /// Esc: leave the panel; false when it was neither open nor had the keyboard.
    pub fn close(&mut self) -> bool {
        let shown = self.open || self.focused;
        self.leave();
        shown
    }

    /// The items, as last built.
    pub fn items(&self) -> &[PanelItem] {
        &self.items
    }

    /// The index of the selected item.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The selected item, if there is one.
    pub fn selected_item(&self) -> Option<&PanelItem> {
        self.items.get(self.selected)
    }

    /// Select item `index` (the last if there are fewer).
    pub fn select(&mut self, index: usize) {
        self.selected = index.min(self.items.len().saturating_sub(1));
    }

    /// Move the selection as `action` moves a list, stopping at the ends: an item, a page
    /// (as many items as a list of `height` rows shows now), or to either end; whether
    /// `action` is such a move.
    pub fn move_selection(&mut self, action: Action, height: usize) -> bool {
        let page = item_rows(&self.items, self.first_shown(height), height).len().max(1);
        let selected = match action {
            Action::Down => self.selected + 1,
            Action::Up => self.selected.saturating_sub(1),
            Action::PageDown => self.selected + page,
            Action::PageUp => self.selected.saturating_sub(page),
            Action::Top => 0,
            Action::Bottom => self.items.len(),
            _ => return false,
        };
        self.select(selected);
        true
    }

    /// How many items lie wholly or partly above and below a list of `height` rows as it
    /// shows them now.
    pub fn beyond(&self, height: usize) -> (usize, usize) {
        let first = self.first_shown(height);
        let whole = item_rows(&self.items, first, height)
            .into_iter()
            .filter(|&(i, start)| start + self.items[i].lines.len() <= height)
            .count();
        (first, self.items.len().saturating_sub(first + whole))
    }

    /// Build the items of the section from `source`, unless they are built already for the
    /// same article, paragraph (when the section follows it), width and analysis. Another
    /// article's items are shown from the first.
    pub fn refresh(&mut self, source: PanelSource) {
        let paragraph = if self.section.follows_paragraph() { source.paragraph } else { 0 };
        let built_for = Some((
            source.document,
            self.section,
            paragraph,
            source.width,
            source.analysis.is_some(),
        ));
        if self.built_for != built_for {
            if self.built_for.is_some_and(|(document, ..)| document != source.document) {
                self.selected = 0;
            }
            self.built_for = built_for;
            self.items = PanelSource { paragraph, ..source }.items(self.section);
        }
        self.select(self.selected);
    }

    /// The first item shown in a list of `height` rows: the selection kept in view when the
    /// panel has the focus, else the top.
    pub fn first_shown(&self, height: usize) -> usize {
        if self.focused { first_shown(&self.items, self.selected, height) } else { 0 }
    }

    /// The item drawn on row `row` of a list of `height` rows, if any.
    pub fn item_at(&self, row: usize, height: usize) -> Option<usize> {
        let first = self.first_shown(height);
        item_rows(&self.items, first, height)
            .into_iter()
            .find(|&(i, start)| row >= start && row < start + self.items[i].lines.len())
            .map(|(i, _)| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Analysis, ThemeSource};
    use crate::corpus::Corpus;
    use crate::lang::Lang;
    use crate::layout::LayoutOptions;

    #[test]
    fn items_are_built_once_for_what_they_show_and_the_selection_stays_inside() {
        let corpus = Corpus::builtin();
        let analysis = Analysis::new(&corpus, &ThemeSource::default_for(&corpus));
        let options = LayoutOptions::default();
        let source = |paragraph| PanelSource {
            corpus: &corpus,
            analysis: Some(&analysis),
            document: 0,
            paragraph,
            width: 40,
            options: &options,
            lang: Lang::En,
        };
        let mut panel = SidePanel::default();
        panel.refresh(source(3));
        let key_points = panel.items().len();
        assert!(key_points > 2);
        panel.select(99);
        assert_eq!(panel.selected(), key_points - 1, "the last, not past it");
        assert!(panel.move_selection(Action::Down, 30));
        assert_eq!(panel.selected(), key_points - 1);
        assert!(panel.move_selection(Action::Top, 30) && panel.selected() == 0);
        assert!(panel.move_selection(Action::Bottom, 30));
        assert_eq!(panel.selected(), key_points - 1);
        assert!(!panel.move_selection(Action::Activate, 30));
        // Key points do not follow the paragraph: nothing is built again.
        panel.refresh(source(5));
        assert_eq!(panel.selected(), key_points - 1);
        // Another article's items are shown from the first.
        panel.refresh(PanelSource { document: 1, ..source(5) });
        assert_eq!(panel.selected(), 0);
        panel.refresh(source(5));
        panel.step_section(2, false, None);
        assert_eq!((panel.section(), panel.selected()), (Section::Related, 0));
        panel.refresh(source(3));
        let related_at_3 = panel.items().to_vec();
        panel.refresh(source(5));
        assert_ne!(panel.items(), related_at_3, "Related follows the paragraph");
        // Rows: the first item's first row is item 0; past the items, none.
        panel.step_section(-2, false, Some(3));
        panel.refresh(source(5));
        panel.show();
        assert_eq!(panel.item_at(0, 30), Some(0));
        assert_eq!(panel.item_at(1000, 30), None);
        panel.leave();
        assert!(!panel.focused() && !panel.is_open());
        assert!(!panel.close(), "nothing to leave");
        // Tab takes the keyboard and gives it back; Enter leads to the item, the keyboard back
        // to the article.
        panel.toggle(None);
        assert!(panel.focused() && panel.is_open());
        let first = panel.items()[0].target.clone();
        assert_eq!(panel.choose(), Some(first));
        assert!(!panel.focused());
        panel.toggle(None);
        assert!(panel.close() && !panel.focused());
        // The outline opens at the section being read, kept inside its entries.
        panel.step_section(4, true, Some(1));
        assert_eq!(panel.section(), Section::Outline);
        assert!(panel.focused(), "shown where it was folded away");
        panel.refresh(source(5));
        assert_eq!(panel.selected(), 1.min(panel.items().len() - 1));
    }
}
