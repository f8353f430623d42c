//! The theme trail: the theme being followed across articles and the passage last gone to.
//! It owns that state and says which passage to go to; the reader goes there.

use super::message::Message;
use crate::analysis::theme::Theme;

/// The theme being followed and the passage last gone to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActiveTheme {
    /// Index of the theme in the analysis.
    pub index: usize,
    /// Index of the passage last gone to, if any.
    pub passage: Option<usize>,
}

/// Where a step along the trail leads: a passage (document, paragraph), and what to say of
/// it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrailStep {
    /// The passage's article and paragraph.
    pub to: (usize, usize),
    /// That the step went round an end of the trail (past the last passage back to the
    /// first, or before the first round to the last), or that a theme became active.
    pub said: Option<Message>,
}

/// The trail: which theme is followed, if any.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ThemeTrail {
    active: Option<ActiveTheme>,
}

impl ThemeTrail {
    /// The theme followed now.
    pub fn active(&self) -> Option<ActiveTheme> {
        self.active
    }

    /// Follow theme `index` of `themes`: its first passage at or after `here` (article,
    /// paragraph), or else its first, is where to go. None when there is no such theme or it
    /// has no passage.
    pub fn activate(
        &mut self,
        themes: &[Theme],
        index: usize,
        here: (usize, usize),
    ) -> Option<TrailStep> {
        let theme = themes.get(index)?;
        let passages = &theme.passages;
        let passage = passages.iter().position(|p| (p.document, p.paragraph) >= here).unwrap_or(0);
        let p = passages.get(passage)?;
        self.active = Some(ActiveTheme { index, passage: Some(passage) });
        let said = Some(Message::ThemeActive(theme.label.clone()));
        Some(TrailStep { to: (p.document, p.paragraph), said })
    }

    /// The next (`step` 1) or previous (-1) passage of the followed theme from `here`: along
    /// the trail from the passage last gone to when the reader is still there, else the
    /// first passage after (or before) `here`; round the ends. What to say when no theme is
    /// followed.
    pub fn step(
        &mut self,
        themes: &[Theme],
        step: isize,
        here: (usize, usize),
    ) -> Result<TrailStep, Message> {
        let followed = self.active.as_mut().and_then(|a| Some((themes.get(a.index)?, a)));
        let Some((theme, active)) = followed.filter(|(theme, _)| !theme.passages.is_empty()) else {
            return Err(Message::NoActiveTheme);
        };
        let passages: Vec<(usize, usize)> =
            theme.passages.iter().map(|p| (p.document, p.paragraph)).collect();
        let next = match active.passage.filter(|&i| passages.get(i) == Some(&here)) {
            Some(i) => i.checked_add_signed(step).filter(|&i| i < passages.len()),
            None if step > 0 => passages.iter().position(|&p| p > here),
            None => passages.iter().rposition(|&p| p < here),
        };
        let label = || theme.label.clone();
        let (passage, said) = match next {
            Some(i) => (i, None),
            None if step > 0 => (0, Some(Message::ThemeFirstAgain(label()))),
            None => (passages.len() - 1, Some(Message::ThemeLastAgain(label()))),
        };
        active.passage = Some(passage);
        Ok(TrailStep { to: passages[passage], said })
    }

    /// Stop following the theme; whether one was followed.
    pub fn clear(&mut self) -> bool {
        self.active.take().is_some()
    }

    /// After a move that is not along the trail: the passage of the followed theme the
    /// reader is at `here` (none when it is not one of its passages).
    pub fn locate(&mut self, themes: &[Theme], here: (usize, usize)) {
        if let Some(active) = self.active.as_mut() {
            active.passage = themes.get(active.index).and_then(|theme| {
                theme.passages.iter().position(|p| (p.document, p.paragraph) == here)
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::theme::Passage;

    /// A theme of passages at the given (article, paragraph) places.
    fn theme(places: &[(usize, usize)]) -> Theme {
        Theme {
            id: "t".into(),
            label: "موضوع".into(),
            label_en: None,
            terms: Vec::new(),
            passages: places
                .iter()
                .map(|&(document, paragraph)| Passage { document, paragraph, strength: 1.0 })
                .collect(),
        }
    }

    #[test]
    fn a_theme_is_followed_from_the_reading_place_and_round_its_ends() {
        let themes = [theme(&[(0, 2), (1, 4), (3, 1)])];
        let mut trail = ThemeTrail::default();
        assert_eq!(trail.step(&themes, 1, (0, 0)), Err(Message::NoActiveTheme));
        assert_eq!(trail.activate(&themes, 1, (0, 0)), None, "no such theme");
        let active = trail.activate(&themes, 0, (1, 0)).unwrap();
        assert_eq!(active.to, (1, 4), "the first at or after");
        assert_eq!(active.said, Some(Message::ThemeActive("موضوع".into())));
        let step = |trail: &mut ThemeTrail, by, here| {
            let s = trail.step(&themes, by, here).unwrap();
            (s.to, s.said)
        };
        let (first, last) =
            (Message::ThemeFirstAgain("موضوع".into()), Message::ThemeLastAgain("موضوع".into()));
        assert_eq!(step(&mut trail, 1, (1, 4)), ((3, 1), None));
        assert_eq!(step(&mut trail, 1, (3, 1)), ((0, 2), Some(first)), "round to the first");
        assert_eq!(step(&mut trail, -1, (0, 2)), ((3, 1), Some(last)), "round to the last");
        // Moved away from the trail: the passages around the reading place.
        assert_eq!(step(&mut trail, 1, (1, 0)), ((1, 4), None));
        assert_eq!(step(&mut trail, -1, (2, 0)), ((1, 4), None));
        trail.locate(&themes, (0, 2));
        assert_eq!(trail.active().unwrap().passage, Some(0));
        trail.locate(&themes, (0, 3));
        assert_eq!(trail.active().unwrap().passage, None);
    }
}
