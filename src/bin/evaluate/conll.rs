//! `evaluate conll`. (Skeleton.)

pub fn run(args: &[String]) -> Result<(), String> {
    Err(format!("evaluate conll is not written yet ({} args)", args.len()))
}
