//! The `basira` command: the reader, and the commands that print what it shows.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use basira::analysis::{Analysis, Budget, ThemeSource, cache, parse_theme_file};
use basira::cache_files::cache_dir;
use basira::cat::{CatError, write_sources};
use basira::corpus::stream::Plan;
use basira::corpus::{Corpus, LoadError, sanitise_line};
use basira::export::{HandoutFormat, HandoutOptions, write_handout, write_handout_file};
use basira::lang::Lang;
use basira::layout::{BidiMode, Harakat, LayoutOptions, Shaping};
use basira::output::SafeOutput;
use basira::report::{self, Format};
use basira::state::place::place;
use basira::state::store::{Shared, Store};
use basira::state::{ReaderState, article_key};
use basira::ui::Opening;
use basira::ui::config::Config;
use basira::ui::palette::Scheme;

/// Have the allocator map every block of 64 KiB or more on its own, and give it back to the
/// system when it is freed. By default glibc raises that size each time such a block is freed
/// (up to 32 MB), after which analysis's large temporaries (hash tables, sort buffers, the
/// link index) come from its heap, where the memory they free stays with the process: the
/// fixed size took the peak of analysing 10,000 articles from 202 to 189 MB (from 142 to
/// 137 MB for shorter articles), at no cost in time.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn map_large_blocks() {
    // SAFETY: mallopt sets one of the allocator's parameters; it is called at the start of
    // main, before there is another thread.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 64 * 1024);
    }
}

/// Other allocators keep their own counsel.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn map_large_blocks() {}

/// Read Arabic articles in a terminal, laid out right to left.
#[derive(Parser)]
#[command(name = "basira", version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    display: DisplayArgs,
    /// Themes from this TOML file instead of the built-in ones (or the discovered ones).
    #[arg(long, value_name = "FILE")]
    themes: Option<PathBuf>,
    #[command(flatten)]
    look: LookArgs,
    #[command(flatten)]
    session: SessionArgs,
    /// Files (.txt, .md, .epub) or folders to open; none opens the built-in articles.
    paths: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Print the articles as laid out for a terminal (visual order).
    Cat {
        /// Line width in columns (default: the terminal's width, else 80).
        #[arg(long)]
        width: Option<u16>,
        #[command(flatten)]
        display: DisplayArgs,
        /// Files or folders; none prints the built-in articles.
        paths: Vec<PathBuf>,
    },
    /// Print each article's key points, in reading order.
    Keypoints {
        /// The N most important key points.
        #[arg(short = 'n', value_name = "N", conflicts_with = "words")]
        count: Option<usize>,
        /// The most important key points until they add up to about W words.
        #[arg(long, value_name = "W")]
        words: Option<usize>,
        #[command(flatten)]
        analysis: AnalysisArgs,
    },
    /// Print the sentences that carry numbers, with the figures in them.
    Facts {
        #[command(flatten)]
        analysis: AnalysisArgs,
    },
    /// Print the themes that run through the articles, with their passages.
    Themes {
        #[command(flatten)]
        analysis: AnalysisArgs,
    },
    /// Print, for each paragraph, the most related paragraphs in the other articles.
    Links {
        /// At most K links per paragraph.
        #[arg(short = 'k', value_name = "K", default_value_t = 3)]
        k: usize,
        #[command(flatten)]
        analysis: AnalysisArgs,
    },
    /// Write a handout per article: title, key points, facts and figures, themes, related
    /// passages in other articles, and with --with-notes your bookmarks and notes.
    Export {
        /// Markdown (for printing, a wiki or plain text), HTML (one page to open in a browser
        /// and print; right to left in Arabic) or JSON (for scripts).
        #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
        format: ExportFormat,
        /// The language of the headings and labels (default: config.toml's `lang`, else
        /// LANG).
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Put your bookmarks and notes in the handout (they are left out otherwise).
        #[arg(long)]
        with_notes: bool,
        /// Write to this file instead of standard output (`-`: standard output). A link is
        /// followed; a FIFO or device is written in place; a file keeps its mode.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// Themes from this TOML file instead of the built-in ones (or the discovered ones).
        #[arg(long, value_name = "FILE")]
        themes: Option<PathBuf>,
        /// Files or folders; none opens the built-in articles.
        paths: Vec<PathBuf>,
    },
    /// Open the reader presenting the first article (or, with --speaker, the speaker view that
    /// follows a presenting reader: slide, note, next slide, time).
    Present {
        /// The speaker view: follow the reader that presents, from another terminal.
        #[arg(long)]
        speaker: bool,
        /// Themes from this TOML file instead of the built-in ones (or the discovered ones).
        #[arg(long, value_name = "FILE", conflicts_with = "speaker")]
        themes: Option<PathBuf>,
        #[command(flatten)]
        look: LookArgs,
        #[command(flatten)]
        session: SessionArgs,
        #[command(flatten)]
        display: DisplayArgs,
        /// Files or folders; none opens the built-in articles.
        #[arg(conflicts_with = "speaker")]
        paths: Vec<PathBuf>,
    },
    /// Draw the reader off-screen after some keys and print the screen as text.
    Snapshot {
        /// Screen size, for example 80x24.
        #[arg(long, value_parser = parse_size)]
        size: (u16, u16),
        /// Keys to press first: letters as typed, <Tab> <Enter> <Esc> <BS> <Space> <Up>
        /// <Down> <PageUp> <PageDown> <Home> <End> <C-o>, <lt> for a literal '<'.
        #[arg(long, default_value = "")]
        keys: String,
        /// Themes from this TOML file instead of the built-in ones (or the discovered ones).
        #[arg(long, value_name = "FILE")]
        themes: Option<PathBuf>,
        #[command(flatten)]
        look: LookArgs,
        #[command(flatten)]
        display: DisplayArgs,
        /// Files or folders; none opens the built-in articles.
        paths: Vec<PathBuf>,
    },
}

