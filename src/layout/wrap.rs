//! Breaking a paragraph into lines, in logical order, at UAX #14 break opportunities.

use std::ops::Range;

use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::clusters::Cluster;

/// For each cluster, whether a line may start with it (a break opportunity before it).
pub fn break_opportunities(source: &str, clusters: &[Cluster]) -> Vec<bool> {
    let mut allowed = vec![false; clusters.len()];
    let mut k = 0;
    for (index, opportunity) in linebreaks(source) {
        if opportunity == BreakOpportunity::Mandatory && index == source.len() {
            break;
        }
        while k < clusters.len() && (clusters[k].source as usize) < index {
            k += 1;
        }
        if let Some(slot) = allowed.get_mut(k) {
            *slot = true;
        }
    }
    allowed
}

/// Split the clusters into lines no wider than `width` cells, breaking at the last opportunity
/// that fits, and inside a word only when the word alone is wider than the line. Spaces never
/// force a break: they hang at the end of the line and the caller drops what does not fit.
///
/// Returns ranges of cluster indices; together they cover every cluster once, in order.
pub fn wrap(clusters: &[Cluster], breaks: &[bool], width: usize) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut used = 0;
    let mut last_break: Option<usize> = None;
    for (k, cluster) in clusters.iter().enumerate() {
        if breaks[k] && k > start {
            last_break = Some(k);
        }
        if !cluster.is_space {
            while used + cluster.width as usize > width && k > start {
                let end = last_break.filter(|&b| b > start).unwrap_or(k);
                lines.push(start..end);
                used -= clusters[start..end].iter().map(|c| c.width as usize).sum::<usize>();
                start = end;
                last_break = None;
            }
        }
        used += cluster.width as usize;
    }
    if start < clusters.len() || lines.is_empty() {
        lines.push(start..clusters.len());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clusters_of(text: &str) -> Vec<Cluster> {
        text.char_indices()
            .map(|(i, c)| Cluster {
                text_start: i as u32,
                text_len: c.len_utf8() as u32,
                width: 1,
                source: i as u32,
                anchor: i as u32,
                is_space: c == ' ',
            })
            .collect()
    }

    fn lines(text: &str, width: usize) -> Vec<String> {
        let clusters = clusters_of(text);
        let breaks = break_opportunities(text, &clusters);
        wrap(&clusters, &breaks, width)
            .into_iter()
            .map(|r| text.chars().skip(r.start).take(r.len()).collect())
            .collect()
    }

    #[test]
    fn breaks_after_spaces() {
        assert_eq!(lines("aaa bbb ccc", 7), vec!["aaa bbb ", "ccc"]);
        assert_eq!(lines("aaa bbb ccc", 8), vec!["aaa bbb ", "ccc"]);
        assert_eq!(lines("aaa bbb ccc", 11), vec!["aaa bbb ccc"]);
    }

    #[test]
    fn long_word_is_cut_only_when_alone_too_wide() {
        assert_eq!(lines("ab abcdefgh", 4), vec!["ab ", "abcd", "efgh"]);
    }

    #[test]
    fn no_break_before_closing_punctuation() {
        assert_eq!(lines("aaa bb.", 6), vec!["aaa ", "bb."]);
    }

    #[test]
    fn empty_text_is_one_empty_line() {
        assert_eq!(lines("", 10), vec![String::new()]);
    }
}
