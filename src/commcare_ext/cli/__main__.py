"""``python -m commcare_ext.cli``: the same as ``commcare-ext``."""

from commcare_ext.cli import main

raise SystemExit(main())
