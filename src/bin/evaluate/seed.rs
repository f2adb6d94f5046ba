//! `evaluate seed`. (Skeleton.)

pub fn run(args: &[String]) -> Result<(), String> {
    Err(format!("evaluate seed is not written yet ({} args)", args.len()))
}
