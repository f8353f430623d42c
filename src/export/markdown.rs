//! A handout in Markdown: `#` the handout, `##` each article's whole title, `###` its sections
//! of `-` lists, headings and labels in the interface's language. It reads as plain text too:
//! no tables, no links, no markup inside the words but `**` around figures, a passage quoted
//! in «» by its opening words.
//!
//! What is not an article's text (a title, a path, a theme's label, a note) is written as
//! [`sanitise_line`] shows it: on its one line, without controls or bidi overrides.

use std::fmt::Display;
use std::io::{self, Write};
use std::ops::Range;

use super::labels::{self, theme_counts};
use super::page::{ArticleHandout, Handout};
use crate::analysis::FORCED_DIRECTION;
use crate::corpus::sanitise_line;
use crate::lang::{Lang, fill, tr};

/// Write `handout` as Markdown, in `lang`.
pub(super) fn write(out: &mut dyn Write, handout: &Handout, lang: Lang) -> io::Result<()> {
    writeln!(out, "# {}", tr(lang, labels::HANDOUT))?;
    for article in &handout.articles {
        write_article(out, article, lang)?;
    }
    Ok(())
}

/// One article's page.
fn write_article(out: &mut dyn Write, article: &ArticleHandout, lang: Lang) -> io::Result<()> {
    let say = |template, values: &[&dyn Display]| fill(lang, template, values);
    let path = format!("`{}`", sanitise_line(article.path));
    writeln!(out, "\n## {}\n", sanitise_line(article.full_title))?;
    writeln!(out, "{}", say(labels::SOURCE, &[&path]))?;

    section(out, lang, labels::KEY_POINTS, labels::NO_KEY_POINTS, article.key_points.is_empty())?;
    for point in &article.key_points {
        match point.section {
            Some(section) => writeln!(out, "- {} — {}", one_line(section), one_line(&point.text))?,
            None => writeln!(out, "- {}", one_line(&point.text))?,
        }
    }

    section(out, lang, labels::FACTS, labels::NO_FACTS, article.facts.is_empty())?;
    for fact in &article.facts {
        writeln!(out, "- {}", one_line(&bold(fact.text, &fact.figures)))?;
        if fact.direction_forced {
            writeln!(out, "  - ⚠ {}", tr(lang, FORCED_DIRECTION))?;
        }
    }

    section(out, lang, labels::THEMES, labels::NO_THEMES, article.themes.is_empty())?;
    for theme in &article.themes {
        let english = match (lang, theme.label_en) {
            (Lang::En, Some(label)) => format!(" ({})", sanitise_line(label)),
            _ => String::new(),
        };
        let (template, counts) = theme_counts(theme.passages_here, theme.articles);
        let counts: Vec<&dyn Display> = counts.iter().map(|n| n as &dyn Display).collect();
        let counts = say(template, &counts);
        writeln!(out, "- {}{english}: {counts}", sanitise_line(theme.label))?;
    }

    section(out, lang, labels::RELATED, labels::NO_RELATED, article.related.is_empty())?;
    for related in &article.related {
        // The other article is named as lists name it: its whole title heads its own page.
        let title = sanitise_line(related.to.title);
        let passage = quoted(&related.to.text);
        writeln!(out, "- {} {passage}", say(labels::RELATED_IN, &[&title]))?;
        let here = quoted(&related.from_text);
        if related.same_text {
            writeln!(out, "  - {}", say(labels::SAME_TEXT_HERE, &[&here]))?;
        } else {
            writeln!(out, "  - {}", say(labels::WHERE_HERE, &[&here]))?;
            if !related.terms.is_empty() {
                let words = one_line(&related.terms.join("، "));
                writeln!(out, "  - {}", say(labels::SHARED_WORDS, &[&words]))?;
            }
        }
    }

    if let Some(bookmarks) = &article.bookmarks {
        section(out, lang, labels::BOOKMARKS, labels::NO_BOOKMARKS, bookmarks.is_empty())?;
        for bookmark in bookmarks {
            writeln!(out, "- {}", quoted(&bookmark.text))?;
            if let Some(note) = bookmark.note {
                writeln!(out, "  > {}", sanitise_line(note))?;
            }
        }
    }
    Ok(())
}

/// A `###` heading, then a blank line, and the sentence `none` when the section is empty.
fn section(
    out: &mut dyn Write,
    lang: Lang,
    heading: &'static str,
    none: &'static str,
    empty: bool,
) -> io::Result<()> {
    writeln!(out, "\n### {}\n", tr(lang, heading))?;
    if empty {
        writeln!(out, "{}", tr(lang, none))?;
    }
    Ok(())
}

/// A passage quoted: «text», on one line.
fn quoted(text: &str) -> String {
    format!("«{}»", one_line(text))
}

/// `text` with `**` around each of `figures` (sorted byte ranges of it that do not overlap or
/// touch), inserted from the last so that the earlier offsets stay valid.
fn bold(text: &str, figures: &[Range<usize>]) -> String {
    let mut marked = text.to_string();
    for figure in figures.iter().rev() {
        marked.insert_str(figure.end, "**");
        marked.insert_str(figure.start, "**");
    }
    marked
}

