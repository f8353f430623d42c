//! What a presenting reader tells the speaker view: the slides themselves (the one shown and
//! the next), not where they come from. The speaker view then needs no collection, no
//! analysis and no state file of its own — it shows exactly what the audience sees, notes
//! included, whatever the reader was opened on (a folder, a deck) — at the cost of a few
//! kilobytes a message.

use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::ui::presentation::{Presentation, Slide};

/// One message: what the presenting reader shows now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    /// The presentation's title.
    pub title: String,
    /// Index of the slide shown.
    pub index: usize,
    /// How many slides there are.
    pub count: usize,
    /// Index of the screen of the slide shown.
    pub screen: usize,
    /// How many screens the slide takes on the audience's screen.
    pub screens: usize,
    /// The slide shown.
    pub current: Slide,
    /// The slide after it, if there is one.
    pub next: Option<Slide>,
    /// The time presented when the message was sent, in milliseconds.
    pub elapsed_ms: u64,
    /// Whether the clock runs.
    pub running: bool,
    /// The session's length in seconds, if it has one.
    pub length_s: Option<u64>,
}

impl Published {
    /// What `presentation` shows at `now`.
    pub fn of(presentation: &Presentation, now: Instant) -> Published {
        let (_, screens) = presentation.screen();
        let timer = presentation.timer();
        Published {
            title: presentation.title().to_string(),
            index: presentation.index(),
            count: presentation.slides().len(),
            screen: presentation.screen_index(),
            screens,
            current: presentation.slide().clone(),
            next: presentation.slides().get(presentation.index() + 1).cloned(),
            elapsed_ms: timer.elapsed_at(now).as_millis() as u64,
            running: timer.is_running(),
            length_s: timer.length().map(|l| l.as_secs()),
        }
    }

    /// Whether `other` shows the same (the clock aside: the speaker view keeps it running).
    pub fn shows_the_same_as(&self, other: &Published) -> bool {
        let clockless = |p: &Published| Published { elapsed_ms: 0, ..p.clone() };
        clockless(self) == clockless(other)
    }

    /// The time presented at `now`, for a message heard at `heard`.
    pub fn elapsed_at(&self, heard: Instant, now: Instant) -> Duration {
        let sent = Duration::from_millis(self.elapsed_ms);
        if self.running { sent + now.saturating_duration_since(heard) } else { sent }
    }
}
