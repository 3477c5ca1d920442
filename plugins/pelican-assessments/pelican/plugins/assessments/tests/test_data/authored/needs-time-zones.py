"""Scoring that passes every build-time check and its examples under CPython
(which reads the machine's time-zone database), but fails in a reader's
browser: Pyodide ships zoneinfo (it imports under the cut standard library)
without any time-zone data. Only a run under Pyodide shows it: the build's
step that scores the examples there refuses it at the ZoneInfo line."""

import datetime
import zoneinfo


def score(answers, result):
    zone = zoneinfo.ZoneInfo("Europe/Paris")  # ZoneInfoNotFoundError under Pyodide: no tz data
    moment = datetime.datetime(2026, 1, 1, answers["n"], tzinfo=zone)
    result["extra"]["utc_hour"] = moment.astimezone(datetime.UTC).hour
    return result
