//! The reader's looks: colour schemes (dark, light, monochrome) and the characters frames are
//! drawn with (box drawing, or plain ASCII for fonts without it). Drawing code names what a
//! style is for; the scheme says what it looks like.

use ratatui::style::{Color, Modifier, Style};

/// A colour scheme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scheme {
    /// Light text on a dark terminal.
    #[default]
    Dark,
    /// Dark text on a light terminal.
    Light,
    /// No colour at all: bold, underline, reverse and dim only (also what `NO_COLOR` asks for).
    Mono,
}

impl Scheme {
    /// The scheme named `name` (`dark`, `light`, `mono`), if it is one.
    pub fn from_name(name: &str) -> Option<Scheme> {
        match name {
            "dark" => Some(Scheme::Dark),
            "light" => Some(Scheme::Light),
            "mono" | "monochrome" => Some(Scheme::Mono),
            _ => None,
        }
    }
}

/// The styles of everything the reader draws.
#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    /// Running text.
    pub text: Style,
    /// An article's title.
    pub title: Style,
    /// Section headings.
    pub heading: Style,
    /// The byline.
    pub byline: Style,
    /// Page furniture (share prompts, comments…), dimmed.
    pub furniture: Style,
    /// Inline code in Markdown.
    pub code: Style,
    /// Secondary text: where a passage comes from, counts, inactive tabs.
    pub quiet: Style,
    /// Search hits.
    pub hit: Style,
    /// The search hit last gone to.
    pub current_hit: Style,
    /// The sentence or passage a jump landed on.
    pub landed: Style,
    /// The figures of a fact in the panel.
    pub figure: Style,
    /// The current paragraph's mark in the margin.
    pub current_mark: Style,
    /// The active theme's mark in the margin.
    pub theme_mark: Style,
    /// A bookmark's mark in the margin.
    pub bookmark_mark: Style,
    /// The status line.
    pub status: Style,
    /// The selected item of a list.
    pub selected: Style,
    /// The frame of the panel and of windows.
    pub frame: Style,
    /// Presentation mode: high contrast.
    pub presentation: Style,
    /// A speaker note in presentation mode.
    pub note: Style,
    /// The time left in a presentation's last minute, and past its end.
    pub time_warning: Style,
}

