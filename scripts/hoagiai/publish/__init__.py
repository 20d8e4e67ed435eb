"""Publishing the site safely: a clean staging build, gates, releases, rollback, offline copy.

One module per stage: `staging` builds, `gates` decides, `releases` and `target` upload
and switch, `offline` makes the USB copy, `nginx` serves a build the way the real server
does (deploy/nginx), `steps` shows progress. `hoagiai publish`, `rollback` and `offline`
(in hoagiai/commands/) only wire these together.
"""
