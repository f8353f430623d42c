//! Breaking a paragraph into lines, in logical order, at UAX #14 break opportunities.

use std::ops::Range;

use unicode_linebreak::linebreaks;

use super::clusters::Cluster;

/// The UAX #14 break opportunities of a paragraph, asked of its clusters in logical order.
struct BreakOpportunities<I> {
    /// The byte offsets of the characters a line may start with, in increasing order.
    breaks: I,
    /// The next of them not yet matched with a cluster (`usize::MAX` past the last).
    next: usize,
}

/// The break opportunities of `source`.
fn break_opportunities(source: &str) -> BreakOpportunities<impl Iterator<Item = usize> + '_> {
    let mut breaks = linebreaks(source).map(|(index, _)| index);
    let next = breaks.next().unwrap_or(usize::MAX);
    BreakOpportunities { breaks, next }
}

impl<I: Iterator<Item = usize>> BreakOpportunities<I> {
    /// Whether a line may start with the cluster whose source starts at byte `source`: there
    /// is an opportunity after the source of the cluster asked about before and at or before
    /// `source` (the cluster stands for everything from there). Clusters must be asked about
    /// in order.
    #[inline(always)]
    fn before(&mut self, source: u32) -> bool {
        let source = source as usize;
        if self.next > source {
            return false;
        }
        while self.next <= source {
            self.next = self.breaks.next().unwrap_or(usize::MAX);
        }
        true
    }
}

/// Split the clusters of `source` into lines no wider than `width` cells, breaking at the last
/// UAX #14 opportunity that fits, and inside a word only when the word alone is wider than the
/// line. Spaces never force a break: they hang at the end of the line and the caller drops
/// what does not fit.
///
/// Returns ranges of cluster indices; together they cover every cluster once, in order.
pub fn wrap(source: &str, clusters: &[Cluster], width: usize) -> Vec<Range<usize>> {
    let mut breaks = break_opportunities(source);
    let mut lines = Lines { ranges: Vec::new(), start: 0, used: 0, last_break: None };
    for (k, cluster) in clusters.iter().enumerate() {
        if breaks.before(cluster.source) && k > lines.start {
            lines.last_break = Some(k);
        }
        let cluster_width = usize::from(cluster.width);
        if !cluster.is_space && lines.used + cluster_width > width && k > lines.start {
            lines.make_room(clusters, k, cluster_width, width);
        }
        lines.used += cluster_width;
    }
    let Lines { mut ranges, start, .. } = lines;
    if start < clusters.len() || ranges.is_empty() {
        ranges.push(start..clusters.len());
    }
    ranges
}

/// The lines [`wrap`] has ended, and the one it is filling.
struct Lines {
    /// The lines ended, as ranges of cluster indices.
    ranges: Vec<Range<usize>>,
    /// The first cluster of the line being filled.
    start: usize,
    /// The cells its clusters take.
    used: usize,
    /// The last cluster after `start` that a line may start with, if any.
    last_break: Option<usize>,
}

impl Lines {
    /// End lines before cluster `k` until the line being filled has room for its `needed`
    /// cells in `width` or holds no cluster before `k`: each at the last break opportunity,
    /// or just before `k` when there is none.
    #[inline(never)]
    fn make_room(&mut self, clusters: &[Cluster], k: usize, needed: usize, width: usize) {
        while self.used + needed > width && k > self.start {
            let end = self.last_break.filter(|&b| b > self.start).unwrap_or(k);
            self.ranges.push(self.start..end);
            self.used -=
                clusters[self.start..end].iter().map(|c| usize::from(c.width)).sum::<usize>();
            self.start = end;
            self.last_break = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clusters_of(text: &str) -> Vec<Cluster> {
        text.char_indices().map(|(i, c)| Cluster::single(c, i as u32)).collect()
    }

    fn lines(text: &str, width: usize) -> Vec<String> {
        let clusters = clusters_of(text);
        wrap(text, &clusters, width)
            .into_iter()
            .map(|r| text.chars().skip(r.start).take(r.len()).collect())
            .collect()
    }

    /// For each cluster, whether a line may start with it, worked out for all of them at once
    /// as the layout did before it asked cluster by cluster.
    fn all_at_once(source: &str, clusters: &[Cluster]) -> Vec<bool> {
        let mut allowed = vec![false; clusters.len()];
        let mut k = 0;
        for (index, opportunity) in linebreaks(source) {
            if opportunity == unicode_linebreak::BreakOpportunity::Mandatory
                && index == source.len()
            {
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

    #[test]
    fn asking_cluster_by_cluster_agrees_with_working_out_all_at_once() {
        let text = "Latin first, then عربي 123 and (brackets) «quoted» 中文 wide\u{2028}\
                    line\tseparated — dash-ed 4.5% [x] a\u{00A0}b ZW\u{200B}SP end.";
        let offsets: Vec<u32> = text.char_indices().map(|(i, _)| i as u32).collect();
        // Clusters of one character, then of every second one (sources skipping some breaks).
        for step in [1, 2, 3] {
            let clusters: Vec<Cluster> = offsets
                .iter()
                .step_by(step)
                .map(|&i| Cluster::single(text[i as usize..].chars().next().unwrap(), i))
                .collect();
            let mut breaks = break_opportunities(text);
            let asked: Vec<bool> = clusters.iter().map(|c| breaks.before(c.source)).collect();
            assert_eq!(asked, all_at_once(text, &clusters), "every {step}");
        }
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
