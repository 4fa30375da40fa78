//! A small page-layout engine for the official documents: wrapped paragraphs, bordered
//! tables whose rows break across pages (the header row repeated), signature blocks and
//! "Halaman i dari n" on every page.
//!
//! Layout is two passes: the content is laid out into a display list per page (so the total
//! page count is known), then each page is written with krilla. Text is real text in an
//! embedded, subset font (DejaVu Sans Condensed from the `dejavu` crate, ADR 0022) with a
//! ToUnicode map, so it can be searched, copied and read back.

use krilla::Document;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

/// A4 portrait, in points.
const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN_X: f32 = 42.0;
const MARGIN_TOP: f32 = 40.0;
/// The lowest baseline content may use; the footer sits below it.
const CONTENT_BOTTOM: f32 = PAGE_H - 52.0;
const FOOTER_Y: f32 = PAGE_H - 28.0;
const CELL_PAD: f32 = 3.0;
const LEADING: f32 = 1.25;

/// The body font size of tables and paragraphs.
pub const BODY: f32 = 8.5;

fn regular_bytes() -> &'static [u8] {
    dejavu::sans_condensed::regular()
}

fn bold_bytes() -> &'static [u8] {
    dejavu::sans_condensed::bold()
}

/// Width of `text` at `size` points (advances of the font's glyphs; unknown characters
/// count as the missing glyph).
pub fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    let data = if bold { bold_bytes() } else { regular_bytes() };
    let Ok(font) = FontRef::new(data) else {
        return text.chars().count() as f32 * size * 0.55;
    };
    let charmap = font.charmap();
    let metrics = font.glyph_metrics(Size::new(size), LocationRef::default());
    text.chars()
        .map(|c| {
            let gid = charmap.map(c).unwrap_or_default();
            metrics.advance_width(gid).unwrap_or(size * 0.5)
        })
        .sum()
}

/// Splits `text` into lines no wider than `width` (words kept whole unless one alone is
/// too wide; explicit line breaks kept). An empty text is one empty line.
pub fn wrap(text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if text_width(&candidate, size, bold) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word wider than the column is cut by characters.
            for c in word.chars() {
                let mut next = line.clone();
                next.push(c);
                if !line.is_empty() && text_width(&next, size, bold) > width {
                    lines.push(std::mem::take(&mut line));
                    line.push(c);
                } else {
                    line = next;
                }
            }
        }
        lines.push(line);
    }
    lines
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
}

#[derive(Clone, Debug)]
enum Op {
    Text {
        x: f32,
        baseline: f32,
        size: f32,
        bold: bool,
        text: String,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
    },
    Shade {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
}

/// One table cell.
#[derive(Clone, Debug, Default)]
pub struct Cell {
    pub text: String,
    pub bold: bool,
    pub align: Option<Align>,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            ..Cell::default()
        }
    }

    pub fn bold(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            bold: true,
            align: None,
        }
    }

    pub fn centered(mut self) -> Cell {
        self.align = Some(Align::Center);
        self
    }
}

/// A table row: cells, or one shaded bold line across the whole table.
#[derive(Clone, Debug)]
pub enum Row {
    Cells(Vec<Cell>),
    Section(String),
}

/// A bordered table; `widths` are relative and fill the text width.
#[derive(Clone, Debug, Default)]
pub struct Table {
    pub widths: Vec<f32>,
    pub header: Vec<Cell>,
    pub rows: Vec<Row>,
}

/// One signature block: the line above (place and date, or empty), the role, the name
/// and the NIP, with room for a signature.
#[derive(Clone, Debug, Default)]
pub struct Signature {
    pub place_date: String,
    pub role: String,
    pub name: String,
    pub nip: String,
}

/// The document being laid out.
pub struct Layout {
    pages: Vec<Vec<Op>>,
    /// The top of the free space on the current page.
    y: f32,
    footer_title: String,
}

