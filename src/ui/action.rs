//! What the reader can be asked to do, whatever key asks it.

/// Everything the reader can be asked to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Scroll down a line, or select the next item of the focused list.
    Down,
    /// Scroll up a line, or select the previous item of the focused list.
    Up,
    /// Scroll down a page.
    PageDown,
    /// Scroll up a page.
    PageUp,
    /// Go to the top of the article.
    Top,
    /// Go to the end of the article.
    Bottom,
    /// Make the next paragraph the current one.
    NextParagraph,
    /// Make the previous paragraph the current one.
    PreviousParagraph,
    /// Open the next article.
    NextArticle,
    /// Open the previous article.
    PreviousArticle,
    /// Show the list of articles.
    ArticleList,
    /// Move the focus between the article and the side panel.
    TogglePanel,
    /// Show the next section of the side panel.
    NextSection,
    /// Show the previous section of the side panel.
    PreviousSection,
    /// Act on the selected item (key point, fact, passage, theme, heading, article).
    Activate,
    /// Return to where the last jump started.
    Back,
    /// Show the list of themes.
    ThemeList,
    /// Go to the next passage of the active theme.
    NextPassage,
    /// Go to the previous passage of the active theme.
    PreviousPassage,
    /// Type a search.
    Search,
    /// Go to the next search hit.
    NextHit,
    /// Go to the previous search hit.
    PreviousHit,
    /// Show the list of the last search's hits.
    HitList,
    /// Bookmark the current paragraph, or remove its bookmark (its note stays).
    Bookmark,
    /// Write a note on the current paragraph.
    Note,
    /// Delete the note on the current paragraph, once confirmed.
    DeleteNote,
    /// Give back the last bookmark or note removed.
    Undo,
    /// Show the list of bookmarks and notes.
    BookmarkList,
    /// Add the place pointed at (the panel's item, the passage marked, the paragraph, the
    /// item selected in a list) to the current deck.
    AddToDeck,
    /// Show the current deck's places (Tab: the next deck).
    DeckList,
    /// Make a new deck, its name typed.
    NewDeck,
    /// Move the selected item of a deck one place up.
    MoveItemUp,
    /// Move the selected item of a deck one place down.
    MoveItemDown,
    /// Remove the selected item from its deck.
    RemoveItem,
    /// Copy the selected panel item, the passage marked or the current paragraph to the
    /// clipboard.
    Copy,
    /// Present the article's key points (or the active theme's passages), one per screen.
    Present,
    /// Write the handout of every article to a new file in the current folder.
    Export,
    /// Show the files that were skipped when the collection was opened.
    Skipped,
    /// Show or hide the help screen.
    Help,
    /// Close what is open on top of the article, or clear highlights and the theme followed.
    Close,
    /// Leave basira.
    Quit,
}

impl Action {
    /// Whether a count typed before the action's key repeats it (`10j`): the moves by a line,
    /// a page, a paragraph, an article, a passage or a hit.
    pub fn takes_a_count(self) -> bool {
        use Action::*;
        matches!(
            self,
            Down | Up
                | PageDown
                | PageUp
                | NextParagraph
                | PreviousParagraph
                | NextArticle
                | PreviousArticle
                | NextPassage
                | PreviousPassage
                | NextHit
                | PreviousHit
        )
    }

    /// The way an action of a pair moves: back (-1) for the previous paragraph, article,
    /// section, passage or hit, forward (1) for the next and for any other action.
    pub fn way(self) -> isize {
        use Action::*;
        match self {
            PreviousParagraph | PreviousArticle | PreviousSection | PreviousPassage
            | PreviousHit | MoveItemUp => -1,
            _ => 1,
        }
    }
}

/// What a key does in presentation mode (besides a slide's number typed then Enter).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresentationAction {
    /// The next screen.
    Next,
    /// The previous screen.
    Previous,
    /// The first screen.
    First,
    /// The last screen.
    Last,
    /// Show or hide the user's note on the screen's paragraph (when notes may be shown to the
    /// audience).
    Note,
    /// Pause the presentation's clock, or start it again.
    Timer,
    /// Leave the presentation, back where the reader was.
    Leave,
}

/// What a key does while a search or a note is typed in the status line (besides the
/// characters it types).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromptAction {
    /// Search, or save the note.
    Accept,
    /// Delete the character before the cursor.
    Delete,
    /// Delete the character at the cursor.
    DeleteForward,
    /// Delete the word before the cursor.
    DeleteWord,
    /// Delete everything before the cursor.
    DeleteToStart,
    /// Move the cursor one cell left on the screen.
    Left,
    /// Move the cursor one cell right on the screen.
    Right,
    /// Move the cursor to the start of the text.
    Home,
    /// Move the cursor to the end of the text.
    End,
    /// Bring back the search typed before (older).
    Older,
    /// Bring back the search typed after (newer), then the text being typed.
    Newer,
    /// Give up, changing nothing.
    Cancel,
}

#[cfg(test)]
mod tests {
    use super::Action;

    #[test]
    fn each_pair_moves_both_ways() {
        let pairs = [
            (Action::NextParagraph, Action::PreviousParagraph),
            (Action::NextArticle, Action::PreviousArticle),
            (Action::NextSection, Action::PreviousSection),
            (Action::NextPassage, Action::PreviousPassage),
            (Action::NextHit, Action::PreviousHit),
        ];
        for (next, previous) in pairs {
            assert_eq!((next.way(), previous.way()), (1, -1), "{next:?}");
        }
    }
}
