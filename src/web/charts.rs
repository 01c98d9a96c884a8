//! Server-rendered SVG charts: pure functions from numbers to markup, no chart library.
//!
//! Every chart has a `<title>` and sits above a table holding the same numbers, so the SVG is a
//! picture (`role="img"`) and the table is what a screen reader reads. A suppressed value is never
//! drawn as zero or left as a gap: bars say "suppressed" in words, columns get a hatched band.
//! Colours and fonts come from classes in `dermreg.css` (the page's CSP forbids inline styles).

use std::fmt::Write;

use super::html::esc;
use crate::i18n::{format_count, format_percent, Arg, Lang, Message};

/// Width of every chart's coordinate system; the SVG scales to its container.
const WIDTH: f64 = 480.0;
/// Room for the category labels left of horizontal bars.
const LABEL_W: f64 = 150.0;
const ROW_H: f64 = 22.0;

/// One published count, or a suppressed one (`None`).
pub type Count = Option<u64>;

/// A rate with its 95% Wilson interval, or suppressed (`None`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    pub rate: f64,
    pub low: f64,
    pub high: f64,
}

/// A row of a chart: its label and one value per series.
#[derive(Debug, Clone, PartialEq)]
pub struct Row<T> {
    pub label: String,
    pub values: Vec<T>,
}

/// The smallest "round" number (1, 2, 2.5 or 5 times a power of ten) at or above `max`, so the
/// axis ends on a tick a reader can name.
pub fn nice_max(max: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(max.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * magnitude).find(|&v| v >= max - 1e-9).unwrap_or(10.0 * magnitude)
}

/// Shortens a label to `max` characters (with an ellipsis) so it fits beside its bar; the table
/// beneath has it in full.
pub fn clip(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_owned()
    } else {
        let mut s: String = label.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

fn open(h: &mut String, id: &str, title: &str, height: f64) {
    let _ = write!(
        h,
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-labelledby=\"{id}-t\" \
         xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{id}-t\">{}</title>",
        esc(title)
    );
}

fn legend(h: &mut String, series: &[&str], y: f64) {
    let mut x = LABEL_W;
    for (i, s) in series.iter().enumerate() {
        let _ = write!(
            h,
            "<rect class=\"s{i}\" x=\"{x}\" y=\"{}\" width=\"10\" height=\"10\" rx=\"2\"/>\
             <text class=\"legend\" x=\"{}\" y=\"{}\">{}</text>",
            y - 9.0,
            x + 14.0,
            y,
            esc(s)
        );
        x += 24.0 + 7.0 * s.chars().count() as f64;
    }
}

/// Into how many equal steps to cut an axis ending at `top` (a `nice_max`) so that every tick is a
/// round number: 20 in steps of 5, 25 in steps of 5, 50 in steps of 10, 100 in steps of 20.
pub fn divisions(top: f64) -> u32 {
    let mantissa = top / 10f64.powf(top.log10().floor());
    if (mantissa - 2.0).abs() < 1e-9 { 4 } else { 5 }
}

/// Vertical gridlines cutting the axis into `parts`, each with its tick label (`tick(fraction)`).
fn grid(h: &mut String, parts: u32, plot_w: f64, top_y: f64, axis_y: f64, tick: impl Fn(f64) -> String) {
    for q in 0..=parts {
        let f = q as f64 / parts as f64;
        let x = LABEL_W + plot_w * f;
        let _ = write!(
            h,
            "<line class=\"grid\" x1=\"{x:.1}\" y1=\"{top_y}\" x2=\"{x:.1}\" y2=\"{axis_y}\"/>\
             <text class=\"tick\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            axis_y + 16.0,
            tick(f)
        );
    }
}

/// Characters of a label line that fit in `LABEL_W` at the charts' 12 px system font (about 6.6 px a
/// character in Latin scripts, wider letters included), with the 8 px gap before the plot.
const LABEL_LINE_CHARS: usize = 20;
/// Height of a label line (12 px text).
const LABEL_LINE_H: f64 = 13.0;

/// A label cut at spaces into at most `max_lines` lines of at most `LABEL_LINE_CHARS` characters; what
/// does not fit is clipped with an ellipsis (the table beneath has it in full). A word longer than a
/// line is clipped where it stands.
fn label_lines(label: &str, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut words = label.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let last_line = lines.len() + 1 >= max_lines.max(1);
        let mut line = word.to_owned();
        while let Some(next) = words.peek() {
            if line.chars().count() + 1 + next.chars().count() > LABEL_LINE_CHARS {
                break;
            }
            line.push(' ');
            line.push_str(next);
            words.next();
        }
        if last_line {
            // The rest of the label goes on this line, clipped.
            for rest in words.by_ref() {
                line.push(' ');
                line.push_str(rest);
            }
        }
        lines.push(clip(&line, LABEL_LINE_CHARS));
        if last_line {
            break;
        }
    }
    lines
}

