//! The one place that parses YAML.
//!
//! YAML is read into a small tree where every node keeps its byte span, so
//! that any later check can point at the exact line. Scalars keep their text:
//! `65.991` stays the string "65.991" (an Italian thousands separator), never
//! a float, and the content's own number rules decide what it means.

use std::collections::BTreeSet;

use saphyr_parser::{Event, Parser, ScalarStyle};

use crate::diagnostics::{Arg, Diagnostics, Message, SourceId, Span, did_you_mean, problem, text};

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub kind: NodeKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// A scalar as written; `quoted` is false for plain scalars.
    Scalar {
        text: String,
        quoted: bool,
    },
    /// An empty value, `~` or `null`.
    Null,
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// The text of a scalar (quoted or not).
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self.kind, NodeKind::Null)
    }

    /// What kind of YAML value this is, for messages.
    pub fn describe(&self) -> Message {
        match self.kind {
            NodeKind::Scalar { .. } => text::found_single_value(),
            NodeKind::Null => text::found_empty_value(),
            NodeKind::Seq(_) => text::found_list(),
            NodeKind::Map(_) => text::found_mapping(),
        }
    }
}

/// How deep lists and mappings may nest: the content format needs 5 levels.
pub const MAX_DEPTH: usize = 32;

/// Parses the YAML document at `range` of `file`, so that spans (and the
/// lines in messages) point into the whole file.
pub fn parse(
    file: &str,
    range: std::ops::Range<usize>,
    source: SourceId,
    diags: &mut Diagnostics,
) -> Option<Node> {
    let offset = range.start;
    let text = file.get(range)?;
    // The parser counts characters; spans count bytes.
    let mut byte_of_char: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte_of_char.push(text.len());
    let span_of = |start: usize, end: usize| {
        let b = |c: usize| offset + byte_of_char[c.min(byte_of_char.len() - 1)];
        Span::new(source, b(start)..b(end).max(b(start)))
    };

    let mut stack: Vec<Building> = Vec::new();
    let mut root: Option<Node> = None;
    for event in Parser::new_from_str(text) {
        let (event, span) = match event {
            Ok(pair) => pair,
            Err(error) => {
                let at = error.marker().index();
                // The parser's own limit on brackets: say it as ours.
                let problem = if error.info().contains("recursion limit") {
                    problem::yaml_too_deep(MAX_DEPTH)
                } else {
                    problem::yaml_syntax(error.info())
                };
                diags.push(problem.at(&span_of(at, at + 1)));
                return None;
            }
        };
        let node_span = span_of(span.start.index(), span.end.index());
        let finished = match event {
            Event::Scalar(value, style, _, _) => {
                let quoted = style != ScalarStyle::Plain;
                let kind = if !quoted && matches!(value.as_ref(), "" | "~" | "null" | "Null") {
                    NodeKind::Null
                } else {
                    NodeKind::Scalar {
                        text: value.into_owned(),
                        quoted,
                    }
                };
                Some(Node {
                    kind,
                    span: node_span,
                })
            }
            Event::SequenceStart(..) | Event::MappingStart(..) if stack.len() >= MAX_DEPTH => {
                diags.push(problem::yaml_too_deep(MAX_DEPTH).at(&node_span));
                return None;
            }
            Event::SequenceStart(..) => {
                stack.push(Building::Seq(node_span, Vec::new()));
                None
            }
            Event::MappingStart(..) => {
                stack.push(Building::Map(node_span, Vec::new(), None));
                None
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(Building::Seq(start, items)) => Some(Node {
                    span: widen(start, &items, node_span.range.end),
                    kind: NodeKind::Seq(items),
                }),
                Some(Building::Map(start, entries, _)) => {
                    let last: Vec<Node> = entries.iter().map(|(_, v)| v.clone()).collect();
                    Some(Node {
                        span: widen(start, &last, node_span.range.end),
                        kind: NodeKind::Map(entries),
                    })
                }
                None => None,
            },
            Event::Alias(_) => {
                diags.push(problem::yaml_alias().at(&node_span));
                Some(Node {
                    kind: NodeKind::Null,
                    span: node_span,
                })
            }
            Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart(_)
            | Event::DocumentEnd
            | Event::Nothing => None,
        };
        if let Some(node) = finished {
            match stack.last_mut() {
                Some(Building::Seq(_, items)) => items.push(node),
                Some(Building::Map(_, entries, pending)) => match pending.take() {
                    None => *pending = Some(node),
                    Some(key) => {
                        if let Some(name) = key.as_str()
                            && let Some((first, _)) =
                                entries.iter().find(|(k, _)| k.as_str() == Some(name))
                        {
                            let line = line_of(file, first.span.range.start);
                            diags.push(problem::duplicate_key(name, line).at(&key.span));
                        }
                        entries.push((key, node));
                    }
                },
                None => {
                    if root.is_none() {
                        root = Some(node);
                    }
                }
            }
        }
    }
    Some(root.unwrap_or(Node {
        kind: NodeKind::Null,
        span: span_of(0, 0),
    }))
}

