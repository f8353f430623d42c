//! Where the bench's articles and sets are: the ANT news corpus unpacked under `target/`,
//! and the files beside this one.

use std::path::{Path, PathBuf};
use std::process::Command;

use basira::corpus::Corpus;

/// The variable that names the corpus: its folder (holding `index.tsv`) or its archive.
const CORPUS_VARIABLE: &str = "BASIRA_ANT_NEWS";
/// Where the corpus is when the variable is not set, from the package's folder.
const DEFAULT_ARCHIVE: &str = "../shared/data/ant-news.tar.xz";
/// Where an archive is unpacked, from the package's folder.
const UNPACKED: &str = "target/quality";

/// The unpacked corpus.
pub struct AntNews {
    /// The folder holding `SOURCE/CATEGORY/DOCNO.txt`.
    pub root: PathBuf,
}

impl AntNews {
    /// The corpus, unpacked if it is still an archive; why not, if it cannot be found.
    pub fn find() -> Result<AntNews, String> {
        let given = std::env::var_os(CORPUS_VARIABLE).map(PathBuf::from);
        let source = given.unwrap_or_else(|| PathBuf::from(DEFAULT_ARCHIVE));
        if source.join("index.tsv").exists() {
            return Ok(AntNews { root: source });
        }
        let root = Path::new(UNPACKED).join("ant-news");
        if root.join("index.tsv").exists() {
            return Ok(AntNews { root });
        }
        if !source.is_file() {
            return Err(format!(
                "the ANT news corpus is not at {} (set {CORPUS_VARIABLE} to its folder or archive)",
                source.display()
            ));
        }
        std::fs::create_dir_all(UNPACKED).map_err(|e| format!("{UNPACKED}: {e}"))?;
        let status = Command::new("tar")
            .arg("-xJf")
            .arg(&source)
            .arg("-C")
            .arg(UNPACKED)
            .status()
            .map_err(|e| format!("tar could not be run: {e}"))?;
        if !status.success() || !root.join("index.tsv").exists() {
            return Err(format!("{} could not be unpacked into {UNPACKED}", source.display()));
        }
        Ok(AntNews { root })
    }

    /// The path of an article given relative to the corpus.
    pub fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    /// The articles listed in a file of the bench (one path relative to the corpus a line),
    /// opened in that order.
    pub fn open_list(&self, list: &str) -> Corpus {
        let paths: Vec<PathBuf> = set_file(list).lines().map(|line| self.path(line)).collect();
        self.open(&paths)
    }

    /// The given articles, opened as basira opens files.
    pub fn open(&self, paths: &[PathBuf]) -> Corpus {
        Corpus::open(paths).unwrap_or_else(|e| panic!("the bench's articles open: {e}"))
    }

    /// An article's path relative to the corpus, from the path basira shows for it.
    pub fn relative<'a>(&self, shown: &'a str) -> &'a str {
        let root = self.root.to_string_lossy();
        shown.strip_prefix(root.as_ref()).map_or(shown, |rest| rest.trim_start_matches('/'))
    }
}

/// The text of one of the bench's own files (beside this source file).
pub fn set_file(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/quality").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Where the bench writes what is left for a reader to judge.
pub fn unread_file(name: &str) -> PathBuf {
    Path::new(UNPACKED).join(name)
}

/// Which half of a set an entry is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
pub enum Half {
    /// The half the analysis was tuned on.
    #[serde(rename = "tune")]
    Tune,
    /// The half held out.
    #[serde(rename = "held-out")]
    HeldOut,
}

/// A TOML string with quotes and backslashes escaped.
pub fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
