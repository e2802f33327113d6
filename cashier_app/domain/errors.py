"""The one base of every failure that is said to a person.

A coded error carries a stable machine word (`code`), which the window (ui/messages.py) and the
command line put into words in the person's language; an English `detail` for the log and the
technician; and `params` for the words ({order}, {until} ...). Every part raises its own subclass,
so that `except PaperRefused` still reads as what it is, and the window needs to know only this
class to say any of them.

    class PaperRefused(CodedError): ...
    raise PaperRefused("already_printed", f"{order} has had its original")
    ...
    except CodedError as error:
        show(messages.error_text(error))  # error.code, error.params

A subclass that always means one thing names its code once and is raised with its detail alone:

    class PinsDiffer(CodedError):
        def __init__(self, detail: str = "") -> None:
            super().__init__("pins_differ", detail)
"""

from __future__ import annotations

from collections.abc import Mapping


class CodedError(Exception):
    code: str

    def __init__(self, code: str, detail: str = "", *, params: Mapping[str, object] | None = None,
                 message: str | None = None) -> None:
        """`message`: the exception's text (str(error)) when it should differ from `detail`."""
        self.code = code
        self.detail = detail
        self.params: dict[str, object] = dict(params or {})
        super().__init__(message if message is not None else (detail or self.code))


def code_of(error: BaseException, default: str = "") -> str:
    """The error's code, or `default` for an error that is not a CodedError (a bug, a library's own)."""
    return error.code if isinstance(error, CodedError) else default