enum Building {
    Seq(Span, Vec<Node>),
    Map(Span, Vec<(Node, Node)>, Option<Node>),
}

/// Block collections end where their next sibling starts; keep the span on
/// the collection's own text, up to its last child.
fn widen(start: Span, children: &[Node], end: usize) -> Span {
    let end = children
        .last()
        .map_or(end, |n| n.span.range.end)
        .max(start.range.start);
    Span::new(start.source, start.range.start..end)
}

/// The 1-based line of a byte of the file.
fn line_of(file: &str, byte: usize) -> usize {
    let end = (0..=byte.min(file.len()))
        .rev()
        .find(|&b| file.is_char_boundary(b))
        .unwrap_or(0);
    file[..end].matches('\n').count() + 1
}

/// Reads the keys of a mapping, remembering which were asked for, so that
/// every key nobody asked for is reported with the closest known key.
#[derive(Debug)]
pub struct Fields<'n> {
    pub node: &'n Node,
    entries: &'n [(Node, Node)],
    asked: BTreeSet<&'static str>,
    /// What this mapping is, for messages: "the indicator", "cruscotto.yaml".
    what: Message,
}

impl<'n> Fields<'n> {
    /// `None` (with an error) when the node is not a mapping.
    pub fn of(node: &'n Node, what: Message, diags: &mut Diagnostics) -> Option<Self> {
        match &node.kind {
            NodeKind::Map(entries) => Some(Fields {
                node,
                entries,
                asked: BTreeSet::new(),
                what,
            }),
            _ => {
                diags.push(problem::not_a_mapping(what, node.describe()).at(&node.span));
                None
            }
        }
    }

    /// The value of `key`, if written (an empty value counts as not written).
    pub fn get(&mut self, key: &'static str) -> Option<&'n Node> {
        self.asked.insert(key);
        self.entries
            .iter()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(_, v)| v)
            .filter(|v| !v.is_null())
    }

    /// Like [`Fields::get`], with an error naming the key when it is missing.
    pub fn require(&mut self, key: &'static str, diags: &mut Diagnostics) -> Option<&'n Node> {
        let value = self.get(key);
        if value.is_none() {
            diags.push(problem::missing_key(self.what.clone(), key).at(&self.head_span()));
        }
        value
    }

    /// The entries whose key was never asked for, in the order written.
    pub fn rest(&self) -> impl Iterator<Item = (&'n Node, &'n Node)> + '_ {
        self.entries
            .iter()
            .filter(|(k, _)| !k.as_str().is_some_and(|name| self.asked.contains(name)))
            .map(|(k, v)| (k, v))
    }

    /// Reports every key that was not asked for.
    pub fn finish(self, diags: &mut Diagnostics) {
        for (key, _) in self.rest() {
            let name = key.as_str().unwrap_or("?");
            let keys = Arg::list(self.asked.iter().copied());
            let mut diagnostic = problem::unknown_key(name, self.what.clone(), keys).at(&key.span);
            if let Some(known) = did_you_mean(name, self.asked.iter().copied()) {
                diagnostic = diagnostic.suggest(Some(known)).help(text::write_key(known));
            }
            diags.push(diagnostic);
        }
    }

