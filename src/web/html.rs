//! The page frame every page shares: `<html lang dir>`, the site header with its language picker,
//! the line saying a translation is unreviewed, and the footer. Templates are maud's (checked at
//! compile time; maud's escaper is the only one: `esc` below is it, for the SVG charts).

use maud::{html, Markup, PreEscaped, DOCTYPE};

use super::assets;
use crate::i18n::{Lang, LANG_COOKIE};

/// Escapes text for HTML element content and double-quoted attributes (maud's escaper).
pub fn esc(s: &str) -> String {
    html! { (s) }.into_string()
}

/// Which page of the site navigation is the current one.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Dashboard,
    Submit,
}

impl Nav {
    fn path(self) -> &'static str {
        match self {
            Nav::Dashboard => "/",
            Nav::Submit => "/submit",
        }
    }
}

/// What a page is, around its `main` content.
pub struct Frame<'a> {
    pub lang: Lang,
    pub title: &'a str,
    pub nav: Nav,
    /// A file under /static/ (the only way a page gets script: the CSP forbids inline script).
    pub script: Option<&'a str>,
    /// Data for the script (JSON in a `<script type="application/json" id="page-data">`, which no
    /// browser executes).
    pub data: Option<String>,
}

/// The whole document around `main`.
pub fn layout(frame: Frame, main: Markup) -> String {
    let Frame { lang, title, nav, script, data } = frame;
    let t = |id: &str| lang.text(id);
    let current = |n: Nav| (n == nav).then_some("page");
    html! {
        (DOCTYPE)
        html lang=(lang.tag()) dir=(if lang.is_rtl() { "rtl" } else { "ltr" }) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width,initial-scale=1";
                title { (title) }
                link rel="icon" href="data:,";
                link rel="stylesheet" href=(assets::url("dermreg.css"));
                @if let Some(s) = script { script src=(assets::url(s)) defer {} }
            }
            body {
                a.skip href="#main" { (t("page-skip")) }
                header.site {
                    div.wrap.bar {
                        a.brand href="/" { span.mark aria-hidden="true" {} "dermreg" span.brand-sub { (t("page-brand-sub")) } }
                        nav aria-label=(t("page-nav")) {
                            a href="/" aria-current=[current(Nav::Dashboard)] { (t("page-nav-dashboard")) }
                            a href="/submit" aria-current=[current(Nav::Submit)] { (t("page-nav-submit")) }
                            a href="/docs" { (t("page-nav-api")) }
                        }
                        (picker(lang, nav))
                    }
                }
                @if !lang.is_reviewed() {
                    div.unreviewed role="note" { p.wrap { (t("language-unreviewed")) } }
                }
                main #main .wrap tabindex="-1" { (main) }
                footer.site { div.wrap { p { (t("page-footer")) } } }
                @if let Some(d) = data {
                    // `</` cannot occur in it: JSON strings escape `/` after `<` below.
                    script type="application/json" id="page-data" { (PreEscaped(d.replace("</", "<\\/"))) }
                }
            }
        }
    }
    .into_string()
}

/// The language picker: a plain form (no script needed) that reloads the page with `?lang=`; the
/// answer remembers the choice in a cookie. Each language is named in itself.
fn picker(lang: Lang, nav: Nav) -> Markup {
    html! {
        form.language method="get" action=(nav.path()) {
            label for="lang" { (lang.text("page-language")) }
            select #lang name="lang" {
                @for l in Lang::all() {
                    option value=(l.tag()) lang=(l.tag()) selected[l == lang] { (l.text("language-name")) }
                }
            }
            button.button.secondary.small type="submit" { (lang.text("page-language-choose")) }
        }
    }
}

/// `Set-Cookie` value remembering a language chosen with the picker (or forgetting it).
pub fn remember(choice: Option<Lang>) -> String {
    match choice {
        Some(l) => format!("{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax", l.tag()),
        None => format!("{LANG_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(lang: Lang, nav: Nav) -> Frame<'static> {
        Frame { lang, title: "T", nav, script: Some("submit.js"), data: Some("{\"a\":\"</script>\"}".into()) }
    }

    #[test]
    fn escapes_markup_and_quotes() {
        for (raw, want) in [("a<b>&\"c", "a&lt;b&gt;&amp;&quot;c"), ("plain", "plain"), ("", "")] {
            assert_eq!(esc(raw), want);
        }
    }

    #[test]
    fn layout_marks_the_current_page_and_has_no_inline_script_or_style() {
        let page = layout(frame(Lang::ENGLISH, Nav::Submit), html! { p { "x" } });
        assert!(page.contains("href=\"/submit\" aria-current=\"page\""));
        assert!(!page.contains("<script>") && !page.contains("style="));
        assert!(page.contains("<script src=\"/static/submit.js?v="));
        assert!(page.contains("<html lang=\"en\" dir=\"ltr\">"));
        assert!(!page.contains("</script>\"}"), "the data cannot close its element");
        assert!(!page.contains("class=\"unreviewed\""), "English is the source");
    }

    #[test]
    fn a_language_sets_lang_and_direction_and_says_it_is_unreviewed() {
        let Some(ar) = Lang::from_tag("ar") else { return };
        let page = layout(frame(ar, Nav::Dashboard), html! {});
        assert!(page.contains("<html lang=\"ar\" dir=\"rtl\">"));
        assert!(page.contains(&esc(&ar.text("language-unreviewed"))));
        assert!(page.contains("<option value=\"ar\" lang=\"ar\" selected>"));
    }
}
