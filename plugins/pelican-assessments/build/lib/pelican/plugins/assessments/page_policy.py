"""Every written page with a form runs under the scripted policy.

A theme that sets its own Content-Security-Policy (as a `<meta>` in the
page's head) keeps it: the theme knows what else its pages load, and
ASSESSMENT_CSP is there for it to use. A page that sets none, as with
Pelican's stock themes, gets ASSESSMENT_CSP as the first element of its head,
before anything it could govern is loaded."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

FORM = 'class="assessment-form"'
HAS_POLICY = re.compile(r"<meta[^>]+http-equiv=[\"']?content-security-policy", re.IGNORECASE)
HEAD = re.compile(r"<head(\s[^>]*)?>", re.IGNORECASE)


def with_policy(html: str, policy: str) -> str:
    """`html` with `policy` as its first head element, unless it has a form
    and a policy already, or no form at all."""
    if FORM not in html or HAS_POLICY.search(html):
        return html
    head = HEAD.search(html)
    if head is None:
        return html
    content = escape(policy, quote=False).replace('"', "&quot;")
    meta = f'\n<meta http-equiv="Content-Security-Policy" content="{content}">'
    return html[: head.end()] + meta + html[head.end() :]


def add_policy(path: str, policy: str) -> None:
    """`content_written` receiver body: rewrite the page at `path` if it needs the policy."""
    file = Path(path)
    if file.suffix != ".html":
        return
    html = file.read_text(encoding="utf-8")
    updated = with_policy(html, policy)
    if updated != html:
        file.write_text(updated, encoding="utf-8")
