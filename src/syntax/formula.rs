//! Formulas: arithmetic over measures with a few functions for the shapes
//! the plans use (previous year, mean of earlier years, other indicators,
//! meta-indicators). See docs/content-format.md.

use rust_decimal::Decimal;

use crate::diagnostics::{Arg, Diagnostic, Message, problem, text};
use crate::model::{Expr, Op};
use crate::syntax::number::parse_number;

pub const FUNCTIONS: [&str; 5] = [
    "prev",
    "mean_prev",
    "indicator",
    "count_above",
    "count_assessed",
];

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number(Decimal),
    Name(String),
    Op(Op),
    Open,
    Close,
    Comma,
}

/// The longest formula read, in characters: the plans' longest is under 100.
pub const MAX_FORMULA_CHARS: usize = 1_000;
/// The most years `mean_prev` averages.
pub const MAX_MEAN_YEARS: u32 = 20;
/// How deep brackets, signs and function calls may nest.
pub const MAX_FORMULA_DEPTH: usize = 32;

pub fn parse_formula(text: &str) -> Result<Expr, Diagnostic> {
    super::within(text, MAX_FORMULA_CHARS, text::subject_formula())?;
    let tokens = tokenize(text)?;
    let mut parser = Parser {
        tokens,
        pos: 0,
        depth: 0,
    };
    let expr = parser.expression()?;
    match parser.tokens.get(parser.pos) {
        None => Ok(expr),
        Some(token) => Err(problem::formula_unexpected_after_end(describe(token))),
    }
}

fn tokenize(text: &str) -> Result<Vec<Token>, Diagnostic> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            ' ' | '\t' | '\n' => i += 1,
            '+' => push(&mut tokens, &mut i, Token::Op(Op::Add)),
            '-' | '−' => push(&mut tokens, &mut i, Token::Op(Op::Sub)),
            '*' | '×' => push(&mut tokens, &mut i, Token::Op(Op::Mul)),
            '/' | '÷' | ':' => push(&mut tokens, &mut i, Token::Op(Op::Div)),
            '(' => push(&mut tokens, &mut i, Token::Open),
            ')' => push(&mut tokens, &mut i, Token::Close),
            ',' => push(&mut tokens, &mut i, Token::Comma),
            '0'..='9' => {
                let start = i;
                // A comma between digits is a decimal comma; otherwise it
                // separates arguments.
                while i < chars.len()
                    && (chars[i].is_ascii_digit()
                        || ((chars[i] == '.' || chars[i] == ',')
                            && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
                {
                    i += 1;
                }
                let literal: String = chars[start..i].iter().collect();
                let (value, _) = parse_number(&literal)?;
                tokens.push(Token::Number(value));
            }
            c if c.is_alphabetic() || c == '_' => {
                let start = i;
                // Ids of indicators may hold dashes: `indicator(livello-supporto)`
                // is read whole; elsewhere a dash is a minus.
                let in_indicator = matches!(tokens.as_slice(), [.., Token::Name(n), Token::Open] if n == "indicator");
                while i < chars.len()
                    && (chars[i].is_alphanumeric()
                        || chars[i] == '_'
                        || (in_indicator && chars[i] == '-'))
                {
                    i += 1;
                }
                tokens.push(Token::Name(chars[start..i].iter().collect()));
            }
            other => return Err(problem::formula_character(other.to_string())),
        }
    }
    Ok(tokens)
}

fn push(tokens: &mut Vec<Token>, i: &mut usize, token: Token) {
    tokens.push(token);
    *i += 1;
}

