//! Printable QR sheets for feedback targets: the office name, the QR code of the public
//! form's URL, the URL in text, and a short instruction in Indonesian. SVG (scalable, for
//! print shops) and PNG (for messaging apps and simple printers).

use qrcode::{EcLevel, QrCode};

/// What a sheet shows.
pub struct Sheet<'a> {
    pub title: &'a str,
    pub subtitle: &'a str,
    pub url: &'a str,
    pub instruction: &'a str,
}

fn modules(url: &str) -> anyhow::Result<(usize, Vec<bool>)> {
    // Level M survives smudged prints and still keeps the code small.
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M)?;
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    Ok((code.width(), dark))
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Splits text into lines of at most `width` characters at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The sheet as SVG (A5-like portrait, 600 × 840 user units).
pub fn svg(sheet: &Sheet) -> anyhow::Result<String> {
    let (n, dark) = modules(sheet.url)?;
    let quiet = 4;
    let size = 420.0;
    let cell = size / (n + 2 * quiet) as f64;
    let (ox, oy) = (90.0, 190.0);
    let mut path = String::new();
    for y in 0..n {
        for x in 0..n {
            if dark[y * n + x] {
                let px = ox + (x + quiet) as f64 * cell;
                let py = oy + (y + quiet) as f64 * cell;
                path.push_str(&format!("M{px:.2} {py:.2}h{cell:.2}v{cell:.2}h-{cell:.2}z"));
            }
        }
    }
    let mut text = String::new();
    let mut y = 70.0;
    for line in wrap(sheet.title, 34) {
        text.push_str(&format!(
            r#"<text x="300" y="{y}" font-size="30" font-weight="700" text-anchor="middle">{}</text>"#,
            xml_escape(&line)
        ));
        y += 36.0;
    }
    text.push_str(&format!(
        r##"<text x="300" y="{}" font-size="20" text-anchor="middle" fill="#333">{}</text>"##,
        y + 4.0,
        xml_escape(sheet.subtitle)
    ));
    let mut y = 650.0;
    for line in wrap(sheet.instruction, 46) {
        text.push_str(&format!(
            r#"<text x="300" y="{y}" font-size="22" text-anchor="middle">{}</text>"#,
            xml_escape(&line)
        ));
        y += 30.0;
    }
    text.push_str(&format!(
        r##"<text x="300" y="{}" font-size="16" text-anchor="middle" fill="#333" font-family="monospace">{}</text>"##,
        y + 14.0,
        xml_escape(sheet.url)
    ));
    Ok(format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="600" height="840" viewBox="0 0 600 840" font-family="Helvetica, Arial, sans-serif" role="img" aria-label="{label}"><rect width="600" height="840" fill="#fff"/><rect x="20" y="20" width="560" height="800" fill="none" stroke="#0f4c81" stroke-width="4" rx="16"/>{text}<path d="{path}" fill="#000"/></svg>"##,
        label = xml_escape(&format!("Kode QR penilaian layanan: {}", sheet.title)),
    ))
}

/// A grayscale raster used to draw the PNG sheet.
struct Canvas {
    w: usize,
    h: usize,
    px: Vec<u8>,
}

impl Canvas {
    fn rect(&mut self, x: usize, y: usize, w: usize, h: usize, v: u8) {
        for yy in y..(y + h).min(self.h) {
            for xx in x..(x + w).min(self.w) {
                self.px[yy * self.w + xx] = v;
            }
        }
    }

    /// Draws ASCII text with the 8×8 font at `scale`, centred on `cx`.
    fn text_centered(&mut self, cx: usize, y: usize, text: &str, scale: usize) {
        let glyphs: Vec<usize> = text
            .chars()
            .map(|c| match c {
                '–' | '—' => '-',
                c if c.is_ascii() => c,
                _ => '?',
            } as usize)
            .collect();
        let width = glyphs.len() * 8 * scale;
        let x0 = cx.saturating_sub(width / 2);
        for (i, g) in glyphs.into_iter().enumerate() {
            let bitmap = font8x8::legacy::BASIC_LEGACY[g.min(127)];
            for (row, bits) in bitmap.iter().enumerate() {
                for col in 0..8 {
                    if bits & (1 << col) != 0 {
                        self.rect(x0 + (i * 8 + col) * scale, y + row * scale, scale, scale, 0);
                    }
                }
            }
        }
    }
}

/// The sheet as PNG (600 × 840 pixels, grayscale).
pub fn png(sheet: &Sheet) -> anyhow::Result<Vec<u8>> {
    let (n, dark) = modules(sheet.url)?;
    let mut c = Canvas {
        w: 600,
        h: 840,
        px: vec![255; 600 * 840],
    };
    // Frame.
    c.rect(20, 20, 560, 4, 60);
    c.rect(20, 816, 560, 4, 60);
    c.rect(20, 20, 4, 800, 60);
    c.rect(576, 20, 4, 800, 60);
    let mut y = 50;
    for line in wrap(sheet.title, 22) {
        c.text_centered(300, y, &line, 3);
        y += 30;
    }
    c.text_centered(300, y + 6, sheet.subtitle, 2);
    let quiet = 4;
    let cell = (420 / (n + 2 * quiet)).max(1);
    let size = cell * (n + 2 * quiet);
    let (ox, oy) = (300 - size / 2, 190);
    for yy in 0..n {
        for xx in 0..n {
            if dark[yy * n + xx] {
                c.rect(
                    ox + (xx + quiet) * cell,
                    oy + (yy + quiet) * cell,
                    cell,
                    cell,
                    0,
                );
            }
        }
    }
    let mut y = 640;
    for line in wrap(sheet.instruction, 34) {
        c.text_centered(300, y, &line, 2);
        y += 24;
    }
    c.text_centered(300, y + 10, sheet.url, 1);

    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, c.w as u32, c.h as u32);
        enc.set_color(png::ColorType::Grayscale);
        enc.set_depth(png::BitDepth::Eight);
        let mut writer = enc.write_header()?;
        writer.write_image_data(&c.px)?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet() -> Sheet<'static> {
        Sheet {
            title: "Kelurahan Cakranegara Barat",
            subtitle: "Loket Pelayanan",
            url: "https://kinerja.example/f/abc123",
            instruction: "Pindai kode QR ini untuk menilai pelayanan kami. Tanpa login, 1 menit.",
        }
    }

    #[test]
    fn the_svg_sheet_names_the_office_and_the_url() {
        let s = svg(&sheet()).expect("svg");
        assert!(s.starts_with("<svg"));
        assert!(s.contains("Kelurahan Cakranegara Barat"));
        assert!(s.contains("https://kinerja.example/f/abc123"));
        assert!(s.contains("<path d=\"M"));
    }

    #[test]
    fn the_png_sheet_is_a_png_with_dark_modules() {
        let p = png(&sheet()).expect("png");
        assert_eq!(&p[..8], b"\x89PNG\r\n\x1a\n");
        assert!(p.len() > 1000);
    }

    #[test]
    fn text_escapes_markup() {
        let s = svg(&Sheet {
            title: "A & <B>",
            ..sheet()
        })
        .expect("svg");
        assert!(s.contains("A &amp; &lt;B&gt;"));
    }
}