/// A row's label, right-aligned left of the plot, centred on its group: on two lines where the group
/// has room for two and the label needs them, so long category names ("Aucun traitement systémique")
/// are not cut at the chart's edge.
fn row_label(h: &mut String, label: &str, y0: f64, group_h: f64) {
    let max_lines = ((group_h / LABEL_LINE_H) as usize).clamp(1, 2);
    let lines = label_lines(label, max_lines);
    let x = LABEL_W - 8.0;
    // Baseline of the first line: the block of lines centred on the group (4 px: half the x-height).
    let first = y0 + group_h / 2.0 + 4.0 - LABEL_LINE_H * (lines.len() as f64 - 1.0) / 2.0;
    let _ = write!(h, "<text class=\"label\" x=\"{x:.1}\" y=\"{first:.1}\" text-anchor=\"end\">");
    for (i, line) in lines.iter().enumerate() {
        let _ = write!(h, "<tspan x=\"{x:.1}\" y=\"{:.1}\">{}</tspan>", first + LABEL_LINE_H * i as f64, esc(line));
    }
    h.push_str("</text>");
}

/// The word "suppressed" where a hidden value's bar or interval would start.
fn suppressed(h: &mut String, y: f64, lang: Lang) {
    let _ = write!(h, "<text class=\"suppressed\" x=\"{:.1}\" y=\"{y:.1}\">{}</text>", LABEL_W + 4.0, esc(&lang.text("dashboard-suppressed")));
}

/// Horizontal bars, one group of bars per row and one bar per series (one series: plain bars).
/// Suppressed values are written as the word "suppressed" where the bar would start.
pub fn bars(lang: Lang, id: &str, title: &str, series: &[&str], rows: &[Row<Count>], percent_of: Option<&[u64]>) -> String {
    let n_series = series.len().max(1);
    let legend_h = if series.len() > 1 { 22.0 } else { 0.0 };
    let group_h = ROW_H * n_series as f64 + if n_series > 1 { 8.0 } else { 2.0 };
    let height = legend_h + group_h * rows.len() as f64 + 24.0;
    // With `percent_of`, each series is shown as a share of its own total (comparisons of registries of
    // different sizes); otherwise as counts.
    let scaled = |s: usize, v: u64| match percent_of {
        Some(totals) if totals.get(s).copied().unwrap_or(0) > 0 => 100.0 * v as f64 / totals[s] as f64,
        _ => v as f64,
    };
    let max = rows
        .iter()
        .flat_map(|r| r.values.iter().enumerate().filter_map(|(s, v)| v.map(|v| scaled(s, v))))
        .fold(0.0, f64::max);
    let top = nice_max(max);
    let plot_w = WIDTH - LABEL_W - 70.0;
    let mut h = String::with_capacity(2048);
    open(&mut h, id, title, height);
    if series.len() > 1 {
        legend(&mut h, series, 14.0);
    }
    // Axis: gridlines at round steps up to the (round) maximum.
    let axis_y = legend_h + group_h * rows.len() as f64;
    grid(&mut h, divisions(top), plot_w, legend_h, axis_y, |f| {
        let v = trim_num(top * f);
        if percent_of.is_some() { format!("{v}%") } else { v }
    });
    for (ri, row) in rows.iter().enumerate() {
        let y0 = legend_h + group_h * ri as f64;
        row_label(&mut h, &row.label, y0, group_h);
        for (s, v) in row.values.iter().enumerate() {
            let y = y0 + 1.0 + ROW_H * s as f64;
            match v {
                Some(v) => {
                    let value = scaled(s, *v);
                    let w = plot_w * value / top;
                    let text = if percent_of.is_some() { format_percent(lang, value / 100.0) } else { format_count(lang, *v) };
                    let _ = write!(
                        h,
                        "<rect class=\"s{s}\" x=\"{LABEL_W}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{:.1}\" rx=\"2\"/>\
                         <text class=\"value\" x=\"{:.1}\" y=\"{:.1}\">{text}</text>",
                        ROW_H - 6.0,
                        LABEL_W + w + 4.0,
                        y + ROW_H / 2.0 + 1.0
                    );
                }
                None => suppressed(&mut h, y + ROW_H / 2.0 + 1.0, lang),
            }
        }
    }
    h.push_str("</svg>");
    h
}

