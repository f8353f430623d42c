//! Two lists sorted by a key, walked together: the terms two vectors share.

use std::cmp::Ordering;

/// Call `f` with each pair of an item of `a` and an item of `b` whose keys are equal, in key
/// order, each item in one pair at most; both lists are sorted by their key.
pub fn for_each_match<A, B, K: Ord>(
    a: &[A],
    b: &[B],
    key_a: impl Fn(&A) -> K,
    key_b: impl Fn(&B) -> K,
    mut f: impl FnMut(&A, &B),
) {
    any_match(a, b, key_a, key_b, |x, y| {
        f(x, y);
        false
    });
}

/// Whether `f` says yes to a pair of [`for_each_match`]: it is called with the pairs in the
/// same order, until it does.
pub fn any_match<A, B, K: Ord>(
    a: &[A],
    b: &[B],
    key_a: impl Fn(&A) -> K,
    key_b: impl Fn(&B) -> K,
    mut f: impl FnMut(&A, &B) -> bool,
) -> bool {
    let (mut x, mut y) = (0, 0);
    while x < a.len() && y < b.len() {
        match key_a(&a[x]).cmp(&key_b(&b[y])) {
            Ordering::Less => x += 1,
            Ordering::Greater => y += 1,
            Ordering::Equal => {
                if f(&a[x], &b[y]) {
                    return true;
                }
                x += 1;
                y += 1;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_shared_key_is_met_once_in_order() {
        let mut met = Vec::new();
        for_each_match(
            &[1, 3, 3, 5, 8],
            &[(3, 'a'), (3, 'b'), (4, 'c'), (8, 'd')],
            |&k| k,
            |p| p.0,
            |&k, p| met.push((k, p.1)),
        );
        assert_eq!(met, [(3, 'a'), (3, 'b'), (8, 'd')]);
    }
}
