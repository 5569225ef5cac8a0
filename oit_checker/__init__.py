"""oit-checker: checks a Thai government agency website against the ITA OIT checklist."""

__version__ = "0.1.0"
PROJECT_URL = "https://github.com/oit-checker/oit-checker"
USER_AGENT = f"oit-checker/{__version__} (+{PROJECT_URL})"

__all__ = ["PROJECT_URL", "USER_AGENT", "__version__"]