/// Vertical columns over time (the epidemic curve). A suppressed period is a hatched band the
/// height of the plot: its count is unknown, not zero.
pub fn columns(lang: Lang, id: &str, title: &str, rows: &[Row<Count>]) -> String {
    let height = 240.0;
    let (left, bottom, top_pad) = (44.0, 40.0, 24.0);
    let plot_w = WIDTH - left - 8.0;
    let plot_h = height - bottom - top_pad;
    let max = rows.iter().filter_map(|r| r.values.first().copied().flatten()).max().unwrap_or(0);
    let top = nice_max(max as f64);
    let step = plot_w / rows.len().max(1) as f64;
    let gap = (step * 0.15).min(4.0);
    let mut h = String::with_capacity(4096);
    open(&mut h, id, title, height);
    let _ = write!(
        h,
        "<defs><pattern id=\"{id}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" \
         patternTransform=\"rotate(45)\"><line class=\"hatch\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\"/></pattern></defs>"
    );
    let parts = divisions(top);
    for q in 0..=parts {
        let f = q as f64 / parts as f64;
        let y = top_pad + plot_h * (1.0 - f);
        let _ = write!(
            h,
            "<line class=\"grid\" x1=\"{left}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\"/>\
             <text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            left + plot_w,
            left - 6.0,
            y + 4.0,
            trim_num(top * f)
        );
    }
    // Label about six periods, whatever the length of the series.
    let every = rows.len().div_ceil(6).max(1);
    for (i, row) in rows.iter().enumerate() {
        let x = left + step * i as f64 + gap / 2.0;
        let w = (step - gap).max(1.0);
        match row.values.first().copied().flatten() {
            Some(v) => {
                let bh = plot_h * v as f64 / top;
                let _ = write!(
                    h,
                    "<rect class=\"s0\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{bh:.1}\"><title>{}: {}</title></rect>",
                    top_pad + plot_h - bh,
                    esc(&row.label),
                    format_count(lang, v)
                );
            }
            None => {
                let _ = write!(
                    h,
                    "<rect class=\"supp-band\" fill=\"url(#{id}-hatch)\" x=\"{x:.1}\" y=\"{top_pad}\" width=\"{w:.1}\" \
                     height=\"{plot_h}\"><title>{}</title></rect>",
                    esc(&lang.say(&Message::new("dashboard-suppressed-title").arg("label", Arg::Text(row.label.clone()))))
                );
            }
        }
        if i % every == 0 {
            let _ = write!(
                h,
                "<text class=\"tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                x + w / 2.0,
                height - bottom + 16.0,
                esc(&row.label)
            );
        }
    }
    if rows.iter().any(|r| r.values.first().copied().flatten().is_none()) {
        let _ = write!(
            h,
            "<rect fill=\"url(#{id}-hatch)\" class=\"supp-band\" x=\"{left}\" y=\"{:.1}\" width=\"12\" height=\"10\"/>\
             <text class=\"legend\" x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            height - 14.0,
            left + 16.0,
            height - 5.0,
            esc(&lang.text("dashboard-suppressed-legend"))
        );
    }
    h.push_str("</svg>");
    h
}