/// What the analysis commands share.
#[derive(Args)]
struct AnalysisArgs {
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    /// With --json: JSON on one line, and for themes and links each passage's text once, in
    /// a table of passages that the entries point into by index.
    #[arg(long, requires = "json")]
    compact: bool,
    /// Themes from this TOML file instead of the built-in ones (or the discovered ones).
    #[arg(long, value_name = "FILE")]
    themes: Option<PathBuf>,
    #[command(flatten)]
    display: DisplayArgs,
    /// Files or folders; none reads the built-in articles.
    paths: Vec<PathBuf>,
}

/// How the reader looks and speaks; each overrides `config.toml`.
#[derive(Args, Clone, Copy)]
struct LookArgs {
    /// Interface language (default: config.toml's `lang`, else LANG); Arabic mirrors the
    /// interface.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Colour scheme (default: config.toml's `colors`, else dark; mono when NO_COLOR is set).
    #[arg(long, value_enum)]
    colors: Option<ColorsArg>,
    /// Draw frames and marks in plain ASCII, for fonts without box drawing.
    #[arg(long)]
    ascii: bool,
    /// The widest the text column gets, in cells (default 90).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..=400))]
    max_width: Option<u16>,
}

/// How long a presentation is meant to last.
#[derive(Args, Clone, Copy)]
struct SessionArgs {
    /// The session's length: presentations count down from N minutes (the footer shows the
    /// time left, in a warning colour in the last minute).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1440))]
    minutes: Option<u32>,
}

#[derive(ValueEnum, Clone, Copy)]
enum ExportFormat {
    Md,
    Json,
    Html,
}

#[derive(ValueEnum, Clone, Copy)]
enum LangArg {
    Ar,
    En,
}

