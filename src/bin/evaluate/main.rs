//! `evaluate`: scores the analysers against the gold data in `../shared/data`.
//!
//! ```text
//! cargo run --release --features tools --bin evaluate -- conll FILE
//! cargo run --release --features tools --bin evaluate -- timeml DIR
//! cargo run --release --features tools --bin evaluate -- duckling FILE
//! cargo run --release --features tools --bin evaluate -- polnear DIR
//! cargo run --release --features tools --bin evaluate -- pages DIR
//! cargo run --release --features tools --bin evaluate -- seed
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((cmd, rest)) = args.split_first() else {
        eprintln!("usage: evaluate conll|timeml|duckling|polnear|pages|seed PATH");
        return ExitCode::from(2);
    };
    let outcome = match cmd.as_str() {
        other => Err(format!("unknown evaluation {other:?}; expected conll, timeml, duckling, polnear, pages or seed ({} args)", rest.len())),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("evaluate: {e}");
            ExitCode::from(2)
        }
    }
}
