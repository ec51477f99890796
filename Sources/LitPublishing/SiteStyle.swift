/// The site's own style sheet and script, written to `_static/`.
package enum SiteStyle {
    /// The folder, inside the site, for the style sheet, the script and KaTeX.
    package static let folder = "_static"

    package static let css = """
        /* litrun publish: one column of prose that reads well on a phone, a laptop and paper. */
        :root {
          --text: #1f2328; --muted: #59636e; --rule: #d1d9e0; --code-bg: #f6f8fa;
          --output-bg: #fbfbf8; --accent: #0b5cad; --error: #b42318; --warning-bg: #fff8e1;
          --cjk: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
          --mono: "DejaVu Sans Mono", "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace;
        }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; color: var(--text); font: 17px/1.7 system-ui, -apple-system, "Segoe UI", var(--cjk); }
        header.site { display: flex; flex-wrap: wrap; justify-content: space-between; gap: .5rem 1rem;
          padding: .6rem 1rem; border-bottom: 1px solid var(--rule); font-size: .9rem; }
        header.site > a { font-weight: 600; color: var(--text); text-decoration: none; }
        .layout { max-width: 50rem; margin: 0 auto; padding: 0 1rem 3rem; }
        a { color: var(--accent); }
        h1, h2, h3, h4 { line-height: 1.3; margin: 2rem 0 .8rem; }
        h1 { font-size: 1.9rem; } h2 { font-size: 1.45rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
        img { max-width: 100%; height: auto; }
        nav.toc { margin: 1.5rem 0; padding: .6rem 1rem; background: var(--code-bg); border-radius: 6px; font-size: .92rem; }
        nav.toc h2 { font-size: 1rem; margin: 0 0 .3rem; border: 0; }
        nav.toc ul { margin: 0; padding-left: 1.1rem; }
        nav.toc li.level-3 { margin-left: 1rem; }
        nav.pager { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; }
        footer { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--rule); font-size: .9rem; }
        pre, code { font-family: var(--mono); font-size: .87rem; }
        pre { overflow-x: auto; padding: .7rem .9rem; border-radius: 6px; line-height: 1.5; }
        :not(pre) > code { background: var(--code-bg); padding: .1em .3em; border-radius: 4px; }
        pre { background: var(--code-bg); }
        .cell { margin: 1.2rem 0 .4rem; }
        .cell-label, .output::before { font: .75rem/1.4 var(--mono); color: var(--muted); }
        .cell pre { margin: .2rem 0 0; border-left: 3px solid var(--accent); }
        .output { margin: 0 0 1.4rem; padding: .2rem 0 .2rem .9rem; border-left: 3px solid var(--rule); }
        .output pre { background: var(--output-bg); border: 1px solid var(--rule); }
        .output.error { border-left-color: var(--error); }
        .output.error pre { color: var(--error); background: #fff5f4; border-color: #f2c4bf; }
        .output .banner { margin: .4rem 0; padding: .3rem .7rem; background: var(--warning-bg);
          border: 1px solid #f0d58c; border-radius: 4px; font-size: .88rem; }
        .swift .kw { color: #a626a4; font-weight: 600; } .swift .ty { color: #0b7285; }
        .swift .nu { color: #b35900; } .swift .st { color: #2b8a3e; } .swift .co { color: #6e7781; font-style: italic; }
        .table { overflow-x: auto; margin: 1rem 0; }
        table { border-collapse: collapse; font-size: .92rem; }
        th, td { border: 1px solid var(--rule); padding: .3rem .7rem; }
        th { background: var(--code-bg); }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .math.display { display: block; overflow-x: auto; overflow-y: hidden; margin: 1rem 0; text-align: center; }
        ol.chapters li { margin: 1rem 0; } ol.chapters li > a { font-size: 1.15rem; font-weight: 600; }
        ol.chapters p { margin: .2rem 0; color: var(--muted); }
        @media (min-width: 72rem) {
          /* The contents sit in the article, below the title; here they move into a fixed
             column left of it, at the place the article's padding leaves free. */
          .layout { max-width: 54rem; padding-left: 18rem; }
          .layout.index { max-width: 50rem; padding-left: 1rem; }
          nav.toc { position: fixed; top: 4rem; width: 15rem; margin: 0 0 0 -18rem; box-sizing: border-box;
            max-height: calc(100vh - 5rem); overflow-y: auto; }
        }
        @media print {
          header.site, nav.toc, nav.pager, footer { display: none; }
          body { font-size: 11pt; } .layout { max-width: none; padding: 0; display: block; }
          pre { white-space: pre-wrap; word-break: break-all; border: 1px solid var(--rule); }
          .cell, .output, table, img, .math.display { break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
        }

        """

    /// Typesets every math span with KaTeX once the page has loaded. An error shows as
    /// KaTeX's red `.katex-error` text in place, never as a broken page.
    package static let script = """
        // litrun publish: typeset the math spans the page holds as TeX.
        document.addEventListener("DOMContentLoaded", function () {
          if (typeof katex === "undefined") return;
          document.querySelectorAll(".math").forEach(function (element) {
            katex.render(element.textContent, element, {
              displayMode: element.classList.contains("display"), throwOnError: false
            });
          });
        });

        """
}
