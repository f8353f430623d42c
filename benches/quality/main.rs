//! The quality bench: how well basira's analysis reads, in one table.
//!
//! - **EASC** (`../shared/bench/easc-rouge`, 153 articles with five human summaries each):
//!   ROUGE-1 F of `basira keypoints --words`, beside the lead baseline measured in the same
//!   run. A "never worse than lead" check: position-led rankers all land near 0.52 there.
//! - **Key points** against a set written by reading 40 news articles before tuning
//!   (`keypoints.toml`): the share of its points found among basira's top five, how many
//!   articles get exactly their first five sentences, and how many sentences of kinds that
//!   must never be key points (questions, fragments, datelines, furniture) got in.
//! - **Links** on a folder of 300 news articles (`folder.txt`) against a set of 40 same-event
//!   pairs from different outlets and 30 articles with no partner (`links.toml`), and 60
//!   links drawn at random, read and judged (`read-links.toml`).
//! - **Themes** discovered on that folder, on a second one whose labels were read while
//!   tuning (`folder-heldout.txt`, May 2018, shown beside the first) and on a third, held out
//!   (`folder-fresh.txt`, June 2018): how many, how broad, how many per article, and how many
//!   labels read as a subject (`read-themes.toml`).
//!
//! Every set is split in two halves: the analysis was tuned on the first and the second is
//! held out. The articles come from `../shared/data/ant-news.tar.xz` (or the folder or
//! archive named by `BASIRA_ANT_NEWS`), unpacked once under `target/quality`; without it the
//! bench says so and stops. Links and labels drawn at random that nobody has read yet are
//! written to `target/quality/unread-*.toml`, ready to be judged and added to the read files.
//!
//! Run with `cargo bench --bench quality`.

mod data;
mod easc;
mod keypoints;
mod links;
mod table;
mod themes;

use basira::analysis::{Analysis, ThemeSource};

use data::AntNews;
use table::Table;

fn main() {
    let news = match AntNews::find() {
        Ok(news) => news,
        Err(why) => {
            println!("quality bench skipped: {why}");
            return;
        }
    };
    let mut table = Table::default();
    easc::measure(&mut table);
    keypoints::measure(&news, &mut table);

    let folder = news.open_list("folder.txt");
    let analysis = Analysis::new(&folder, &ThemeSource::Discovered);
    links::measure(&news, &folder, &analysis, &mut table);
    let seen = news.open_list("folder-heldout.txt");
    let seen_analysis = Analysis::new(&seen, &ThemeSource::Discovered);
    let fresh = news.open_list("folder-fresh.txt");
    let fresh_analysis = Analysis::new(&fresh, &ThemeSource::Discovered);
    let folders = [(&folder, &analysis), (&seen, &seen_analysis), (&fresh, &fresh_analysis)];
    themes::measure(&news, folders, &mut table);
    table.print();
}
