"""Load the app's compiled translations and Qt's own, and switch language at runtime.

The app's sources are written in English; ``resources/i18n/realname_precheck_<locale>.qm`` carry
the Chinese texts (and English plural forms). Qt's ``qtbase_zh_CN.qm`` translates the standard
dialogs and buttons. Installing a translator makes Qt send ``LanguageChange`` to every widget.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.core.paths import resource_path

LANGUAGES = ("zh", "en")
LOCALES = {"zh": "zh_CN", "en": "en"}
APP_CATALOG = "realname_precheck"


def system_language() -> str:
    """ "zh" when the system locale is Chinese, else "en"."""
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def catalog_path(lang: str) -> Path:
    """The compiled catalogue shipped for ``lang``."""
    return resource_path("i18n", f"{APP_CATALOG}_{LOCALES[lang]}.qm")


def qt_catalog_dirs() -> list[str]:
    """Where Qt's own ``qtbase_*.qm`` may be: the Qt install, then our resources."""
    return [
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(resource_path("i18n")),
    ]


class Translations:
    """Owns the installed translators; ``switch(lang)`` replaces them."""

    def __init__(self) -> None:
        self.language = ""
        self.qt_catalog_loaded = False
        self._installed: list[QTranslator] = []

    def switch(self, lang: str) -> bool:
        """Install ``lang``'s catalogues; False when the app catalogue could not be loaded."""
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language: {lang}")
        self.uninstall()
        app = QCoreApplication.instance()
        ours, qts = _app_translator(lang), _qt_translator(lang)
        extra = _qt_extra_translator(lang)  # installed last: looked up first
        self._installed = [t for t in (ours, qts, extra) if t]
        for translator in self._installed:
            app.installTranslator(translator)
        QLocale.setDefault(QLocale(LOCALES[lang]))
        self.language = lang
        self.qt_catalog_loaded = qts is not None
        return ours is not None

    def uninstall(self) -> None:
        """Remove the translators this object installed (texts fall back to English)."""
        app = QCoreApplication.instance()
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []


def _app_translator(lang: str) -> QTranslator | None:
    translator = QTranslator()
    path = catalog_path(lang)
    return translator if translator.load(path.name, str(path.parent)) else None


def _qt_extra_translator(lang: str) -> QTranslator | None:
    """Our catalogue of Qt strings that Qt's own Chinese one misses ("Look in", "Files of type")."""
    if lang == "en":
        return None
    translator = QTranslator()
    path = resource_path("i18n", f"qt_extra_{LOCALES[lang]}.qm")
    return translator if translator.load(path.name, str(path.parent)) else None


def _qt_translator(lang: str) -> QTranslator | None:
    if lang == "en":
        return None
    translator = QTranslator()
    name = f"qtbase_{LOCALES[lang]}"
    return next((translator for d in qt_catalog_dirs() if translator.load(name, d)), None)