/// Rates with their 95% intervals on a 0-100 % axis: a dot for the rate, a line for the interval,
/// one line per series within each row. Suppressed estimates are written as "suppressed".
pub fn intervals(lang: Lang, id: &str, title: &str, series: &[&str], rows: &[Row<Option<Estimate>>]) -> String {
    let n_series = series.len().max(1);
    let legend_h = 22.0;
    let group_h = ROW_H * n_series as f64 + 8.0;
    let height = legend_h + group_h * rows.len() as f64 + 24.0;
    let plot_w = WIDTH - LABEL_W - 16.0;
    let mut h = String::with_capacity(2048);
    open(&mut h, id, title, height);
    legend(&mut h, series, 14.0);
    let axis_y = legend_h + group_h * rows.len() as f64;
    grid(&mut h, 4, plot_w, legend_h, axis_y, |f| format!("{}%", trim_num(100.0 * f)));
    let at = |p: f64| LABEL_W + plot_w * p.clamp(0.0, 1.0);
    for (ri, row) in rows.iter().enumerate() {
        let y0 = legend_h + group_h * ri as f64;
        row_label(&mut h, &row.label, y0, group_h);
        for (s, e) in row.values.iter().enumerate() {
            let y = y0 + 4.0 + ROW_H * s as f64 + ROW_H / 2.0;
            match e {
                Some(e) => {
                    let _ = write!(
                        h,
                        "<line class=\"ci s{s}\" x1=\"{:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\"/>\
                         <circle class=\"s{s}\" cx=\"{:.1}\" cy=\"{y:.1}\" r=\"4\"/>",
                        at(e.low),
                        at(e.high),
                        at(e.rate)
                    );
                }
                None => suppressed(&mut h, y + 4.0, lang),
            }
        }
    }
    h.push_str("</svg>");
    h
}