    /// The first line of the mapping, where "missing key" errors point.
    pub fn head_span(&self) -> Span {
        match self.entries.first() {
            Some((key, _)) => key.span.clone(),
            None => self.node.span.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Sources;

    fn parse_str(text: &str) -> (Option<Node>, Diagnostics, Sources) {
        let mut sources = Sources::new();
        let id = sources.add("t.yaml", text.to_string());
        let mut diags = Diagnostics::new();
        let node = parse(text, 0..text.len(), id, &mut diags);
        (node, diags, sources)
    }

    #[test]
    fn numbers_stay_text() {
        let (node, diags, _) = parse_str("a: 65.991\nb: '0,17'\nc:\n");
        assert!(diags.is_empty());
        let node = node.expect("parsed");
        let NodeKind::Map(entries) = &node.kind else {
            panic!("not a map")
        };
        assert_eq!(entries[0].1.as_str(), Some("65.991"));
        assert_eq!(entries[1].1.as_str(), Some("0,17"));
        assert!(entries[2].1.is_null());
    }

    #[test]
    fn spans_point_at_values_in_bytes() {
        let text = "titolo: perché\nanno: 2023\n";
        let (node, _, sources) = parse_str(text);
        let node = node.expect("parsed");
        let NodeKind::Map(entries) = &node.kind else {
            panic!("not a map")
        };
        let span = &entries[1].1.span;
        assert_eq!(&text[span.range.clone()], "2023");
        assert_eq!(sources.line_col(span), (2, 7));
    }

    #[test]
    fn duplicate_keys_and_syntax_errors_are_reported() {
        let (_, diags, sources) = parse_str("a: 1\na: 2\n");
        assert_eq!(diags.errors(), 1);
        assert!(
            diags
                .render_short(&sources, crate::diagnostics::Lang::En)
                .contains("t.yaml:2")
        );
        let (node, diags, _) = parse_str("a: [1, 2\n");
        assert!(node.is_none());
        assert_eq!(diags.errors(), 1);
    }

    #[test]
    fn a_duplicate_key_names_the_line_of_the_first_in_the_whole_file() {
        let file = "---\nid: a\ntitle: x\nid: b\n---\n";
        let mut sources = Sources::new();
        let id = sources.add("content/a.md", file.to_string());
        let mut diags = Diagnostics::new();
        let _ = parse(file, 4..file.len() - 4, id, &mut diags);
        let text = diags.render(&sources, crate::diagnostics::Lang::En);
        assert!(text.contains("content/a.md:4"), "{text}");
        assert!(text.contains("first written on line 2"), "{text}");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        // Brackets: the YAML parser's own limit.
        let (node, diags, sources) = parse_str(&format!(
            "a: {}{}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ));
        assert!(node.is_none());
        assert_eq!(diags.errors(), 1);
        let text = diags.render_short(&sources, crate::diagnostics::Lang::En);
        assert!(
            text.contains("t.yaml:1: lists and mappings are nested too deep"),
            "{text}"
        );
        for text in [
            format!("{}x", "- ".repeat(100)),
            (0..40)
                .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
                .collect(),
        ] {
            let (node, diags, sources) = parse_str(&text);
            assert!(node.is_none());
            assert_eq!(
                diags.errors(),
                1,
                "{}",
                diags.render(&sources, crate::diagnostics::Lang::En)
            );
            let text = diags.render_short(&sources, crate::diagnostics::Lang::En);
            assert!(
                text.contains("nested too deep here (at most 32 levels)"),
                "{text}"
            );
        }
    }

    #[test]
    fn unknown_keys_get_a_suggestion() {
        let (node, _, sources) = parse_str("formola: x\nname: y\n");
        let node = node.expect("parsed");
        let mut diags = Diagnostics::new();
        let mut fields = Fields::of(
            &node,
            crate::diagnostics::text::subject_indicator(),
            &mut diags,
        )
        .expect("map");
        assert_eq!(fields.get("name").and_then(Node::as_str), Some("y"));
        let _ = fields.get("formula");
        fields.finish(&mut diags);
        let text = diags.render(&sources, crate::diagnostics::Lang::En);
        assert!(text.contains("unknown key `formola`"), "{text}");
        assert!(text.contains("did you mean `formula`?"), "{text}");
    }
}
