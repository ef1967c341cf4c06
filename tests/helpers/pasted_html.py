"""Clipboard HTML as word processors and browsers put it there (shortened, but with their
real wrappers, styles and markers), and the Markdown a Text block should keep of each."""

# Google Docs: everything inside <b style="font-weight:normal" id="docs-internal-guid-...">,
# bold and italic only as span styles, lists as <ul>/<ol> with styled <li><p>.
GOOGLE_DOCS = (
    '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-5c1e2d3f-7fff-'
    'a1b2-c3d4-e5f6a7b8c9d0"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:'
    '0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-'
    "color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:"
    'none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Leek soup is </span>'
    '<span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:700;'
    'font-style:normal;">simple</span><span style="font-size:11pt;font-weight:400;">'
    ' and </span><span style="font-size:11pt;font-weight:400;font-style:italic;">cheap</span>'
    '<span style="font-size:11pt;font-weight:400;">, see </span><a href="https://example.org/'
    'soup" style="text-decoration:none;"><span style="font-size:11pt;color:#1155cc;font-weight:'
    '400;text-decoration:underline;">the recipe</span></a><span style="font-size:11pt;">.</span>'
    '</p><br><ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" '
    'style="list-style-type:disc;font-size:11pt;font-family:Arial,sans-serif;" aria-level="1">'
    '<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation">'
    '<span style="font-size:11pt;font-weight:400;">leeks</span></p></li><li dir="ltr" style="'
    'list-style-type:disc;font-size:11pt;" aria-level="1"><p dir="ltr" style="line-height:1.38;'
    'margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-'
    'weight:600;">butter</span></p></li></ul></b>'
)
GOOGLE_DOCS_MARKDOWN = (
    "Leek soup is **simple** and *cheap*, see [the recipe](https://example.org/soup).\n\n"
    "* leeks\n* **butter**"
)

# Word: a <style> block with mso- definitions, classes, conditional comments, <o:p>, and list
# items as paragraphs marked mso-list with the bullet or number in an "Ignore" span.
WORD = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta name=Generator content="Microsoft Word 15"><style><!--
p.MsoNormal {mso-style-parent:""; margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif;}
@list l0:level1 {mso-level-number-format:bullet; mso-level-text:\\F0B7;}
--></style></head><body lang=EN-GB style='tab-interval:36.0pt'>
<!--StartFragment--><p class=MsoNormal>Chop the <b>leeks</b> and <i style='mso-bidi-font-style:
normal'>slowly</i> melt the <span style='font-weight:bold'>butter</span>.<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if
!supportLists]><span style='font-family:Symbol;mso-fareast-font-family:Symbol'><span
style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]>two leeks<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if
!supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>a knob of
<a href="https://example.org/butter">butter</a><o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l1 level1 lfo2'><![if !supportLists]><span
style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span>
<![endif]>Melt<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l1 level1 lfo2'><![if !supportLists]><span
style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span>
<![endif]>Stir<o:p></o:p></p><!--EndFragment--></body></html>"""
WORD_MARKDOWN = (
    "Chop the **leeks** and *slowly* melt the **butter**.\n\n"
    "* two leeks\n* a knob of [butter](https://example.org/butter)\n\n1. Melt\n2. Stir"
)

# A web page: classes, ids, inline styles, a heading, an image, a table, a script, a
# javascript: link and an event handler.
WEB_PAGE = (
    '<div class="post" id="main" style="color:red"><h2 class="title">Soup</h2>'
    '<p class="lead" style="font-size:20px">Use <strong class="x">fresh</strong> leeks, '
    '<em>always</em>, and <a href="javascript:alert(1)">click</a> or '
    '<a href="/tips" onclick="alert(2)" target="_blank">read tips</a>.'
    '<img src="https://example.org/leek.png" onerror="alert(3)" alt="a leek"></p>'
    '<script>alert(4)</script><ol start="3"><li>wash</li><li><code>chop()</code></li></ol>'
    "<table><tr><td>salt</td></tr></table></div>"
)
WEB_PAGE_MARKDOWN = (
    "Soup\n\nUse **fresh** leeks, *always*, and click or [read tips](/tips).\n\n"
    "3. wash\n4. `chop()`\n\nsalt"
)
