"""Pelican settings for production: `make publish`.

SITEURL comes from the environment, so a fork publishes under its own
address without editing this file, e.g.
    SITEURL=https://USER.github.io/REPO make publish
"""

import os
import sys

sys.path.append(os.path.dirname(__file__))
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
# Relative links keep working at a domain root and under /REPO/ alike;
# absolute URLs are used only where they must be (feed, sitemap, canonical).
RELATIVE_URLS = True
CANONICAL_SITEURL = SITEURL
FEED_DOMAIN = SITEURL
DELETE_OUTPUT_DIRECTORY = True
