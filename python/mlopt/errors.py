"""Diagnostics and the exception that carries them.

MLIR reports problems as diagnostics (a severity, a message, a location,
notes). mlopt turns errors into MloptError, warnings into Python warnings
(MloptWarning), and keeps remarks on the module they are about. Each
Diagnostic prints as `file:line:col: severity: message`, like ml-opt.
"""

from . import _capi as C


class Diagnostic:
    """One MLIR diagnostic: `severity` ("error", "warning", "note" or
    "remark"), `message`, the location `file`, `line`, `col` (file None and
    line 0 when MLIR knew no source position), and `notes` (Diagnostics)."""

    __slots__ = ("severity", "message", "file", "line", "col", "notes")

    def __init__(self, severity, message, file=None, line=0, col=0, notes=()):
        self.severity = severity
        self.message = message
        self.file = file
        self.line = line
        self.col = col
        self.notes = tuple(notes)

    @property
    def location(self):
        """"file:line:col", "file", or None when unknown."""
        if self.file is None:
            return None
        return "%s:%d:%d" % (self.file, self.line, self.col) if self.line \
            else self.file

    def format(self, sources=None):
        """The diagnostic and its notes as ml-opt prints them; with
        `sources` ({file name: text}) an error or warning is followed by its
        source line and a caret under the column. The "see current
        operation" note (a dump of the op) stays in .notes only."""
        loc = self.location
        head = "%s: %s: %s" % (loc, self.severity, self.message) if loc \
            else "%s: %s" % (self.severity, self.message)
        lines = [head]
        text = (sources or {}).get(self.file)
        if text is not None and self.line and self.severity != "remark":
            src = text.splitlines()
            if self.line <= len(src):
                line = src[self.line - 1]
                lines.append(line)
                # keep tabs so the caret lines up under the same column
                pad = "".join("\t" if ch == "\t" else " "
                              for ch in line[:max(self.col - 1, 0)])
                lines.append(pad + "^")
        for note in self.notes:
            # MLIR's op dump after op errors is kept in .notes, not shown
            if not note.message.startswith("see current operation:"):
                lines.append(note.format(sources))
        return "\n".join(lines)

    def __str__(self):
        return self.format()

    def __repr__(self):
        return "Diagnostic(%r, %r, %r, %d, %d)" % (
            self.severity, self.message, self.file, self.line, self.col)


class MloptError(Exception):
    """A failure reported by MLIR or mlopt: malformed IR, a verifier error,
    a failing pass, a bad pipeline. `diagnostics` lists the Diagnostics
    (errors with their notes); str() gives them as ml-opt prints them."""

    def __init__(self, message, diagnostics=(), sources=None):
        self.diagnostics = list(diagnostics)
        self.sources = dict(sources or {})
        self.summary = message
        super().__init__(self._text())

    def _text(self):
        errors = [d for d in self.diagnostics if d.severity == "error"]
        if not errors:
            return self.summary
        return "\n".join(d.format(self.sources) for d in errors)


class MloptWarning(UserWarning):
    """The category of warnings MLIR reports (warnings.warn)."""


def _location(loc):
    """(file, line, col) of an MlirLocation, looking through name, call
    site and fused locations as ml-opt does; (None, 0, 0) if unknown."""
    if C.mlirLocationIsAFileLineColRange(loc):
        name = C.mlirIdentifierStr(
            C.mlirLocationFileLineColRangeGetFilename(loc)).str()
        return (name, C.mlirLocationFileLineColRangeGetStartLine(loc),
                C.mlirLocationFileLineColRangeGetStartColumn(loc))
    if C.mlirLocationIsAName(loc):
        return _location(C.mlirLocationNameGetChildLoc(loc))
    if C.mlirLocationIsACallSite(loc):
        return _location(C.mlirLocationCallSiteGetCallee(loc))
    if C.mlirLocationIsAFused(loc):
        n = C.mlirLocationFusedGetNumLocations(loc)
        locs = (C.Location * max(n, 1))()
        C.mlirLocationFusedGetLocations(loc, locs)
        for i in range(n):
            pos = _location(locs[i])
            if pos[0] is not None:
                return pos
    return (None, 0, 0)


def from_mlir(diag):
    """Copies an MlirDiagnostic (valid only inside the handler) into a
    Diagnostic."""
    sink = C.StringSink()
    C.mlirDiagnosticPrint(diag, sink.callback, None)
    file, line, col = _location(C.mlirDiagnosticGetLocation(diag))
    notes = [from_mlir(C.mlirDiagnosticGetNote(diag, i))
             for i in range(C.mlirDiagnosticGetNumNotes(diag))]
    severity = C.mlirDiagnosticGetSeverity(diag)
    return Diagnostic(C.SEVERITIES[severity] if 0 <= severity < 4 else "error",
                      sink.text(), file, line, col, notes)