impl Palette {
    /// The palette of a scheme.
    pub fn of(scheme: Scheme) -> Palette {
        let bold = Modifier::BOLD;
        match scheme {
            Scheme::Dark => Palette {
                text: Style::new(),
                title: Style::new().add_modifier(bold),
                heading: Style::new().fg(Color::Cyan).add_modifier(bold),
                byline: Style::new().add_modifier(Modifier::ITALIC),
                furniture: Style::new().fg(Color::DarkGray).add_modifier(Modifier::DIM),
                code: Style::new().fg(Color::Yellow),
                quiet: Style::new().fg(Color::DarkGray),
                hit: Style::new().fg(Color::Black).bg(Color::Yellow),
                current_hit: Style::new()
                    .fg(Color::Black)
                    .bg(Color::LightYellow)
                    .add_modifier(bold),
                landed: Style::new().bg(Color::Indexed(237)),
                figure: Style::new().fg(Color::Yellow).add_modifier(bold),
                current_mark: Style::new().fg(Color::Cyan),
                theme_mark: Style::new().fg(Color::Magenta).add_modifier(bold),
                bookmark_mark: Style::new().fg(Color::LightGreen).add_modifier(bold),
                status: Style::new().add_modifier(Modifier::REVERSED),
                selected: Style::new().add_modifier(Modifier::REVERSED),
                frame: Style::new().add_modifier(Modifier::DIM),
                presentation: Style::new().fg(Color::White).bg(Color::Black),
                note: Style::new().fg(Color::LightGreen).bg(Color::Black),
                time_warning: Style::new().fg(Color::Black).bg(Color::LightRed).add_modifier(bold),
            },
            Scheme::Light => Palette {
                text: Style::new(),
                title: Style::new().add_modifier(bold),
                heading: Style::new().fg(Color::Blue).add_modifier(bold),
                byline: Style::new().add_modifier(Modifier::ITALIC),
                furniture: Style::new().fg(Color::Gray),
                code: Style::new().fg(Color::Magenta),
                quiet: Style::new().fg(Color::Gray),
                hit: Style::new().fg(Color::Black).bg(Color::LightYellow),
                current_hit: Style::new().fg(Color::Black).bg(Color::Yellow).add_modifier(bold),
                landed: Style::new().bg(Color::Indexed(254)),
                figure: Style::new().fg(Color::Red).add_modifier(bold),
                current_mark: Style::new().fg(Color::Blue),
                theme_mark: Style::new().fg(Color::Magenta).add_modifier(bold),
                bookmark_mark: Style::new().fg(Color::Green).add_modifier(bold),
                status: Style::new().add_modifier(Modifier::REVERSED),
                selected: Style::new().add_modifier(Modifier::REVERSED),
                frame: Style::new().fg(Color::Gray),
                presentation: Style::new().fg(Color::Black).bg(Color::White),
                note: Style::new().fg(Color::Blue).bg(Color::White),
                time_warning: Style::new().fg(Color::White).bg(Color::Red).add_modifier(bold),
            },
            Scheme::Mono => Palette {
                text: Style::new(),
                title: Style::new().add_modifier(bold),
                heading: Style::new().add_modifier(bold | Modifier::UNDERLINED),
                byline: Style::new().add_modifier(Modifier::ITALIC),
                furniture: Style::new().add_modifier(Modifier::DIM),
                code: Style::new().add_modifier(Modifier::ITALIC),
                quiet: Style::new().add_modifier(Modifier::DIM),
                hit: Style::new().add_modifier(Modifier::REVERSED),
                current_hit: Style::new().add_modifier(Modifier::REVERSED | bold),
                landed: Style::new().add_modifier(Modifier::UNDERLINED),
                figure: Style::new().add_modifier(bold),
                current_mark: Style::new().add_modifier(bold),
                theme_mark: Style::new().add_modifier(bold),
                bookmark_mark: Style::new().add_modifier(bold),
                status: Style::new().add_modifier(Modifier::REVERSED),
                selected: Style::new().add_modifier(Modifier::REVERSED),
                frame: Style::new(),
                presentation: Style::new(),
                note: Style::new().add_modifier(Modifier::ITALIC),
                time_warning: Style::new().add_modifier(Modifier::REVERSED | bold),
            },
        }
    }
}

/// The characters frames and marks are drawn with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Glyphs {
    /// The line between the article and the panel.
    pub separator: &'static str,
    /// The current paragraph's mark.
    pub current: &'static str,
    /// The first line of a passage of the active theme.
    pub theme_start: &'static str,
    /// The other lines of a passage of the active theme.
    pub theme_rest: &'static str,
    /// A bookmarked paragraph.
    pub bookmark: &'static str,
    /// A bookmarked paragraph with a note.
    pub note: &'static str,
    /// The selected item of a list (pointing right, in an English interface).
    pub pointer: &'static str,
    /// The selected item of a list in an Arabic interface (pointing left).
    pub pointer_rtl: &'static str,
    /// More of a list lies above its window.
    pub more_above: &'static str,
    /// More of a list lies below its window.
    pub more_below: &'static str,
    /// Whether windows are framed with plain ASCII.
    pub ascii: bool,
}

impl Glyphs {
    /// Box drawing and symbols (`ascii` false), or plain ASCII for fonts without them.
    pub fn new(ascii: bool) -> Glyphs {
        if ascii {
            Glyphs {
                separator: "|",
                current: ">",
                theme_start: "#",
                theme_rest: ":",
                bookmark: "*",
                note: "+",
                pointer: ">",
                pointer_rtl: "<",
                more_above: "^",
                more_below: "v",
                ascii,
            }
        } else {
            Glyphs {
                separator: "│",
                current: "▌",
                theme_start: "◆",
                theme_rest: "┊",
                bookmark: "★",
                note: "✎",
                pointer: "▸",
                pointer_rtl: "◂",
                more_above: "▲",
                more_below: "▼",
                ascii,
            }
        }
    }
}