impl LangArg {
    /// The language it names.
    fn lang(self) -> Lang {
        match self {
            LangArg::Ar => Lang::Ar,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(ValueEnum, Clone, Copy)]
enum ColorsArg {
    Dark,
    Light,
    Mono,
}

impl LookArgs {
    /// The user's config.toml with these options applied over it.
    fn config(self) -> Config {
        let mut config = Config::load();
        if let Some(lang) = self.lang {
            config.lang = Some(lang.lang());
        }
        if let Some(colors) = self.colors {
            config.scheme = match colors {
                ColorsArg::Dark => Scheme::Dark,
                ColorsArg::Light => Scheme::Light,
                ColorsArg::Mono => Scheme::Mono,
            };
        }
        config.ascii |= self.ascii;
        if let Some(width) = self.max_width {
            config.max_text_width = width;
        }
        config
    }

    /// [`LookArgs::config`] for a session as `session` says.
    fn config_for(self, session: SessionArgs) -> Config {
        let mut config = self.config();
        config.present.minutes = session.minutes;
        config
    }
}

/// How Arabic is drawn.
#[derive(Args, Clone, Copy)]
struct DisplayArgs {
    /// Join Arabic letters (on), or leave that to the terminal (off).
    #[arg(long, value_enum, default_value_t = OnOff::On)]
    shaping: OnOff,
    /// Keep harakat as marks on their letter, or strip them.
    #[arg(long, value_enum, default_value_t = KeepStrip::Keep)]
    harakat: KeepStrip,
    /// Who orders right-to-left text: basira (app), or a bidi-capable terminal or screen
    /// reader (terminal: logical order untouched).
    #[arg(long, value_enum, default_value_t = AppTerminal::App)]
    bidi: AppTerminal,
}

#[derive(ValueEnum, Clone, Copy)]
enum OnOff {
    On,
    Off,
}

#[derive(ValueEnum, Clone, Copy)]
enum KeepStrip {
    Keep,
    Strip,
}

#[derive(ValueEnum, Clone, Copy)]
enum AppTerminal {
    App,
    Terminal,
}

impl DisplayArgs {
    fn options(self) -> LayoutOptions {
        LayoutOptions {
            shaping: match self.shaping {
                OnOff::On => Shaping::On,
                OnOff::Off => Shaping::Off,
            },
            harakat: match self.harakat {
                KeepStrip::Keep => Harakat::Keep,
                KeepStrip::Strip => Harakat::Strip,
            },
            bidi: match self.bidi {
                AppTerminal::App => BidiMode::App,
                AppTerminal::Terminal => BidiMode::Terminal,
            },
            ascii_rules: false,
        }
    }
}

/// Parse `COLSxROWS`.
fn parse_size(s: &str) -> Result<(u16, u16), String> {
    let (cols, rows) = s.split_once(['x', 'X']).ok_or("expected COLSxROWS, such as 80x24")?;
    let parse = |v: &str| v.trim().parse::<u16>().map_err(|_| format!("'{v}' is not a size"));
    Ok((parse(cols)?, parse(rows)?))
}

fn main() -> ExitCode {
    let cli = parse_command_line();
    // `cat` analyses nothing, and its large output buffers are quicker to reuse than to map.
    if !matches!(cli.command, Some(Command::Cat { .. })) {
        map_large_blocks();
    }
    let result = match cli.command {
        None => run_reader(
            &cli.paths,
            cli.themes.as_deref(),
            cli.display.options(),
            cli.look.config_for(cli.session),
            false,
        ),
        Some(Command::Present { speaker: true, look, session, display, .. }) => {
            basira::ui::speaker::run(display.options(), look.config_for(session))
                .map_err(|e| format!("speaker view: {e}"))
        }
        Some(Command::Present { speaker: false, themes, look, session, display, paths }) => {
            run_reader(&paths, themes.as_deref(), display.options(), look.config_for(session), true)
        }
        Some(Command::Cat { width, display, paths }) => run_cat(&paths, width, display.options()),
        Some(Command::Keypoints { count, words, analysis }) => {
            let budget = match (count, words) {
                (Some(n), _) => Budget::Count(n),
                (None, Some(w)) => Budget::Words(w),
                (None, None) => Budget::Default,
            };
            run_report(&analysis, |out, corpus, found, format| {
                report::write_key_points(out, corpus, found, budget, format)
            })
        }
        Some(Command::Facts { analysis }) => run_report(&analysis, |out, corpus, found, format| {
            report::write_facts(out, corpus, found, format)
        }),
        Some(Command::Themes { analysis }) => {
            run_report(&analysis, |out, corpus, found, format| {
                report::write_themes(out, corpus, found, format)
            })
        }
        Some(Command::Links { k, analysis }) => {
            run_report(&analysis, |out, corpus, found, format| {
                report::write_links(out, corpus, found, k, format)
            })
        }
        Some(Command::Export { format, lang, with_notes, output, themes, paths }) => {
            let format = match format {
                ExportFormat::Md => HandoutFormat::Markdown,
                ExportFormat::Json => HandoutFormat::Json,
                ExportFormat::Html => HandoutFormat::Html,
            };
            // Without --lang, the language the reader would speak.
            let lang = lang.map_or_else(|| Config::load().lang.unwrap_or_default(), LangArg::lang);
            let options = HandoutOptions { format, lang, with_notes };
            run_export(&paths, themes.as_deref(), options, output.as_deref())
        }
        Some(Command::Snapshot { size, keys, themes, look, display, paths }) => {
            run_snapshot(&paths, themes.as_deref(), size, &keys, display.options(), look)
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            warn(&message);
            ExitCode::from(1)
        }
    }
}

/// The command line, parsed. A usage error is printed line by line as [`warn`] prints (it may
/// quote an argument, which may hold anything) and ends the program with status 2; `--help`
/// and `--version` print as clap prints them.
fn parse_command_line() -> Cli {
    Cli::try_parse().unwrap_or_else(|e| {
        if !e.use_stderr() {
            e.exit();
        }
        for line in e.render().to_string().lines() {
            eprintln!("{}", sanitise_line(line));
        }
        std::process::exit(e.exit_code())
    })
}

/// Print `message` on standard error, after `basira: `, on one line and without controls: it
/// may name a file, and a file's name may hold anything.
fn warn(message: &str) {
    eprintln!("basira: {}", sanitise_line(message));
}

/// Open the corpus, printing warnings about skipped files; folders as they were read are
/// kept in the cache directory, and taken from there while their files stay as they were.
fn open(paths: &[PathBuf]) -> Result<Corpus, String> {
    let cache = cache_dir();
    let corpus =
        Corpus::open_keeping_folders(paths, cache.as_deref()).map_err(|e| e.to_string())?;
    warn_of(&corpus);
    Ok(corpus)
}

/// The collection as the reader opens it ([`Corpus::open_what_can_be`]): of several paths,
/// those that cannot be opened are skipped, said here and listed by `W`.
fn open_for_reading(paths: &[PathBuf]) -> Result<Corpus, String> {
    let cache = cache_dir();
    let corpus = Corpus::open_what_can_be(paths, cache.as_deref()).map_err(|e| e.to_string())?;
    warn_of(&corpus);
    Ok(corpus)
}

/// Print the collection's warnings.
fn warn_of(corpus: &Corpus) {
    for warning in &corpus.warnings {
        warn(&warning.to_string());
    }
}

/// The width to lay text out at: the terminal's when printing to one, else 80.
fn output_width() -> u16 {
    if io::stdout().is_terminal() {
        crossterm::terminal::size().map(|(w, _)| w).unwrap_or(80)
    } else {
        80
    }
}

/// Write to standard output through a buffer and the last check for what a terminal must not
/// see ([`SafeOutput`]); a closed pipe (`| head`) is not an error.
fn write_stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), String> {
    let mut out = io::BufWriter::with_capacity(1 << 16, SafeOutput::new(io::stdout().lock()));
    match write(&mut out).and_then(|_| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(format!("cannot write: {e}")),
        _ => Ok(()),
    }
}

/// Print the articles as laid out, reading them a section at a time; every file is checked
/// before a line is printed, so that bad input gets its one sentence before any output.
fn run_cat(paths: &[PathBuf], width: Option<u16>, options: LayoutOptions) -> Result<(), String> {
    let plan = Plan::new(paths).map_err(|e| e.to_string())?;
    for warning in &plan.warnings {
        warn(&warning.to_string());
    }
    let width = width.unwrap_or_else(output_width);
    let mut unread = None;
    write_stdout(|out| match write_sources(out, &plan.sources, width, &options) {
        Err(CatError::Read(e)) => {
            unread = Some(e);
            Ok(())
        }
        Err(CatError::Write(e)) => Err(e),
        Ok(()) => Ok(()),
    })?;
    unread.map_or(Ok(()), |e| Err(e.to_string()))
}

/// Open the collection, analyse it (or read the analysis from the cache) and print a report.
fn run_report(
    args: &AnalysisArgs,
    write: impl FnOnce(&mut dyn Write, &Corpus, &Analysis, Format) -> io::Result<()>,
) -> Result<(), String> {
    let corpus = open(&args.paths)?;
    let themes = theme_source(args.themes.as_deref(), &corpus)?;
    let analysis = cache::load_or_compute(&corpus, &themes);
    let format = if args.compact {
        Format::CompactJson
    } else if args.json {
        Format::Json
    } else {
        Format::Text { width: output_width(), options: args.display.options() }
    };
    let written = write_stdout(|out| write(out, &corpus, &analysis, format));
    // The process ends after this: giving the collection and its analysis back one
    // allocation at a time (hundreds of thousands at 10,000 articles) would only delay it.
    std::mem::forget((corpus, analysis));
    written
}

/// The themes to use: the file given, else the built-in ones or discovery.
fn theme_source(file: Option<&Path>, corpus: &Corpus) -> Result<ThemeSource, String> {
    match file {
        Some(path) => theme_file(path),
        None => Ok(ThemeSource::default_for(corpus)),
    }
}

/// The largest themes file read: a theme is a few lines.
const MAX_THEMES_BYTES: u64 = 16 * 1024 * 1024;

/// The themes of the TOML file at `path`.
fn theme_file(path: &Path) -> Result<ThemeSource, String> {
    let text = basira::files::read_regular_text(path, MAX_THEMES_BYTES)
        .map_err(|e| format!("{}: cannot be read ({e})", path.display()))?;
    Ok(ThemeSource::Curated(parse_theme_file(&path.display().to_string(), &text)?))
}

/// Write the handout as `options` say to `output` or standard output; with the bookmarks
/// and notes the reader remembers if they ask for them (the state is not read otherwise).
fn run_export(
    paths: &[PathBuf],
    themes: Option<&Path>,
    options: HandoutOptions,
    output: Option<&Path>,
) -> Result<(), String> {
    let corpus = open(paths)?;
    let themes = theme_source(themes, &corpus)?;
    let analysis = cache::load_or_compute(&corpus, &themes);
    let stored = options.with_notes.then(Store::default_location).flatten();
    let state = match stored.map(|store| store.load()) {
        Some(loaded) => {
            if let Some(warning) = loaded.warning {
                warn(&warning.to_string());
            }
            placed_notes(&loaded.state, &corpus)
        }
        None => Default::default(),
    };
    match output.filter(|path| *path != Path::new("-")) {
        Some(path) => write_handout_file(path, &corpus, &analysis, &state, options)
            .map_err(|e| format!("{}: cannot be written ({e})", path.display())),
        None => write_stdout(|out| write_handout(out, &corpus, &analysis, &state, options)),
    }
}

/// `state` with the notes of edited articles found again in them; those that cannot be are
/// counted in a warning (they stay in the state file).
fn placed_notes(state: &ReaderState, corpus: &Corpus) -> ReaderState {
    let keys: Vec<String> = corpus.documents.iter().map(article_key).collect();
    let placed = place(state, &corpus.documents, &keys);
    match placed.unplaced.len() {
        0 => {}
        1 => warn("a bookmark could not be placed in its article (the reader's W shows it)"),
        n => warn(&format!(
            "{n} bookmarks could not be placed in their articles (the reader's W lists them)"
        )),
    }
    placed.state
}

fn run_snapshot(
    paths: &[PathBuf],
    themes: Option<&Path>,
    size: (u16, u16),
    keys: &str,
    options: LayoutOptions,
    look: LookArgs,
) -> Result<(), String> {
    let corpus = open_for_reading(paths)?;
    let themes = theme_source(themes, &corpus)?;
    let screen = basira::ui::snapshot(corpus, &themes, size, keys, options, look.config())?;
    print!("{screen}");
    Ok(())
}

/// Open the reader (`present`: presenting at once, as `p` does).
fn run_reader(
    paths: &[PathBuf],
    themes: Option<&Path>,
    options: LayoutOptions,
    config: Config,
    present: bool,
) -> Result<(), String> {
    // Into a file or a pipe the reader's screen would be a page of escape sequences: the
    // articles are printed as text instead, as `basira cat` prints them (as `less` does).
    if !io::stdout().is_terminal() {
        return run_cat(paths, None, options);
    }
    // On a terminal that cannot move its cursor the screen cannot be drawn. A path that
    // cannot be opened is named first, though.
    let check_terminal = || {
        if std::env::var_os("TERM").is_some_and(|term| term == "dumb") {
            return Err("this terminal (TERM=dumb) cannot draw the reader \
                        (`basira cat` prints the articles as text)"
                .to_string());
        }
        Ok(())
    };
    let remembered = Store::default_location().map(Shared::load);
    let last_read = remembered.as_ref().and_then(|(_, loaded)| last_read_path(&loaded.state));
    // The article to show first is read on its own and drawn at once; the whole collection
    // follows from another thread.
    let (opening, themes) = match Corpus::first_article(paths, last_read.as_deref()) {
        Some(first) => {
            let themes = match themes {
                Some(file) => theme_file(file)?,
                None => ThemeSource::Discovered,
            };
            check_terminal()?;
            let (send, rest) = std::sync::mpsc::channel();
            let paths = paths.to_vec();
            std::thread::spawn(move || {
                let _ = send.send(open_quietly(&paths));
            });
            let whole = first.whole;
            let first = Corpus { documents: vec![first.document], warnings: Vec::new() };
            (Opening::Reading { first, whole, rest }, themes)
        }
        None => {
            let corpus = open_for_reading(paths)?;
            let themes = theme_source(themes, &corpus)?;
            check_terminal()?;
            (Opening::Read(corpus), themes)
        }
    };
    basira::ui::run(opening, themes, options, config, remembered, present)
        .map_err(|e| format!("terminal error: {e}"))
}

/// The path of the article open at the last exit, as the state remembers it.
fn last_read_path(state: &ReaderState) -> Option<String> {
    state.articles.get(state.last_article.as_ref()?)?.path.clone()
}

/// The collection, with the folders kept in the cache as [`open`] does, its warnings left
/// for the reader to list (the terminal is the reader's by then).
fn open_quietly(paths: &[PathBuf]) -> Result<Corpus, LoadError> {
    Corpus::open_what_can_be(paths, cache_dir().as_deref())
}
