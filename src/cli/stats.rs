//! `codify stats`: the weakness profile, readable in a terminal (bars, sparklines, colour with labels).

use crate::clock::now_ms;
use std::process::ExitCode;

use super::output::{print_json, Style};
use super::{Ctx, Failure};
use crate::learner::Profile;

pub fn stats(ctx: &Ctx, json: bool) -> Result<ExitCode, Failure> {
    let store = ctx.store()?;
    let bank = crate::problems::Bank::load(&ctx.config.problem_dirs);
    let now = now_ms();
    let dash = crate::learner::Dashboard::load(&store, &bank, now)?;
    if json {
        print_json(&dash)?;
    } else {
        let s = Style::detect();
        render(&dash.weakness, &s, now);
        render_more(&dash, &s);
    }
    Ok(ExitCode::SUCCESS)
}

/// The plan, streak, verdicts, reviews and next problems under the weakness profile.
fn render_more(d: &crate::learner::Dashboard, s: &Style) {
    if let Some(p) = &d.plan {
        let pr = &p.progress;
        println!(
            "\n{}  {}/{} ({:.0}%) {}",
            s.bold("Plan"),
            pr.done,
            pr.planned,
            pr.fraction * 100.0,
            bar(pr.fraction, 20)
        );
        for t in &pr.topics {
            let f = f64::from(t.done) / f64::from(t.planned.max(1));
            println!("  {:<22} {:>3}/{:<3} {}", t.topic, t.done, t.planned, bar(f, 12));
        }
    }
    println!(
        "\n{}  current {} days, longest {}  ·  reviews due {}",
        s.bold("Streak"),
        d.streak.current,
        d.streak.longest,
        d.reviews_due
    );
    if !d.verdicts.is_empty() {
        let mix: Vec<String> = d.verdicts.iter().map(|(v, n)| format!("{v} {n}")).collect();
        println!("{}  {}", s.bold("Verdicts"), mix.join(" · "));
    }
    for r in &d.readiness {
        println!("{}  {:<22} {:.2} ({} sessions)", s.bold("Readiness"), r.topic, r.score, r.sessions);
    }
    if !d.next.is_empty() {
        println!("\n{}", s.bold("Next"));
        for n in &d.next {
            println!("  {:<44} {}", n.slug, s.dim(&n.reason));
        }
    }
}

pub fn bar(fraction: f64, width: usize) -> String {
    let filled = (fraction.clamp(0.0, 1.0) * width as f64).round() as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

pub fn sparkline(values: &[u32]) -> String {
    const TICKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = values.iter().copied().max().unwrap_or(0).max(1);
    values.iter().map(|&v| if v == 0 { ' ' } else { TICKS[((v as usize * 7) / max as usize).min(7)] }).collect()
}

fn ago(ms: i64, now: i64) -> String {
    let days = (now - ms) / 86_400_000;
    match days {
        i64::MIN..=0 => "today".into(),
        1 => "yesterday".into(),
        d => format!("{d} days ago"),
    }
}

fn render(p: &Profile, s: &Style, now: i64) {
    println!("{}  {} submissions, {} accepted", s.bold("Weakness profile"), p.submissions, p.accepted);
    if p.submissions == 0 {
        println!("{}", s.dim("No submissions yet: `codify submit SLUG FILE` records one."));
        return;
    }
    println!(
        "\n{}",
        s.bold(&format!(
            "{:<22} {:>5} {:>6}  {:<12}  {:<24} {}",
            "pattern", "times", "share", "", "mastery", "last seen"
        ))
    );
    for ps in &p.patterns {
        let (mastery, label) = match ps.mastery {
            None => ("·".repeat(10), s.dim("not seen")),
            Some(m) if m < 0.4 => (bar(m, 10), s.red(&format!("{m:.2} weak"))),
            Some(m) if m < 0.7 => (bar(m, 10), s.yellow(&format!("{m:.2} improving"))),
            Some(m) => (bar(m, 10), s.green(&format!("{m:.2} strong"))),
        };
        let last = ps.last_seen_ms.map(|t| ago(t, now)).unwrap_or_else(|| "never".into());
        println!(
            "{:<22} {:>5} {:>5.0}%  {}  {} {:<24} {}",
            ps.kind.as_str(),
            ps.frequency,
            ps.share * 100.0,
            bar(ps.share, 12),
            mastery,
            label,
            s.dim(&last)
        );
    }
    println!(
        "\n{}",
        s.bold(&format!(
            "{:<16} {:>8} {:>11} {:>9} {:>6}  {:<12} {}",
            "topic", "solved", "not optimal", "attempted", "of", "", "first try"
        ))
    );
    for t in &p.topics {
        // The bar counts problems solved at the optimal complexity: a slow solve is not done yet.
        let optimal = t.solved.saturating_sub(t.not_optimal);
        let frac = if t.problems == 0 { 0.0 } else { f64::from(optimal) / f64::from(t.problems) };
        let first = if t.attempted == 0 { "—".to_string() } else { format!("{:.0}%", t.first_try * 100.0) };
        println!(
            "{:<16} {:>8} {:>11} {:>9} {:>6}  {}  {first}",
            t.topic,
            t.solved,
            t.not_optimal,
            t.attempted,
            t.problems,
            bar(frac, 12)
        );
    }
    let recent: Vec<_> = p.weeks.iter().rev().take(12).rev().collect();
    println!(
        "\n{}  {}",
        s.bold("Weekly submissions"),
        sparkline(&recent.iter().map(|w| w.submissions).collect::<Vec<_>>())
    );
    for (i, ps) in p.patterns.iter().enumerate() {
        if ps.frequency > 0 {
            let series: Vec<u32> = recent.iter().map(|w| w.patterns[i]).collect();
            println!("  {:<22} {}", ps.kind.as_str(), sparkline(&series));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_and_sparklines() {
        assert_eq!(bar(0.5, 4), "██░░");
        assert_eq!(bar(2.0, 3), "███");
        assert_eq!(sparkline(&[0, 1, 8]), " ▁█");
    }
}
