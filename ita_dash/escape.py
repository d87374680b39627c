"""The one escaping helper: text from data or the URL, shown exactly as typed.

* :func:`md` for every Streamlit element that renders Markdown (``st.markdown``,
  ``st.caption``, ``st.title``/``subheader``, ``st.info``/``warning``/``error``,
  widget labels): every ASCII punctuation character is backslash-escaped, so no
  link, image, emphasis, HTML tag, LaTeX (``$``), colour or icon directive
  (``:red[…]``, ``:material/…:``) and no autolink (``https://…``, ``www.…``) can
  come from the text; line breaks become spaces.
* :func:`html` for HTML written by the product (``unsafe_allow_html``, ``st.html``).
* :func:`plotly` for Plotly labels, legends, axis ticks and hover text, which render
  a subset of HTML (``<b>``, ``<a href>``, ``<br>``…): ``&``, ``<`` and ``>`` become
  entities, which Plotly shows as the characters themselves.

Pure functions, no Streamlit.
"""

from __future__ import annotations

import html as _html
import re

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")  # all ASCII punctuation, CommonMark-escapable
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")
# GFM autolinks are found in the rendered text, after escapes are resolved: "://", "www."
# and "@" get an invisible zero-width space, which no autolink pattern goes through
_AUTOLINK = re.compile(r"(:)(?=//)|(?i:(?<![^\W_])(www)(?=\.))|(@)")
ZWSP = "\u200b"


def md(text: object) -> str:
    """``text`` for a Markdown element: rendered as the literal characters, one line."""
    text = _AUTOLINK.sub(lambda m: m.group(0) + ZWSP, _LINE_BREAKS.sub(" ", str(text)))
    return _PUNCTUATION.sub(r"\\\1", text)


def html(text: object) -> str:
    """``text`` for HTML: ``& < > " '`` as entities."""
    return _html.escape(str(text), quote=True)


def plotly(text: object) -> str:
    """``text`` for a Plotly label or hover text: no tag of it is rendered."""
    return _html.escape(str(text), quote=False)


# characters XML 1.0 cannot hold (a Word document is XML): C0 controls other than tab, line
# feed and carriage return, lone surrogates, U+FFFE and U+FFFF
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: object) -> str:
    """``text`` for a Word (or any XML) document: characters XML cannot hold are dropped,
    a carriage return becomes a line feed. (Word runs are text, never formulas.)"""
    return _NOT_XML.sub("", str(text).replace("\r\n", "\n").replace("\r", "\n"))