/// `12`, `2.5`, `0.25`: a tick value without trailing zeros.
fn trim_num(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(label: &str, values: &[Count]) -> Row<Count> {
        Row { label: label.into(), values: values.to_vec() }
    }

    #[test]
    fn nice_max_rounds_up_to_a_nameable_tick() {
        for (max, want) in [(0.0, 1.0), (1.0, 1.0), (7.0, 10.0), (11.0, 20.0), (23.0, 25.0), (40.0, 50.0), (101.0, 200.0), (2400.0, 2500.0), (0.3, 0.5)] {
            assert_eq!(nice_max(max), want, "nice_max({max})");
        }
    }

    #[test]
    fn axes_are_cut_into_round_steps() {
        for (top, parts) in [(1.0, 5), (2.0, 4), (2.5, 5), (5.0, 5), (20.0, 4), (25.0, 5), (50.0, 5), (100.0, 5), (200.0, 4)] {
            assert_eq!(divisions(top), parts, "divisions({top})");
        }
    }

    #[test]
    fn clip_keeps_short_labels_and_marks_cut_ones() {
        for (label, max, want) in [("Biologic", 22, "Biologic"), ("Non-biologic systemic therapy", 12, "Non-biologi…"), ("", 5, "")] {
            assert_eq!(clip(label, max), want);
        }
    }

    #[test]
    fn bar_lengths_are_proportional_to_counts() {
        let svg = bars(Lang::ENGLISH, "c", "Countries", &["cases"], &[row("GB", &[Some(20)]), row("FR", &[Some(10)])], None);
        // Scale ends at 20: the first bar spans the plot (480 - 150 - 70 = 260), the second half of it.
        assert!(svg.contains("width=\"260.0\""), "{svg}");
        assert!(svg.contains("width=\"130.0\""), "{svg}");
        assert!(svg.contains(">20</text>") && svg.contains(">10</text>"));
    }

    #[test]
    fn a_suppressed_bar_says_so_and_draws_nothing() {
        let svg = bars(Lang::ENGLISH, "c", "t", &["cases"], &[row("A", &[Some(8)]), row("B", &[None])], None);
        assert_eq!(svg.matches("suppressed</text>").count(), 1);
        assert_eq!(svg.matches("<rect class=\"s0\"").count(), 1, "only the published bar is drawn");
        assert_eq!(svg.matches("class=\"value\"").count(), 1, "no value, so never a zero, for the hidden one");
    }

    #[test]
    fn percent_bars_scale_each_series_by_its_own_total() {
        let svg = bars(Lang::ENGLISH, "c", "t", &["A", "B"], &[row("x", &[Some(10), Some(30)])], Some(&[100, 100]));
        assert!(svg.contains(">10.0%</text>") && svg.contains(">30.0%</text>"), "{svg}");
    }

    #[test]
    fn long_labels_wrap_at_spaces_then_clip() {
        for (label, max_lines, want) in [
            ("Biologic", 2, vec!["Biologic"]),
            ("Aucun traitement systémique", 2, vec!["Aucun traitement", "systémique"]),
            ("Aucun traitement systémique", 1, vec!["Aucun traitement sy…"]),
            ("Non-biologic systemic therapy with a long tail", 2, vec!["Non-biologic", "systemic therapy wi…"]),
            ("Supercalifragilisticexpialidocious", 2, vec!["Supercalifragilisti…"]),
            ("", 2, vec![]),
        ] {
            assert_eq!(label_lines(label, max_lines), want, "{label}");
        }
    }

    #[test]
    fn a_wrapped_label_is_centred_on_its_group() {
        let svg = bars(Lang::ENGLISH, "c", "t", &["a", "b"], &[row("Aucun traitement systémique", &[Some(1), Some(2)])], None);
        // Two series: the group is 52 px high from y 22; the two lines sit 13 px apart around 48 + 4.
        assert!(svg.contains("<tspan x=\"142.0\" y=\"45.5\">Aucun traitement</tspan><tspan x=\"142.0\" y=\"58.5\">systémique</tspan>"), "{svg}");
    }

    #[test]
    fn labels_are_escaped() {
        let svg = bars(Lang::ENGLISH, "c", "<b>", &["cases"], &[row("a<script>", &[Some(1)])], None);
        assert!(!svg.contains("<script>") && !svg.contains("<b>"));
        assert!(svg.contains("a&lt;script&gt;"));
    }

    #[test]
    fn suppressed_periods_are_hatched_bands_with_a_legend() {
        let svg = columns(Lang::ENGLISH, "e", "curve", &[row("2020-03", &[Some(40)]), row("2020-04", &[None]), row("2020-05", &[Some(10)])]);
        assert_eq!(svg.matches("<rect class=\"s0\"").count(), 2);
        assert!(svg.contains("2020-04: suppressed"));
        assert!(svg.contains("suppressed (small count, not zero)"));
        let none_hidden = columns(Lang::ENGLISH, "e", "curve", &[row("2020-03", &[Some(40)])]);
        assert!(!none_hidden.contains("not zero"), "no legend without a suppressed period");
    }

    #[test]
    fn intervals_place_rate_and_bounds_on_a_percent_axis() {
        let e = Estimate { rate: 0.5, low: 0.25, high: 0.75 };
        let svg = intervals(Lang::ENGLISH, "i", "t", &["Hospitalised"], &[Row { label: "Biologic".into(), values: vec![Some(e)] }, Row { label: "Other".into(), values: vec![None] }]);
        // Plot from 150 to 464 (width 314): 25% at 228.5, 50% at 307, 75% at 385.5.
        assert!(svg.contains("x1=\"228.5\"") && svg.contains("x2=\"385.5\"") && svg.contains("cx=\"307.0\""), "{svg}");
        assert_eq!(svg.matches("suppressed</text>").count(), 1);
    }
}
