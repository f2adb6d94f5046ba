//! `evaluate`: scores the analysers against gold data (by default from `../shared/data`).
//!
//! ```text
//! evaluate conll FILE            CoNLL-2003 entity P/R/F1 per type
//! evaluate timeml DIR            TempEval-3 strict/relaxed span F1 and value F1
//! evaluate timex GOLD TEXTDIR    the same on JSON-lines gold over plain texts (eval/dates/)
//! evaluate duckling FILE         Duckling corpus pass rate
//! evaluate polnear DIR           PolNeAR quote F1 and speaker accuracy
//! evaluate pages DIR             article pages: title/byline/date agreement, body word F1
//! evaluate seed TEXT GOLD        the seed article against its hand annotation
//! ```
//! Run through `make eval` (or `make eval-ner`, `eval-dates`, ...).

mod conll;
mod duckling;
mod pages;
mod polnear;
mod seed;
mod timeml;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((cmd, rest)) = args.split_first() else {
        eprintln!("usage: evaluate conll|timeml|timex|duckling|polnear|pages|seed PATH...");
        return ExitCode::from(2);
    };
    let outcome = match cmd.as_str() {
        "conll" => conll::run(rest),
        "timeml" => timeml::run(rest),
        "timex" => timeml::run_json(rest),
        "duckling" => duckling::run(rest),
        "polnear" => polnear::run(rest),
        "pages" => pages::run(rest),
        "seed" => seed::run(rest),
        other => Err(format!(
            "unknown evaluation {other:?}; expected conll, timeml, timex, duckling, polnear, pages or seed"
        )),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("evaluate: {e}");
            ExitCode::from(2)
        }
    }
}
