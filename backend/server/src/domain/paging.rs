//! Paging of every list: a 1-based page and a page size, clamped so that any query value is
//! a valid page (a huge `?page=` is an empty page, never an overflow).

/// Page arithmetic shared by every list: 1-based page clamped to 1..=`MAX_PAGE`,
/// `per_page` clamped to 1..=100.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageReq {
    pub page: u64,
    pub per_page: u64,
}

impl PageReq {
    /// Highest page number: keeps the row offset (`(page - 1) * per_page`) far inside the
    /// range of a 64-bit signed integer, so a huge `?page=` is an empty page, not an
    /// arithmetic overflow in the paginator.
    pub const MAX_PAGE: u64 = 1_000_000_000;

    pub fn new(page: Option<u32>, per_page: Option<u32>) -> Self {
        let (page, per_page) = (page.map(u64::from), per_page.map(u64::from));
        PageReq {
            page: page.unwrap_or(1).clamp(1, Self::MAX_PAGE),
            per_page: per_page.unwrap_or(20).clamp(1, 100),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_clamped() {
        assert_eq!(
            PageReq::new(Some(0), Some(1000)),
            PageReq {
                page: 1,
                per_page: 100
            }
        );
        assert_eq!(
            PageReq::new(Some(u32::MAX), Some(100)),
            PageReq {
                page: PageReq::MAX_PAGE,
                per_page: 100
            }
        );
        assert_eq!(
            PageReq::new(None, None),
            PageReq {
                page: 1,
                per_page: 20
            }
        );
    }
}
