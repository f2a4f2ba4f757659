package dev.chs.cli.report;

/**
 * The report's style sheet, written into the page so that it needs nothing else. It uses the
 * reader's system fonts, the band colours of {@link Charts#colour}, and prints in colour on white
 * with sections kept whole.
 */
final class ReportStyle {
  /** The style sheet: plain ASCII, with no URL in it. */
  static final String CSS = """
      :root{--ink:#1f2933;--muted:#616e7c;--rule:#e4e7eb;--panel:#f8f9fb;--accent:#1d3557;\
      --healthy:#2f9e44;--watch:#e8a700;--at-risk:#f76707;--critical:#c92a2a;--unscored:#adb5bd}
      *{box-sizing:border-box}
      html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
      body{margin:0;background:#eef1f5;color:var(--ink);font:14px/1.45 system-ui,-apple-system,\
      "Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","Liberation Sans",sans-serif}
      main{max-width:1200px;margin:0 auto;padding:24px 28px 40px;background:#fff}
      header{border-bottom:3px solid var(--accent);padding-bottom:14px;margin-bottom:18px}
      .eyebrow{text-transform:uppercase;letter-spacing:.08em;font-size:12px;color:var(--muted)}
      h1{margin:2px 0 10px;font-size:28px;color:var(--accent)}
      h2{font-size:19px;margin:0 0 6px;color:var(--accent)}
      h3{font-size:15px;margin:6px 0 6px}
      section{margin:26px 0;break-inside:avoid;page-break-inside:avoid}
      .meta{display:flex;flex-wrap:wrap;gap:6px 28px;margin:0 0 10px}
      .meta div{display:flex;gap:8px}
      .meta dt{color:var(--muted)}.meta dd{margin:0;font-weight:600}
      .note{font-size:13px;color:#3e4c59;margin:6px 0}
      header .note{background:var(--panel);border-left:4px solid var(--rule);padding:7px 10px}
      header .renewal{border-left-color:var(--watch);background:#fff9e6}
      .lead{color:#3e4c59;margin:0 0 10px;max-width:980px}
      .ref{font-size:11px;vertical-align:super;text-decoration:none;color:var(--accent);\
      margin-left:2px}
      .cards{display:grid;grid-template-columns:repeat(6,1fr);gap:12px}
      .card,.tile{background:var(--panel);border:1px solid var(--rule);border-radius:8px;\
      padding:10px 12px}
      .card .title,.tile .title{font-size:12px;text-transform:uppercase;letter-spacing:.05em;\
      color:var(--muted)}
      .card .value{font-size:22px;font-weight:700;font-variant-numeric:tabular-nums}
      .card .detail,.tile .detail,.tile .what{font-size:12px;color:var(--muted)}
      .tiles{display:grid;grid-template-columns:repeat(5,1fr);gap:12px}
      .tile{border-top:4px solid var(--accent)}
      .tile .value{font-size:28px;font-weight:700;font-variant-numeric:tabular-nums;margin:2px 0}
      .tile .detail{margin-top:6px;color:#3e4c59}
      table.data{width:100%;border-collapse:collapse;font-variant-numeric:tabular-nums}
      table.data th,table.data td{padding:6px 8px;border-bottom:1px solid var(--rule);\
      text-align:left;vertical-align:middle}
      table.data thead th{font-size:12px;color:var(--muted);font-weight:600;\
      border-bottom:2px solid #cbd2d9;vertical-align:bottom}
      table.data tbody th{font-weight:600}
      table.data tfoot th,table.data tfoot td{font-weight:700;border-top:2px solid #cbd2d9;\
      border-bottom:none}
      table.narrow{width:auto;min-width:420px}
      .num{text-align:right!important;white-space:nowrap}
      .strong{font-weight:700}
      .unit{font-size:11px;color:var(--muted);font-weight:400}
      .chart{width:1%;white-space:nowrap}
      svg{display:block;overflow:visible}
      svg text{font-family:inherit}
      svg .tick{font-size:10px;fill:var(--muted)}
      svg .label{font-size:12px;fill:var(--ink);font-weight:600}
      svg .value{font-size:10.5px;fill:#3e4c59}
      .legend{display:flex;flex-wrap:wrap;gap:4px 16px;font-size:12px;color:var(--muted);\
      margin:8px 0 0}
      .legend span{display:inline-flex;align-items:center;gap:5px}
      .legend i{display:inline-block;width:10px;height:10px;border-radius:2px}
      .legend i.line{width:14px;height:0;border-top:2px dashed var(--accent);border-radius:0}
      .chip{display:inline-block;padding:1px 7px;border-radius:10px;font-size:11px;\
      font-weight:600;color:#fff;white-space:nowrap}
      .chip.healthy{background:var(--healthy)}.chip.watch{background:var(--watch);color:#1f2933}
      .chip.at_risk{background:var(--at-risk)}.chip.critical{background:var(--critical)}
      .chip.unscored{background:var(--unscored);color:#1f2933}
      .pair{display:grid;grid-template-columns:1fr 1fr;gap:28px}
      table.watch td{vertical-align:top}
      table.watch .account{min-width:170px}
      table.watch .name{font-weight:600}
      .rank{color:var(--muted)}
      .score{font-weight:700}.score.small{font-weight:600;color:#3e4c59}
      .down{color:var(--critical);font-weight:600;white-space:nowrap}
      .up{color:var(--healthy);font-weight:600;white-space:nowrap}
      .flat{color:var(--muted)}
      ul.reasons{margin:0;padding-left:16px;font-size:12px;color:#3e4c59}
      .flag{font-size:10.5px;font-weight:700;letter-spacing:.03em;color:var(--accent)}
      .empty{color:var(--muted);font-style:italic}
      #definitions ol{padding-left:20px;font-size:12.5px;color:#3e4c59}
      #definitions li{margin:4px 0}
      footer{margin-top:24px;font-size:12px;color:var(--muted)}
      @media (max-width:900px){.cards{grid-template-columns:repeat(3,1fr)}\
      .tiles{grid-template-columns:repeat(2,1fr)}.pair{grid-template-columns:1fr}}
      @media print{body{background:#fff}main{max-width:none;padding:0}\
      .card,.tile{break-inside:avoid}table.watch tr{break-inside:avoid}a{color:inherit}}
      """;

  private ReportStyle() {}
}
