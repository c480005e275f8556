"""RealName Precheck (实名预检助手): offline pre-check of CNNIC real-name submissions."""

__version__ = "0.1.0"
APP_NAME = "RealNamePrecheck"
APP_DISPLAY_NAME = "RealName Precheck"
APP_DISPLAY_NAME_ZH = "实名预检助手"
ORGANIZATION = "RealNamePrecheck"
