#!/usr/bin/env python3
"""Build the saved-web-page fixtures: Arabic news pages around ANT articles, saved by Chromium.

Each page is written in the style of a news site (menu, share bar, related-story rail, cookie
notice, scripts, styles, hidden elements, comments, footer) around one article of the ANT
corpus, then loaded by headless Chromium and saved as it dumps the DOM (scripts run: one of
them writes furniture into the page). Beside each page, NAME.expected holds the article's
paragraphs as a reader should get them (one a line, the title first), and NAME.furniture.txt
the furniture that must not get through (one a line).

    python3 make-fixtures.py ANT_FOLDER      # ANT_FOLDER: the unpacked ant-news.tar.xz
"""
import html, os, subprocess, sys, tempfile

ANT = sys.argv[1] if len(sys.argv) > 1 else "../../../../data/ant-news"
HERE = os.path.dirname(os.path.abspath(__file__))

def article(rel):
    with open(os.path.join(ANT, rel), encoding="utf-8") as f:
        lines = [l.strip() for l in f.read().split("\n") if l.strip()]
    return lines[0], lines[1:]

MENU = ["الرئيسية", "أخبار", "اقتصاد", "رياضة", "ثقافة وفن", "تكنولوجيا", "فيديو"]
SHARE = "شارك هذا المقال"
COOKIE = "يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك. بمتابعة التصفح فإنك توافق على ذلك."
RELATED = ["أسعار النفط ترتفع مع تراجع المخزونات الأميركية", "البورصة المصرية تغلق على ارتفاع جماعي",
           "الذهب يسجل أعلى مستوى في شهر"]
COMMENTS = ["مقال رائع شكرا للكاتب على هذه المعلومات القيمة", "أختلف مع الكاتب في بعض ما ذهب إليه"]
FOOTER = "جميع الحقوق محفوظة © 2018 شبكة الأخبار العربية"
SCRIPT_TEXT = "نص من سكربت لا يظهر للقارئ"
HIDDEN = "نص مخفي عن القارئ في عنصر مخفي"
LIVE = "عاجل: نص أضافه سكربت الصفحة إلى شريط الأخبار"

def furniture():
    return MENU + [SHARE, COOKIE] + RELATED + COMMENTS + [FOOTER, SCRIPT_TEXT, HIDDEN, LIVE]

