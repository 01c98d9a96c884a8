//! The page frame every page shares, and the small text helpers of the templates.

use std::fmt::Write;

use super::assets;

/// Escapes text for HTML element content and double-quoted attributes.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `12345` -> `12,345`.
pub fn fmt_count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Which page of the site navigation is the current one.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Dashboard,
    Submit,
}

/// The whole document around a page's `main` content. `script` names a file under /static/ (the only
/// way a page gets script: the CSP forbids inline script).
pub fn layout(title: &str, nav: Nav, main: &str, script: Option<&str>) -> String {
    let mut h = String::with_capacity(main.len() + 2048);
    let current = |n: Nav| if n == nav { " aria-current=\"page\"" } else { "" };
    let _ = write!(
        h,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>{title}</title><link rel=\"icon\" href=\"data:,\">\
         <link rel=\"stylesheet\" href=\"{css}\">{script}</head><body>\
         <a class=\"skip\" href=\"#main\">Skip to main content</a>\
         <header class=\"site\"><div class=\"wrap bar\"><a class=\"brand\" href=\"/\"><span class=\"mark\" aria-hidden=\"true\"></span>dermreg\
         <span class=\"brand-sub\">Dermatology COVID-19 registries</span></a>\
         <nav aria-label=\"Site\"><a href=\"/\"{d}>Open data</a><a href=\"/submit\"{s}>Enter a case</a><a href=\"/docs\">API</a></nav></div></header>\
         <main id=\"main\" class=\"wrap\" tabindex=\"-1\">{main}</main>\
         <footer class=\"site\"><div class=\"wrap\"><p>De-identified data only: nothing that identifies a patient is stored, \
         logged, exported or published. Aggregate tables are open access under CC-BY-4.0.</p></div></footer></body></html>",
        title = esc(title),
        css = assets::url("dermreg.css"),
        script = script.map(|s| format!("<script src=\"{}\" defer></script>", assets::url(s))).unwrap_or_default(),
        d = current(Nav::Dashboard),
        s = current(Nav::Submit),
    );
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        for (raw, want) in [("a<b>&\"c'", "a&lt;b&gt;&amp;&quot;c&#39;"), ("plain", "plain"), ("", "")] {
            assert_eq!(esc(raw), want);
        }
    }

    #[test]
    fn counts_get_thousands_separators() {
        for (n, want) in [(0, "0"), (999, "999"), (1000, "1,000"), (1234567, "1,234,567")] {
            assert_eq!(fmt_count(n), want);
        }
    }

    #[test]
    fn layout_marks_the_current_page_and_has_no_inline_script_or_style() {
        let page = layout("T", Nav::Submit, "<p>x</p>", Some("submit.js"));
        assert!(page.contains("href=\"/submit\" aria-current=\"page\""));
        assert!(!page.contains("<script>") && !page.contains("style="));
        assert!(page.contains("<script src=\"/static/submit.js?v="));
    }
}
