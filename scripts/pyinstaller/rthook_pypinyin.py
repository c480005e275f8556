"""PyInstaller runtime hook of the scan-reading edition: pypinyin without its word list.

build.spec leaves pypinyin's phrases_dict.json (2.4 MiB) out; pypinyin reads it at import unless
PYPINYIN_NO_PHRASES is set. The app asks readings of single characters only, which come from the
character list (pinyin_dict) either way.
"""

import os

os.environ["PYPINYIN_NO_PHRASES"] = "1"  # the file is not there: never let it be read