/// An article's text on one line, so that it stays inside its list item. (Its bidi embeddings
/// and overrides are taken out on the way to the file by
/// [`SafeOutput`](crate::output::SafeOutput); titles, paths, labels and notes, which come from
/// file names, theme files and the state file, go through [`sanitise_line`] instead.)
fn one_line(text: &str) -> String {
    text.replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Budget;
    use crate::corpus::Corpus;
    use crate::export::page::tests::{NOTE, builtin, one_short_article};
    use crate::export::page::{excerpt, handout};
    use crate::state::ReaderState;

    fn render(
        corpus: &Corpus,
        analysis: &crate::analysis::Analysis,
        notes: Option<&ReaderState>,
        lang: Lang,
    ) -> String {
        let mut out = Vec::new();
        write(&mut out, &handout(corpus, analysis, notes), lang).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The Markdown of each article: from its `## ` line to the next.
    fn article_pages(markdown: &str) -> Vec<&str> {
        markdown.split("\n## ").skip(1).collect()
    }

    /// The lines under `### heading` in an article's page, up to the next heading.
    fn section_of<'p>(page: &'p str, heading: &str) -> &'p str {
        let start = page.find(&format!("### {heading}\n")).expect(heading) + heading.len() + 5;
        page[start..].split("\n### ").next().unwrap()
    }

    #[test]
    fn every_section_of_every_article() {
        let (corpus, analysis, _) = builtin();
        let markdown = render(&corpus, &analysis, None, Lang::En);
        assert!(markdown.starts_with("# basira handout\n"));
        let pages = article_pages(&markdown);
        assert_eq!(pages.len(), corpus.documents.len());
        for (i, (document, page)) in corpus.documents.iter().zip(&pages).enumerate() {
            assert!(page.starts_with(&format!("{}\n", document.full_title())), "article {i}");
            assert!(page.contains(&format!("Source: `{}`", document.path)));
            let first = &analysis.key_points(i, Budget::Default)[0];
            let key_points = section_of(page, "Key points");
            assert!(key_points.contains(&one_line(&first.text(document))), "article {i}");
            section_of(page, "Facts and figures");
            assert!(section_of(page, "Themes").contains("- "), "article {i}");
            // Related passages name another article, by its title, and quote it.
            let related = section_of(page, "Related passages in other articles");
            let mut others = corpus.documents.iter().enumerate().filter(|&(j, _)| j != i);
            assert!(
                others.any(|(_, d)| related.contains(&format!("- In «{}»: «", d.title))),
                "article {i}: {related}"
            );
            assert!(related.contains("  - where this article says: «"), "{related}");
            assert!(!related.contains("paragraph") && !related.contains("score"), "{related}");
        }
        let facts = section_of(pages[2], "Facts and figures");
        assert!(facts.lines().any(|l| l.starts_with("- ") && l.contains("**274")), "{facts}");
        assert!(markdown.contains("- منصات التواصل الاجتماعي (Social media platforms): "));
        assert!(markdown.contains(" passages here, in 5 articles\n"), "{markdown}");
    }

    #[test]
    fn bookmarks_and_notes_only_when_asked_for() {
        let (corpus, analysis, state) = builtin();
        let without = render(&corpus, &analysis, None, Lang::En);
        assert!(!without.contains("### Bookmarks and notes"));
        assert!(!without.contains(NOTE));
        let markdown = render(&corpus, &analysis, Some(&state), Lang::En);
        let pages = article_pages(&markdown);
        for (i, page) in pages.iter().enumerate() {
            assert!(page.contains("### Bookmarks and notes"));
            assert_eq!(page.contains(NOTE), i == 0, "article {i}");
        }
        let bookmarks = section_of(pages[0], "Bookmarks and notes");
        let excerpt = excerpt(&corpus.documents[0].paragraphs[3]);
        let item = format!("- «{excerpt}»\n  > {NOTE}\n");
        assert!(bookmarks.contains(&item), "{bookmarks}");
        assert!(section_of(pages[4], "Bookmarks and notes").trim_start().starts_with("- «"));
        assert!(!pages[4].contains("  > "));
        assert!(section_of(pages[1], "Bookmarks and notes").contains("No bookmarks or notes"));
    }

    #[test]
    fn an_article_with_nothing_found_says_so_in_each_section() {
        let (corpus, analysis) = one_short_article();
        let markdown = render(&corpus, &analysis, None, Lang::En);
        assert!(markdown.contains("## عنوان\n"), "{markdown}");
        assert!(markdown.contains("Source: `x.txt`"));
        assert!(markdown.contains("No figures in this article."));
        assert!(markdown.contains("Nothing in the other articles is close to this one."));
        let arabic = render(&corpus, &analysis, None, Lang::Ar);
        assert!(arabic.contains("### الوقائع والأرقام\n\nلا أرقام في هذه المقالة.\n"), "{arabic}");
        assert!(arabic.contains("المصدر: `x.txt`"), "{arabic}");
    }

    #[test]
    fn figures_are_bolded_without_overlap() {
        let sentence = "نحو 90 بالمائة من 3 حسابات";
        let three = sentence.find('3').unwrap();
        let figures = [0..sentence.find(" بالمائة").unwrap(), three..three + 1];
        assert_eq!(bold(sentence, &figures), "**نحو 90** بالمائة من **3** حسابات");
        assert_eq!(bold("a 1 b 2", &[2..3, 6..7]), "a **1** b **2**");
    }
}
