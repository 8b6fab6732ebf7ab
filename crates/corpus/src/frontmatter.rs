//! The four front matter layouts of the real posts, with comments written for the generator.
//!
//! Keys, their order, quoting and sizes follow what was measured; the comment
//! text is our own, kept about as long as the theme's so file sizes match.

use crate::shapes::FrontMatter;

/// What every layout fills in.
pub struct Fields<'a> {
    pub title: &'a str,
    /// Already formatted (RFC 3339, or RFC 2822 for the odd YAML post).
    pub date: &'a str,
    /// Posts Hugo titled from their file name carry no taxonomy.
    pub taxonomy: bool,
}

const TAGS: &str = r#"["linux", "kernel", "lkml", "news"]"#;
const CATEGORIES: &str = r#"["lkml news"]"#;

pub fn write(out: &mut String, form: FrontMatter, f: &Fields) {
    let (tags, categories) = if f.taxonomy {
        (TAGS, CATEGORIES)
    } else {
        ("[]", "[]")
    };
    let (title, date) = (f.title, f.date);
    match form {
        FrontMatter::Yaml => {
            out.push_str(&format!(
                r#"---
# Post settings for the Academic theme; see the theme's documentation for each key.

title: "{title}"
subtitle: ""
summary: ""
authors: []
tags: {tags}
categories: {categories}
date: {date}
lastmod: {date}
featured: false
draft: false

# Featured image shown on the post page and in the list of posts.
# Put `featured.jpg` or `featured.png` next to this file to use one.
# Focal point: one of Smart, Center, TopLeft, Top, TopRight, Left, Right, Bottom.
image:
  caption: ""
  focal_point: ""
  preview_only: false

# Projects this post belongs to (optional).
#   Name each project by its folder or file name under `content/project/`,
#   without the extension; `projects = ["kernel-news"]` for example.
#   Leave the list empty, `projects = []`, when it belongs to none.
projects: []
---
"#
            ));
        }
        FrontMatter::TomlHeader => {
            out.push_str(&format!(
                r#"+++
title = "{title}"
date = {date}
draft = false

# Tags and categories
# Write `tags = []` for none, or a list like `tags = ["One Tag", "Another"]`;
# the same goes for categories.
tags = {tags}
categories = {categories}

# Featured image
# The image goes in `static/img/`; give its file name below, e.g. `image = "a.jpg"`.
# `caption` is shown under it, and markdown links work in it, for example
#   `caption = "[Credit](http://example.org)"`.
# Set `preview` to `false` to keep the image out of the post list.
[header]
image = ""
caption = ""
preview = true

+++
"#
            ));
        }
        FrontMatter::TomlBigimg => {
            out.push_str(&format!(
                "+++\nbigimg = \"\"\ndate = \"{date}\"\nsubtitle = \"\"\ntitle = \"{title}\"\n\
                 tags = {tags}\ncategories = {categories}\n\n+++\n"
            ));
        }
        FrontMatter::TomlMinimal => {
            out.push_str(&format!(
                "+++\ntitle = \"{title}\"\ndate = {date}\ntags = {tags}\ncategories = {categories}\n+++\n"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(form: FrontMatter) -> String {
        let mut out = String::new();
        let f = Fields {
            title: "LKML News v6.7-rc4",
            date: "2023-11-28T06:35:48-08:00",
            taxonomy: true,
        };
        write(&mut out, form, &f);
        out
    }

    #[test]
    fn sizes_are_close_to_the_real_layouts() {
        // Measured: YAML 856-875 bytes, `[header]` TOML 449-672, bigimg 176, bare 143.
        let yaml = render(FrontMatter::Yaml).len();
        assert!((800..=920).contains(&yaml), "{yaml}");
        let header = render(FrontMatter::TomlHeader).len();
        assert!((600..=700).contains(&header), "{header}");
        let bigimg = render(FrontMatter::TomlBigimg).len();
        assert!((150..=200).contains(&bigimg), "{bigimg}");
    }

    #[test]
    fn fences_open_and_close() {
        let yaml = render(FrontMatter::Yaml);
        assert!(yaml.starts_with("---\n") && yaml.ends_with("\n---\n"));
        for form in [
            FrontMatter::TomlHeader,
            FrontMatter::TomlBigimg,
            FrontMatter::TomlMinimal,
        ] {
            let toml = render(form);
            assert!(
                toml.starts_with("+++\n") && toml.ends_with("\n+++\n"),
                "{toml}"
            );
        }
        assert!(render(FrontMatter::TomlBigimg).contains("date = \"2023-11-28T06:35:48-08:00\""));
    }
}
