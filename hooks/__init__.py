"""Project hooks for MkDocs, one module per concern.

MkDocs loads each module listed under `hooks:` in mkdocs.yml by its path; the
package form only lets the tests import them as `hooks.<module>`.
"""
