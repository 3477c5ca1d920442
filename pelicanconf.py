"""Pelican settings for a local preview (`make devserver`, `make html`).

Production overrides live in publishconf.py.
"""

from pathlib import Path

ROOT = Path(__file__).parent

SITENAME = "Closer"
SITE_TAGLINE = "Small, steady ways to feel close again"
SITE_DESCRIPTION = (
    "Kind, practical guides, step-by-step practices and private self-checks "
    "for anyone who wants to feel closer to the person they love."
)
SITEURL = ""
# Relative links let the preview, a domain root and a /REPO/ subpath all work.
RELATIVE_URLS = True
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

PATH = "content"
ARTICLE_PATHS = ["guides", "practices"]
PAGE_PATHS = ["pages"]
# No static files of our own yet; the theme brings its CSS, scripts and icon.
STATIC_PATHS: list[str] = []
# Assessments are read by their own plugin, never as articles or static files.
IGNORE_FILES = [".#*", "__pycache__", "*.pyc"]

THEME = str(ROOT / "theme")
PLUGIN_PATHS = [str(ROOT / "plugins")]
PLUGINS = [
    "build_report",
    "sitemap_xml",
    "reading",
    "links",
    "pelican.plugins.assessments",
    "site_assets",
    "template_cache",
]
# Build caches: .cache/assessments (the assessments plugin) and .cache/templates.
CACHE_PATH = ".cache"
# The build owns its output: what an earlier build wrote and this one does not
# (a deleted guide's page, a renamed file) is gone, so no stale page is served
# or precached by the service worker. py/ is kept: the assessments plugin
# prunes it to this build's runtime and package folders itself, and reuses the
# 13 MB runtime folder when it is unchanged instead of copying it again.
DELETE_OUTPUT_DIRECTORY = True
OUTPUT_RETENTION = ["py"]

# Clean URLs: /guides/what-connection-is/ rather than .html files.
ARTICLE_URL = "{category}/{slug}/"
ARTICLE_SAVE_AS = "{category}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "{slug}/"
CATEGORY_SAVE_AS = "{slug}/index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
TAGS_SAVE_AS = "tags/index.html"
# Nothing on this site is about its authors or dates; these lists would only be noise.
DIRECT_TEMPLATES = ["index", "tags"]
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
DEFAULT_PAGINATION = False
# Guides and practices list in reading order (oldest first), set by their Date.
ARTICLE_ORDER_BY = "date"

# The home page is a template of its own; these are extra pages built from templates.
TEMPLATE_PAGES = {
    "robots.txt": "robots.txt",
    "404.html": "404.html",
}

# Feed entries need absolute links; the preview serves at this address.
FEED_DOMAIN = "http://127.0.0.1:8000"
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Read by plugins/sitemap_xml (the setting pelican-sitemap reads): pages without a
# date get no lastmod rather than the build time, so identical sources build identically.
SITEMAP = {
    "format": "xml",
    "exclude": [r"^404\.html$", r"^robots\.txt$", r"^tags/"],
    "priorities": {"articles": 0.8, "indexes": 0.5, "pages": 0.5},
    "changefreqs": {"articles": "monthly", "indexes": "weekly", "pages": "monthly"},
}

MARKDOWN = {
    "extension_configs": {
        # Heading ids feed the table of contents on long guides.
        "markdown.extensions.toc": {"permalink": False},
        "markdown.extensions.extra": {},
        "markdown.extensions.smarty": {},
    },
    "output_format": "html5",
}
# Words a reader reads per minute, for "N min read".
READING_WORDS_PER_MINUTE = 200
# A guide with at least this many sections gets a table of contents.
READING_TOC_MIN_SECTIONS = 4

# Navigation, in order: (label, url relative to the site root).
MENU = [
    ("Guides", "guides/"),
    ("Practices", "practices/"),
    ("Self-checks", "assessments/"),
    ("About", "about/"),
]
FOOTER_LINKS = [
    ("Privacy", "privacy/"),
    ("If you don't feel safe", "safety/"),
    ("Sources", "sources/"),
    ("Feed", "feeds/all.atom.xml"),
]

# The Content-Security-Policy every page shares. base.html adds the script it
# allows (the site's own quick-exit script only); pages that need more (the
# assessments) extend it in their own template.
CSP_BASE = (
    # No manifest-src: the site has no web app manifest, default-src 'none' already
    # covers one, and WebKit does not know the directive (it logs an error per page).
    "default-src 'none'; img-src 'self' data:; style-src 'self'; font-src 'self'; "
    "base-uri 'none'; form-action 'none'; object-src 'none'"
)

# A service worker keeps the runtime, the package and visited pages for offline
# use, registered by assessment pages only. False ships one that removes itself.
SERVICE_WORKER = True

# The policy of pages that score answers (assessments, guides with a quiz):
# Pyodide (WebAssembly) runs in a blob: worker, which inherits this policy, so
# it may fetch from this site only. A module worker's imports are worker
# requests, hence 'self' beside blob: in worker-src. Trusted Types guard the
# places a page script creates a worker URL or inserts result HTML.
ASSESSMENT_TRUSTED_TYPES_POLICY = "closer"
# Above a self-check inside a guide, in the site's one name for them (README).
ASSESSMENT_EMBED_LABEL = "A private self-check"
ASSESSMENT_CSP = (
    CSP_BASE + "; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; "
    "connect-src 'self'; require-trusted-types-for 'script'; trusted-types {policy}"
)

# Production sets this to the absolute site URL for canonical links and Open Graph.
CANONICAL_SITEURL = ""
LOAD_CONTENT_CACHE = False

# One line under the heading of each section's index page.
CATEGORY_INTROS = {
    "guides": "Why closeness fades, what it is made of, and how to bring it back.",
    "practices": "Small steps to follow over a week or a month, with a way to notice progress.",
}