fn describe(token: &Token) -> Message {
    match token {
        Token::Number(n) => text::formula_token_number(n.to_string()),
        Token::Name(n) => text::formula_token_name(n),
        Token::Op(op) => text::formula_token_symbol(op.symbol()),
        Token::Open => text::formula_token_symbol("("),
        Token::Close => text::formula_token_symbol(")"),
        Token::Comma => text::formula_token_symbol(","),
    }
}

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
    /// Brackets, signs and calls open around the current position.
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn next(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.pos).cloned();
        self.pos += 1;
        token
    }

    fn expect(&mut self, wanted: &Token, context: Message) -> Result<(), Diagnostic> {
        match self.next() {
            Some(ref token) if token == wanted => Ok(()),
            Some(token) => Err(problem::formula_expected(
                describe(wanted),
                context,
                describe(&token),
            )),
            None => Err(problem::formula_ends_early(describe(wanted), context)),
        }
    }

    fn expression(&mut self) -> Result<Expr, Diagnostic> {
        let mut left = self.term()?;
        while let Some(Token::Op(op @ (Op::Add | Op::Sub))) = self.peek().cloned() {
            self.pos += 1;
            let right = self.term()?;
            left = Expr::Binary(op, Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn term(&mut self) -> Result<Expr, Diagnostic> {
        let mut left = self.factor()?;
        while let Some(Token::Op(op @ (Op::Mul | Op::Div))) = self.peek().cloned() {
            self.pos += 1;
            let right = self.factor()?;
            left = Expr::Binary(op, Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn factor(&mut self) -> Result<Expr, Diagnostic> {
        self.depth += 1;
        if self.depth > MAX_FORMULA_DEPTH {
            return Err(problem::formula_too_deep(MAX_FORMULA_DEPTH));
        }
        let factor = self.factor_inner();
        self.depth -= 1;
        factor
    }

    fn factor_inner(&mut self) -> Result<Expr, Diagnostic> {
        match self.next() {
            Some(Token::Number(value)) => Ok(Expr::Number(value)),
            Some(Token::Op(Op::Sub)) => Ok(Expr::Neg(Box::new(self.factor()?))),
            Some(Token::Open) => {
                let inner = self.expression()?;
                self.expect(&Token::Close, text::formula_to_close_bracket())?;
                Ok(inner)
            }
            Some(Token::Name(name)) if self.peek() == Some(&Token::Open) => {
                self.pos += 1;
                self.call(&name)
            }
            Some(Token::Name(name)) if FUNCTIONS.contains(&name.as_str()) => {
                Err(problem::formula_function_without_brackets(name))
            }
            Some(Token::Name(name)) => Ok(Expr::Measure(name)),
            Some(token) => Err(problem::formula_expected_operand(describe(&token))),
            None => Err(problem::formula_ends_without_operand()),
        }
    }

    fn call(&mut self, name: &str) -> Result<Expr, Diagnostic> {
        let expr = match name {
            "prev" => Expr::Prev(self.name_argument(name)?),
            "mean_prev" => {
                let measure = self.name_argument(name)?;
                self.expect(&Token::Comma, text::formula_between_arguments(name))?;
                let years = match self.next() {
                    Some(Token::Number(n))
                        if n.is_integer()
                            && n > Decimal::ZERO
                            && n <= Decimal::from(MAX_MEAN_YEARS) =>
                    {
                        u32::try_from(n.normalize().mantissa())
                            .map_err(|_| problem::formula_mean_prev_years())?
                    }
                    Some(Token::Number(n)) if n.is_integer() && n > Decimal::ZERO => {
                        return Err(problem::formula_mean_prev_too_many_years(
                            MAX_MEAN_YEARS,
                            n.to_string(),
                        ));
                    }
                    _ => {
                        return Err(problem::formula_mean_prev_years());
                    }
                };
                Expr::MeanPrev(measure, years)
            }
            "indicator" => Expr::Indicator(self.name_argument(name)?),
            "count_above" => match self.next() {
                Some(Token::Number(n)) => Expr::CountAbove(n),
                _ => {
                    return Err(problem::formula_count_above_threshold());
                }
            },
            "count_assessed" => Expr::CountAssessed,
            other => {
                return Err(problem::formula_unknown_function(
                    other,
                    Arg::list(FUNCTIONS),
                ));
            }
        };
        self.expect(&Token::Close, text::formula_to_close_call(name))?;
        Ok(expr)
    }

    fn name_argument(&mut self, function: &str) -> Result<String, Diagnostic> {
        match self.next() {
            Some(Token::Name(name)) => Ok(name),
            _ => Err(problem::formula_function_needs_name(function)),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    /// The problem's sentence in English.
    trait English {
        fn contains(&self, text: &str) -> bool;
    }

    impl English for Diagnostic {
        fn contains(&self, text: &str) -> bool {
            self.said(crate::diagnostics::Lang::En)
                .message
                .contains(text)
        }
    }

    fn m(name: &str) -> Box<Expr> {
        Box::new(Expr::Measure(name.into()))
    }

    fn n(text: &str) -> Box<Expr> {
        Box::new(Expr::Number(Decimal::from_str(text).expect("decimal")))
    }

    #[test]
    fn ratios_with_precedence() {
        assert_eq!(
            parse_formula("num / den * 100"),
            Ok(Expr::Binary(
                Op::Mul,
                Box::new(Expr::Binary(Op::Div, m("num"), m("den"))),
                n("100")
            ))
        );
        assert_eq!(
            parse_formula("(a - b) / a"),
            Ok(Expr::Binary(
                Op::Div,
                Box::new(Expr::Binary(Op::Sub, m("a"), m("b"))),
                m("a")
            ))
        );
        assert_eq!(
            parse_formula("a - -b"),
            Ok(Expr::Binary(Op::Sub, m("a"), Box::new(Expr::Neg(m("b")))))
        );
        assert_eq!(
            parse_formula("a × 0,5"),
            Ok(Expr::Binary(Op::Mul, m("a"), n("0.5")))
        );
    }

    #[test]
    fn functions() {
        assert_eq!(
            parse_formula("t / prev(t)"),
            Ok(Expr::Binary(
                Op::Div,
                m("t"),
                Box::new(Expr::Prev("t".into()))
            ))
        );
        assert_eq!(
            parse_formula("x / mean_prev(x, 3)"),
            Ok(Expr::Binary(
                Op::Div,
                m("x"),
                Box::new(Expr::MeanPrev("x".into(), 3))
            ))
        );
        assert_eq!(
            parse_formula("indicator(livello-supporto) / esportatrici * 100"),
            Ok(Expr::Binary(
                Op::Mul,
                Box::new(Expr::Binary(
                    Op::Div,
                    Box::new(Expr::Indicator("livello-supporto".into())),
                    m("esportatrici")
                )),
                n("100")
            ))
        );
        let meta = parse_formula("count_above(90) / count_assessed() * 100").expect("meta");
        assert!(meta.is_meta());
    }

    #[test]
    fn errors_say_what_is_wrong() {
        assert!(parse_formula("a / ").expect_err("ends").contains("ends"));
        assert!(
            parse_formula("(a / b")
                .expect_err("bracket")
                .contains("close")
        );
        assert!(
            parse_formula("media(a)")
                .expect_err("unknown")
                .contains("unknown function `media`")
        );
        assert!(
            parse_formula("a b")
                .expect_err("two names")
                .contains("unexpected")
        );
        assert!(parse_formula("a % b").expect_err("percent").contains("`%`"));
        assert!(parse_formula("mean_prev(x)").is_err());
        // Found by fuzzing: averaging millions of years ran out of memory.
        assert!(
            parse_formula("x /mean_prev(z,44444444)")
                .expect_err("years")
                .contains("at most 20 years")
        );
        assert_eq!(
            parse_formula("mean_prev(x, 3,0)"),
            Ok(Expr::MeanPrev("x".into(), 3))
        );
        let deep = format!("{}a{}", "(".repeat(100_000), ")".repeat(100_000));
        assert!(
            parse_formula(&deep)
                .expect_err("deep")
                .contains("characters long")
        );
        let nested = format!("{}a{}", "(".repeat(40), ")".repeat(40));
        assert!(
            parse_formula(&nested)
                .expect_err("nested")
                .contains("nested")
        );
        let signs = format!("{}a", "-".repeat(40));
        assert!(parse_formula(&signs).expect_err("signs").contains("nested"));
        let long = vec!["a"; 100_000].join(" + ");
        assert!(
            parse_formula(&long)
                .expect_err("long")
                .contains("characters long")
        );
        let fine = format!("{}a{}", "(".repeat(30), ")".repeat(30));
        assert!(parse_formula(&fine).is_ok());
        assert!(
            parse_formula("prev")
                .expect_err("bare fn")
                .contains("is a function")
        );
    }
}
