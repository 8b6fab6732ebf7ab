//! The release-stat chart block that ends Linus's entry in the charted posts.

use crate::calendar::{civil_from_days, cycles_before, Tag};
use crate::rng::Rng;
use crate::shapes::{CHART_WINDOW_CYCLES, CHART_WINDOW_NAMES};

/// `v6.7-rc4`-style name of a tag given by parts.
fn name(major: u32, minor: u32, rc: Option<u32>) -> String {
    match rc {
        Some(rc) => format!("v{major}.{minor}-rc{rc}"),
        None => format!("v{major}.{minor}"),
    }
}

/// Appends the charts of a post about `tag`: the two-year window of every tag
/// and, for an rc, the same rc across cycles. Names follow the two real forms:
/// `v5.16-rc5..v6.7-rc4.png` + `v6.7-rc4-only.png`, or the older
/// `linux_stat_v6.7-rc5.png` + `linux_stat_v6.7-rc5-only.png`.
pub fn write(out: &mut String, rng: &mut Rng, tag: &Tag) {
    let until = name(tag.major, tag.minor, tag.rc);
    let (fm, fmin) = cycles_before(tag.major, tag.minor, CHART_WINDOW_CYCLES);
    let windowed = rng.ratio(CHART_WINDOW_NAMES.0, CHART_WINDOW_NAMES.1);
    let (window, only) = if windowed {
        (
            format!("{}..{until}.png", name(fm, fmin, tag.rc)),
            format!("{until}-only.png"),
        )
    } else {
        (
            format!("linux_stat_{until}.png"),
            format!("linux_stat_{until}-only.png"),
        )
    };
    let (y, m, d) = civil_from_days(tag.day - 730);
    out.push_str(&format!(
        "\n\nThe diffstat of every release of the last two years is below.\n\n\
         ![Release diffstat](/img/kernel_release_stat/{window})\n\n\
         The y-axis is logarithmic.  It is drawn from the output of\n\
         https://github.com/relstat-tools/relstat with\n\
         https://github.com/relstat-tools/plotkit, like below:\n\n    \
         $ relstat --since {y:04}-{m:02}-{d:02} | plotkit --table --log-y \\\n            \
         --labels --rotate-x -90 --point-size 0.3"
    ));
    if let Some(rc) = tag.rc {
        out.push_str(&format!(
            "\n\n\nAnd below is the diffstat of the -rc{rc} releases of the last two years.\n\n\
             ![rc{rc} diffstat](/img/kernel_release_stat/{only})"
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(rc: Option<u32>) -> Tag {
        Tag {
            major: 6,
            minor: 7,
            rc,
            day: 19_700,
        }
    }

    #[test]
    fn rc_posts_get_a_window_and_a_same_rc_chart() {
        let mut rng = Rng::new(1);
        let mut seen_window = false;
        for _ in 0..100 {
            let mut out = String::new();
            write(&mut out, &mut rng, &tag(Some(4)));
            assert_eq!(out.matches("![").count(), 2);
            assert!(out.contains("v6.7-rc4-only.png)"));
            seen_window |= out.contains("/v5.16-rc4..v6.7-rc4.png)");
        }
        assert!(seen_window);
    }

    #[test]
    fn final_posts_get_the_window_only() {
        let mut out = String::new();
        write(&mut out, &mut Rng::new(2), &tag(None));
        assert_eq!(out.matches("![").count(), 1);
        assert!(!out.contains("-only"));
    }
}