impl Layout {
    /// A new document; `footer_title` is printed beside the page number on every page.
    pub fn new(footer_title: impl Into<String>) -> Layout {
        Layout {
            pages: vec![Vec::new()],
            y: MARGIN_TOP,
            footer_title: footer_title.into(),
        }
    }

    fn text_width_total() -> f32 {
        PAGE_W - 2.0 * MARGIN_X
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        self.pages.last_mut().expect("a layout always has a page")
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN_TOP;
    }

    fn room(&self) -> f32 {
        CONTENT_BOTTOM - self.y
    }

    /// Starts a new page unless `height` still fits on this one.
    pub fn keep(&mut self, height: f32) {
        if self.room() < height && self.y > MARGIN_TOP {
            self.new_page();
        }
    }

    pub fn space(&mut self, h: f32) {
        self.y += h;
    }

    fn put_text(&mut self, x: f32, top: f32, size: f32, bold: bool, text: &str) {
        if text.is_empty() {
            return;
        }
        let text = text.to_string();
        self.ops().push(Op::Text {
            x,
            baseline: top + size,
            size,
            bold,
            text,
        });
    }

    fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32) {
        self.ops().push(Op::Line {
            x1,
            y1,
            x2,
            y2,
            width: 0.6,
        });
    }

    /// A wrapped paragraph across the text width.
    pub fn paragraph(&mut self, text: &str, size: f32, bold: bool, align: Align) {
        let width = Self::text_width_total();
        for line in wrap(text, size, bold, width) {
            self.keep(size * LEADING);
            let x = match align {
                Align::Left => MARGIN_X,
                Align::Center => MARGIN_X + (width - text_width(&line, size, bold)) / 2.0,
            };
            let top = self.y;
            self.put_text(x, top, size, bold, &line);
            self.y += size * LEADING;
        }
    }

    fn column_edges(widths: &[f32]) -> Vec<f32> {
        let total: f32 = widths.iter().sum::<f32>().max(f32::EPSILON);
        let mut x = MARGIN_X;
        let mut edges = vec![x];
        for w in widths {
            x += w / total * Self::text_width_total();
            edges.push(x);
        }
        edges
    }

    /// A bordered table. Rows break across pages (a row taller than the room left is
    /// continued on the next page); the header row is repeated on every page.
    pub fn table(&mut self, table: &Table) {
        let edges = Self::column_edges(&table.widths);
        let header = (!table.header.is_empty()).then(|| Row::Cells(table.header.clone()));
        let line_h = BODY * LEADING;
        let header_h = header
            .as_ref()
            .map(|h| {
                self.row_lines(h, &edges)
                    .iter()
                    .map(Vec::len)
                    .max()
                    .unwrap_or(1)
            })
            .map(|n| n as f32 * line_h + 2.0 * CELL_PAD)
            .unwrap_or(0.0);
        // The header and at least one line of the first row stay together.
        self.keep(header_h + line_h + 2.0 * CELL_PAD);
        if let Some(h) = &header {
            self.draw_row(h, &edges, true);
        }
        for row in &table.rows {
            self.draw_row_breaking(row, &edges, header.as_ref(), header_h);
        }
    }

    fn row_lines(&self, row: &Row, edges: &[f32]) -> Vec<Vec<String>> {
        match row {
            Row::Section(text) => {
                let w = edges[edges.len() - 1] - edges[0] - 2.0 * CELL_PAD;
                vec![wrap(text, BODY, true, w)]
            }
            Row::Cells(cells) => cells
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let w = edges.get(i + 1).copied().unwrap_or(edges[edges.len() - 1])
                        - edges.get(i).copied().unwrap_or(edges[0])
                        - 2.0 * CELL_PAD;
                    wrap(&c.text, BODY, c.bold, w.max(BODY))
                })
                .collect(),
        }
    }

    fn draw_row(&mut self, row: &Row, edges: &[f32], shaded: bool) {
        let lines = self.row_lines(row, edges);
        let n = lines.iter().map(Vec::len).max().unwrap_or(1);
        self.draw_row_part(row, edges, &lines, 0, n, shaded);
    }

    fn draw_row_breaking(&mut self, row: &Row, edges: &[f32], header: Option<&Row>, header_h: f32) {
        let lines = self.row_lines(row, edges);
        let total = lines.iter().map(Vec::len).max().unwrap_or(1);
        let line_h = BODY * LEADING;
        let mut from = 0;
        while from < total {
            let left = total - from;
            let fits = ((self.room() - 2.0 * CELL_PAD) / line_h).floor().max(0.0) as usize;
            let whole_fits_fresh =
                left as f32 * line_h + 2.0 * CELL_PAD + header_h <= CONTENT_BOTTOM - MARGIN_TOP;
            if fits < left && (fits == 0 || (whole_fits_fresh && from == 0)) {
                self.new_page();
                if let Some(h) = header {
                    self.draw_row(h, edges, true);
                }
                continue;
            }
            let take = left.min(fits);
            let shaded = matches!(row, Row::Section(_));
            self.draw_row_part(row, edges, &lines, from, from + take, shaded);
            from += take;
        }
    }

    fn draw_row_part(
        &mut self,
        row: &Row,
        edges: &[f32],
        lines: &[Vec<String>],
        from: usize,
        to: usize,
        shaded: bool,
    ) {
        let line_h = BODY * LEADING;
        let top = self.y;
        let h = (to - from) as f32 * line_h + 2.0 * CELL_PAD;
        let (left, right) = (edges[0], edges[edges.len() - 1]);
        if shaded {
            self.ops().push(Op::Shade {
                x: left,
                y: top,
                w: right - left,
                h,
            });
        }
        let cells: Vec<(f32, f32, bool, Align)> = match row {
            Row::Section(_) => vec![(left, right, true, Align::Left)],
            Row::Cells(cells) => cells
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    (
                        edges[i.min(edges.len() - 1)],
                        edges[(i + 1).min(edges.len() - 1)],
                        c.bold,
                        c.align.unwrap_or(Align::Left),
                    )
                })
                .collect(),
        };
        for (i, (x0, x1, bold, align)) in cells.iter().copied().enumerate() {
            let Some(cell_lines) = lines.get(i) else {
                continue;
            };
            for (k, line) in cell_lines.iter().enumerate().take(to).skip(from) {
                let x = match align {
                    Align::Left => x0 + CELL_PAD,
                    Align::Center => x0 + (x1 - x0 - text_width(line, BODY, bold)) / 2.0,
                };
                let line_top = top + CELL_PAD + (k - from) as f32 * line_h;
                self.put_text(x, line_top, BODY, bold, line);
            }
        }
        // Borders: the top and bottom lines and every cell's sides.
        self.line(left, top, right, top);
        self.line(left, top + h, right, top + h);
        let mut xs: Vec<f32> = cells.iter().map(|c| c.0).collect();
        xs.push(right);
        for x in xs {
            self.line(x, top, x, top + h);
        }
        self.y = top + h;
    }

    /// Two signature blocks side by side (kept on one page).
    pub fn signatures(&mut self, left: &Signature, right: &Signature) {
        let line_h = 10.0 * LEADING;
        self.keep(line_h * 7.0);
        let half = Self::text_width_total() / 2.0;
        let top = self.y;
        for (i, s) in [left, right].into_iter().enumerate() {
            let x0 = MARGIN_X + i as f32 * half;
            let center = |w: f32| x0 + (half - w) / 2.0;
            let mut y = top;
            for (text, bold) in [(&s.place_date, false), (&s.role, false)] {
                for l in wrap(text, 10.0, bold, half - 10.0) {
                    let x = center(text_width(&l, 10.0, bold));
                    self.put_text(x, y, 10.0, bold, &l);
                    y += line_h;
                }
            }
            y = top + line_h * 5.0;
            let name_w = text_width(&s.name, 10.0, true);
            self.put_text(center(name_w), y, 10.0, true, &s.name);
            let underline = y + 10.0 + 1.5;
            self.line(
                center(name_w),
                underline,
                center(name_w) + name_w,
                underline,
            );
            y += line_h;
            let nip = format!("NIP. {}", s.nip);
            let w = text_width(&nip, 10.0, false);
            self.put_text(center(w), y, 10.0, false, &nip);
        }
        self.y = top + line_h * 7.0;
    }

    /// Writes the PDF (every page numbered "Halaman i dari n").
    pub fn finish(self, metadata: Metadata) -> Result<Vec<u8>, String> {
        let regular = Font::new(regular_bytes().into(), 0).ok_or("font regular")?;
        let bold = Font::new(bold_bytes().into(), 0).ok_or("font bold")?;
        let mut doc = Document::new();
        doc.set_metadata(metadata);
        let n = self.pages.len();
        let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or("page size")?;
        for (i, ops) in self.pages.iter().enumerate() {
            let mut page = doc.start_page_with(settings.clone());
            let mut surface = page.surface();
            let mut footer = ops.clone();
            let number = format!("Halaman {} dari {}", i + 1, n);
            footer.push(Op::Text {
                x: MARGIN_X,
                baseline: FOOTER_Y,
                size: 7.5,
                bold: false,
                text: self.footer_title.clone(),
            });
            footer.push(Op::Text {
                x: PAGE_W - MARGIN_X - text_width(&number, 7.5, false),
                baseline: FOOTER_Y,
                size: 7.5,
                bold: false,
                text: number,
            });
            for op in &footer {
                match op {
                    Op::Text {
                        x,
                        baseline,
                        size,
                        bold: b,
                        text,
                    } => {
                        surface.set_fill(Some(Fill::default()));
                        let font = if *b { bold.clone() } else { regular.clone() };
                        surface.draw_text(
                            Point::from_xy(*x, *baseline),
                            font,
                            *size,
                            text,
                            false,
                            TextDirection::Auto,
                        );
                    }
                    Op::Line {
                        x1,
                        y1,
                        x2,
                        y2,
                        width,
                    } => {
                        let mut pb = PathBuilder::new();
                        pb.move_to(*x1, *y1);
                        pb.line_to(*x2, *y2);
                        if let Some(path) = pb.finish() {
                            surface.set_fill(None);
                            surface.set_stroke(Some(Stroke {
                                width: *width,
                                ..Stroke::default()
                            }));
                            surface.draw_path(&path);
                            surface.set_stroke(None);
                        }
                    }
                    Op::Shade { x, y, w, h } => {
                        let mut pb = PathBuilder::new();
                        if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                            pb.push_rect(rect);
                        }
                        if let Some(path) = pb.finish() {
                            surface.set_stroke(None);
                            surface.set_fill(Some(Fill {
                                paint: krilla::color::luma::Color::new(232).into(),
                                ..Fill::default()
                            }));
                            surface.draw_path(&path);
                        }
                    }
                }
            }
            surface.finish();
            page.finish();
        }
        doc.finish().map_err(|e| format!("{e:?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word_and_each_line_fits() {
        let text = "Terlaksananya pelayanan administrasi kependudukan yang cepat, tepat dan ramah";
        let lines = wrap(text, BODY, false, 90.0);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| text_width(l, BODY, false) <= 90.0));
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn a_word_wider_than_the_column_is_cut_not_lost() {
        let word = "Pengadministrasian".repeat(4);
        let lines = wrap(&word, BODY, true, 40.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), word);
    }

    #[test]
    fn a_long_table_breaks_onto_numbered_pages() {
        let mut l = Layout::new("Uji");
        let rows = (0..120)
            .map(|i| Row::Cells(vec![Cell::new(i.to_string()), Cell::new("Baris panjang")]))
            .collect();
        l.table(&Table {
            widths: vec![1.0, 4.0],
            header: vec![Cell::bold("No"), Cell::bold("Uraian")],
            rows,
        });
        assert!(l.pages.len() >= 2);
        let pdf = l.finish(Metadata::new()).expect("pdf");
        assert!(pdf.starts_with(b"%PDF-"));
    }
}
