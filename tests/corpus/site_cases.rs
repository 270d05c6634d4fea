//! Hostile narratives, files and folders, and broken themes.

use std::fs;
use std::path::Path;

use crate::edits::*;

pub fn cases() -> Vec<Case> {
    vec![
        // Narratives
        case(
            "a javascript: link",
            STRATEGIC,
            Some(NARRATIVE_END),
            "`javascript:` addresses",
            append_narrative("[clicca](javascript:alert(1))"),
        ),
        case(
            "an upper-case JAVASCRIPT: link",
            STRATEGIC,
            Some(NARRATIVE_END),
            "`javascript:` addresses",
            append_narrative("[clicca](JAVASCRIPT:alert(1))"),
        ),
        case(
            "a javascript: link with an encoded tab",
            STRATEGIC,
            Some(NARRATIVE_END),
            "`javascript:` addresses",
            append_narrative("[clicca](java&#x09;script:alert(1))"),
        ),
        case(
            "a vbscript: autolink",
            STRATEGIC,
            Some(NARRATIVE_END),
            "`vbscript:` addresses",
            append_narrative("<vbscript:msgbox(1)>"),
        ),
        case(
            "a data: reference link",
            STRATEGIC,
            Some(NARRATIVE_END),
            "`data:` addresses",
            append_narrative("[apri][r]\n\n[r]: data:text/html;base64,PHNjcmlwdD4="),
        ),
        case(
            "an image from another host, upper-case scheme",
            STRATEGIC,
            Some(NARRATIVE_END),
            "is on another site",
            append_narrative("![logo](HTTP://example.org/logo.png)"),
        ),
        case(
            "an image from another host, no scheme",
            STRATEGIC,
            Some(NARRATIVE_END),
            "is on another site",
            append_narrative("![logo](//cdn.example.org/logo.png)"),
        ),
        case(
            "a data: image",
            STRATEGIC,
            Some(NARRATIVE_END),
            "`data:` addresses",
            append_narrative("![x](data:image/svg+xml;base64,PHN2Zz4=)"),
        ),
        case(
            "100,000 nested quotes in the narrative",
            STRATEGIC,
            Some(NARRATIVE_END),
            "more than 32 deep",
            append_narrative(format!("{}testo", "> ".repeat(100_000))),
        ),
        case(
            "a list 100,000 deep in the narrative",
            STRATEGIC,
            Some(NARRATIVE_END),
            "more than 32 deep",
            append_narrative(format!("{}x", "- ".repeat(100_000))),
        ),
        // Files and folders
        case(
            "a folder named .md",
            "content/area-a/cartella.md",
            None,
            "is a folder",
            |site: &Path| fs::create_dir(site.join("content/area-a/cartella.md")).expect("mkdir"),
        ),
        case(
            "a dangling link",
            "content/area-a/rotto.md",
            None,
            "which does not exist",
            symlink("content/area-a/rotto.md", "/nonexistent/rotto.md"),
        ),
        case(
            "a link out of the site",
            "content/area-a/fuori.md",
            None,
            "outside the site folder",
            symlink("content/area-a/fuori.md", "/etc/hostname"),
        ),
        case(
            "a link to a folder",
            "content/area-c",
            None,
            "links to folders are not followed",
            symlink("content/area-c", "area-a"),
        ),
        case(
            "content/ a link out of the site",
            "content",
            None,
            "outside the site folder",
            linked_out("content"),
        ),
        case(
            "themes/ a link out of the site",
            "themes/default",
            None,
            "outside the site folder",
            linked_out("themes"),
        ),
        case(
            "no objectives",
            "content",
            None,
            "there are no objectives",
            |site: &Path| {
                fs::remove_dir_all(site.join("content")).expect("remove");
                fs::create_dir(site.join("content")).expect("mkdir");
            },
        ),
        case(
            "no content folder",
            "content",
            None,
            "there is no content/ folder",
            |site: &Path| fs::remove_dir_all(site.join("content")).expect("remove"),
        ),
        // Themes
        case(
            "a broken template",
            "themes/default/templates/404.html",
            Some(3),
            "cannot be read",
            write(
                "themes/default/templates/404.html",
                "{% extends \"base.html\" %}\n{% block content %}\n{{ oops( }}\n{% endblock content %}\n",
            ),
        ),
        case(
            "a translation that is not a label",
            "themes/default/i18n/it.yaml",
            Some(2),
            "a label must be a single line",
            write(
                "themes/default/i18n/it.yaml",
                "nav_home: \"Inizio\"\nnav_data: [a, b]\n",
            ),
        ),
    ]
}
