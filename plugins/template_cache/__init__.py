"""Keep compiled Jinja templates between builds.

Pelican gives each generator its own Jinja environment, and each compiles
every template it renders, on every build: on this site that is one of the
largest costs of a build. Jinja can keep compiled templates on disk, but its
key is only the template's name and source, while the compiled code also
depends on the environment (which filters take the context, autoescaping,
delimiters). Two builds with different plugins would then share code that
does not fit, and fail. This cache keys each template by its environment too.
"""

from .plugin import register

__all__ = ["register"]
