//! The presentation's clock: the time presented so far, paused and started again by a key,
//! and, when the session has a length (`--minutes N`), the time left.

use std::time::{Duration, Instant};

/// The last stretch of a session, when the time left is shown in the warning style.
pub const LAST_STRETCH: Duration = Duration::from_secs(60);

/// The time presented so far and the session's length.
#[derive(Clone, Debug)]
pub struct Timer {
    started: Instant,
    /// When it was paused, while it is.
    paused: Option<Instant>,
    /// How long it was paused before.
    paused_for: Duration,
    /// How long the session is meant to last.
    length: Option<Duration>,
}

/// How the session stands against its length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Left {
    /// Time left.
    Left(Duration),
    /// Time past the end.
    Over(Duration),
}

impl Timer {
    /// A clock started at `now`, for a session of `minutes` if given.
    pub fn new(now: Instant, minutes: Option<u32>) -> Timer {
        let length = minutes.map(|m| Duration::from_secs(u64::from(m) * 60));
        Timer { started: now, paused: None, paused_for: Duration::ZERO, length }
    }

    /// The time presented up to `now`, pauses left out (none before the start).
    pub fn elapsed_at(&self, now: Instant) -> Duration {
        let until = self.paused.unwrap_or(now);
        until.saturating_duration_since(self.started).saturating_sub(self.paused_for)
    }

    /// How the session stands at `now`, if it has a length.
    pub fn left_at(&self, now: Instant) -> Option<Left> {
        let length = self.length?;
        let elapsed = self.elapsed_at(now);
        Some(if elapsed <= length {
            Left::Left(length - elapsed)
        } else {
            Left::Over(elapsed - length)
        })
    }

    /// The session's length, if it has one.
    pub fn length(&self) -> Option<Duration> {
        self.length
    }

    /// Whether the clock runs (it is not paused).
    pub fn is_running(&self) -> bool {
        self.paused.is_none()
    }

    /// Pause the clock at `now`, or start it again.
    pub fn toggle(&mut self, now: Instant) {
        match self.paused.take() {
            Some(paused) => self.paused_for += now.saturating_duration_since(paused),
            None => self.paused = Some(now),
        }
    }
}

/// How a session of `length` stands after `elapsed`.
pub fn left(elapsed: Duration, length: Duration) -> Left {
    if elapsed <= length { Left::Left(length - elapsed) } else { Left::Over(elapsed - length) }
}

impl Left {
    /// Whether it is the session's last minute, or past its end.
    pub fn is_late(self) -> bool {
        match self {
            Left::Left(left) => left < LAST_STRETCH,
            Left::Over(_) => true,
        }
    }
}

/// A duration as a clock shows it, minutes and seconds («07:05»), counted up to the second:
/// a countdown shows 00:00 only when no time is left.
pub fn minutes_and_seconds(duration: Duration, round_up: bool) -> String {
    let mut seconds = duration.as_secs();
    if round_up && duration.subsec_nanos() > 0 {
        seconds += 1;
    }
    format!("{:02}:{:02}", seconds / 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paused_clock_stands_still_and_the_time_left_runs_out() {
        let start = Instant::now();
        let at = |s: u64| start + Duration::from_secs(s);
        let mut timer = Timer::new(start, Some(10));
        assert_eq!(timer.left_at(at(0)), Some(Left::Left(Duration::from_secs(600))));
        timer.toggle(at(60));
        assert!(!timer.is_running());
        assert_eq!(timer.elapsed_at(at(300)), Duration::from_secs(60), "paused");
        timer.toggle(at(300));
        assert_eq!(timer.elapsed_at(at(330)), Duration::from_secs(90));
        let left = timer.left_at(at(800)).unwrap();
        assert_eq!(left, Left::Left(Duration::from_secs(40)));
        assert!(left.is_late(), "the last minute");
        assert_eq!(timer.left_at(at(850)), Some(Left::Over(Duration::from_secs(10))));
        assert!(Timer::new(start, None).left_at(at(5)).is_none());
    }

    #[test]
    fn clocks_show_minutes_and_seconds() {
        assert_eq!(minutes_and_seconds(Duration::from_millis(425_300), false), "07:05");
        assert_eq!(minutes_and_seconds(Duration::from_millis(425_300), true), "07:06");
        assert_eq!(minutes_and_seconds(Duration::ZERO, true), "00:00");
    }
}
