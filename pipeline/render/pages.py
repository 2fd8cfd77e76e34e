"""HTML pages from Jinja2 templates: the archive's index.html and the published DIP page.

Each page is one self-contained file, opened from a shared drive or a website without anything else: its
stylesheet and script are package files (``static/`` beside the package's ``html/`` templates) put inline when
the page is rendered. Autoescape is on, so every value a template prints is escaped; only the package's own
stylesheet and script go in as they are.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from importlib import resources

import jinja2
from markupsafe import Markup


@functools.cache
def _environment(package: str) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader(package, "html"), autoescape=True,
                              undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


def render_page(package: str, template: str, **values) -> str:
    """``html/<template>`` of ``package`` filled with ``values`` (escaped unless ``Markup``)."""
    return _environment(package).get_template(template).render(**values)


@functools.cache
def asset(package: str, name: str) -> Markup:
    """``static/<name>`` of ``package``: a stylesheet or script of our own, to put inline as it is."""
    text = resources.files(package).joinpath("static", name).read_text(encoding="utf-8")
    if "</" in text:
        raise ValueError(f"{package} static/{name}: '</' would end its <style> or <script> element early")
    return Markup(text)


def csp_hash(source: str) -> str:
    """The Content-Security-Policy source that allows exactly this inline stylesheet or script."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode() + "'"