def page(title, byline, body_html, charset_meta):
    e = html.escape
    menu = "".join(f'<li><a href="/{i}">{e(m)}</a></li>' for i, m in enumerate(MENU))
    related = "".join(f'<li><a href="/r/{i}"><img src="r{i}.jpg" alt="">{e(r)}</a></li>'
                      for i, r in enumerate(RELATED))
    comments = "".join(f'<li class="comment"><span class="author">زائر {i}</span><p>{e(c)}</p>'
                       f'<a class="reply" href="#">رد</a></li>' for i, c in enumerate(COMMENTS))
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>{charset_meta}
<title>{e(title)} | شبكة الأخبار العربية</title>
<meta property="og:title" content="{e(title)}">
<style>.hidden{{display:none}} body{{font-family:sans-serif}} /* {e(SCRIPT_TEXT)} */</style>
<script>var ad = "{SCRIPT_TEXT}"; window.dataLayer = [];</script>
</head><body>
<div id="cookie-notice" class="cookie-banner"><p>{e(COOKIE)}</p><button>موافق</button></div>
<header class="site-header"><a class="logo" href="/">شبكة الأخبار العربية</a>
<nav class="main-menu"><ul>{menu}</ul></nav>
<div class="ticker" id="ticker"></div></header>
<main><div class="container"><div class="col-main">
<article class="article">
<h1 class="article-title">{e(title)}</h1>
<div class="byline"><span class="author">{e(byline)}</span> <time datetime="2018-02-16">16 فبراير 2018</time></div>
<div class="share-bar social"><span>{e(SHARE)}</span> <a href="#">فيسبوك</a> <a href="#">تويتر</a> <a href="#">واتساب</a></div>
<div class="article-body">
{body_html}
</div>
<p class="hidden">{e(HIDDEN)}</p><div hidden>{e(HIDDEN)}</div><p style="display:none">{e(HIDDEN)}</p>
</article>
<section class="comments" id="comments"><h3>التعليقات</h3><ul>{comments}</ul>
<form><textarea placeholder="أضف تعليقك"></textarea><button>أرسل</button></form></section>
</div>
<aside class="sidebar related"><h3>اقرأ أيضا</h3><ul>{related}</ul></aside>
</div></main>
<footer class="site-footer"><p>{e(FOOTER)}</p><ul><li><a href="/about">من نحن</a></li><li><a href="/contact">اتصل بنا</a></li></ul></footer>
<script>document.getElementById("ticker").textContent = "{LIVE}";</script>
</body></html>
"""

def paragraphs_html(paras):
    return "\n".join(f"<p>{html.escape(p)}</p>" for p in paras)

def dump(source_html, name, encoding="utf-8"):
    """Load the page in headless Chromium and save the DOM it dumps, in `encoding`."""
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, name)
        with open(src, "w", encoding=encoding) as f:
            f.write(source_html)
        profile = os.path.join(tmp, "profile")
        out = subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={profile}", "--dump-dom", "file://" + src],
            check=True, capture_output=True).stdout.decode("utf-8")
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(out.encode(encoding))

def write_lines(name, lines):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")

def main():
    utf8 = '<meta charset="utf-8">'

    # 1. Sky News Arabia style: a plain article, UTF-8 by <meta charset>.
    title, paras = article("SkyNews/economy/SK-economy-10-20180216.txt")
    byline = "أبوظبي - سكاي نيوز عربية"
    shown_byline = byline + " 16 فبراير 2018"
    dump(page(title, byline, paragraphs_html(paras), utf8), "sky-dollar.html")
    write_lines("sky-dollar.expected", [title, shown_byline] + paras)
    write_lines("sky-dollar.furniture", furniture())

    # 2. CNN Arabic style: a heading, a block quote, a list, a figure with its caption,
    #    <br>, &nbsp;, a soft hyphen, zero-width characters and entities in the text.
    title, paras = article("CNN/economy/CN-economy-129-20180528.txt")
    byline = "دبي (CNN)"
    heading = "نصائح لأصحاب المشاريع"
    caption = "كريستيان عيد خلال الجولة في دبي"
    points = ["التركيز على الأداء والاستمرارية", "بناء هوية تجارية ناجحة"]
    p0 = html.escape(paras[0]).replace("الإمارات العربية", "الإمارات&nbsp;العربية")
    p1 = html.escape(paras[1]).replace("الاستمرارية", "الاستمر&shy;ارية").replace("الناصح", "النا\u200bصح")
    body = (f"<p>{p0}</p>\n<p>{p1}</p>\n"
            f"<figure><img src=\"eid.jpg\" alt=\"\"><figcaption>{html.escape(caption)}</figcaption></figure>\n"
            f"<h2>{html.escape(heading)}</h2>\n"
            f"<blockquote><p>{html.escape(paras[2])}</p></blockquote>\n"
            f"<p>{html.escape(paras[3])}</p>\n"
            "<ul>" + "".join(f"<li>{html.escape(x)}</li>" for x in points) + "</ul>\n"
            f"<p>{html.escape(paras[4])}</p>")
    dump(page(title, byline, body, utf8), "cnn-brand.html")
    write_lines("cnn-brand.expected",
                [title, byline + " 16 فبراير 2018",
                 paras[0].replace("الإمارات العربية", "الإمارات\u00a0العربية"), paras[1], caption,
                 heading, paras[2], paras[3]] + ["• " + x for x in points] + [paras[4]])
    write_lines("cnn-brand.furniture", furniture())

    # 3. France 24 style, served in Windows-1256 and saying so in an http-equiv header; a
    #    table of figures in the article.
    title, paras = article("France24/culture/FR-culture-2-20180218.txt")
    byline = "فرانس 24"
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
    table = ("<table><thead><tr><th>الفرعون</th><th>الحكم</th></tr></thead>"
             "<tbody><tr><td>رمسيس الثالث</td><td>1186 - 1155 ق.م</td></tr></tbody></table>")
    body = paragraphs_html(paras[:4]) + "\n" + table + "\n" + paragraphs_html(paras[4:])
    dump(page(title, byline, body, meta), "france24-mummy.html", encoding="cp1256")
    write_lines("france24-mummy.expected",
                [title, byline + " 16 فبراير 2018"] + paras[:4] + ["الفرعون | الحكم ‖ رمسيس الثالث | 1186 - 1155 ق.م"]
                + paras[4:])
    write_lines("france24-mummy.furniture", furniture())

    # 4. A section front: menus, teasers and a footer, no article.
    front = page("اقتصاد", "", "", utf8).replace('<article class="article">', '<div>').replace(
        "</article>", "</div>")
    dump(front, "section-front.html")

main()
