"""render stage: a Chronology as an interactive, self-contained timeline page.

`render_html` gives the page as a string (the export stage writes it atomically); `screenshot`
saves a PNG of a written page with headless Chromium (for the README image).
"""

from chronology.render.browser import screenshot
from chronology.render.page import render_html

__all__ = ["render_html", "screenshot"]
