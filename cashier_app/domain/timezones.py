"""Beijing time: what the platforms in China stamp their answers, requests and bills with."""

from __future__ import annotations

from datetime import timedelta, timezone

# China has had one zone and no daylight saving since 1991: a fixed offset is exact.
CHINA_TZ = timezone(timedelta(hours=8), "Asia/Shanghai")
